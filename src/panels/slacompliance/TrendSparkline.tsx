import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { formatPercent } from '../../shared/format';
import { TrendPoint } from './types';

interface Props {
  points: TrendPoint[];
  target?: number;
  color: string;
  height: number;
  decimals?: number;
}

const VIEW_WIDTH = 200;

/** The SLI over the window as a line, with the target dashed, scaled so both are always visible. */
export function TrendSparkline({ points, target, color, height, decimals }: Props) {
  const styles = useStyles2(getStyles);
  if (points.length < 2) {
    return null;
  }
  const values = points.map((p) => p.value);
  let min = Math.min(...values, target ?? Infinity);
  let max = Math.max(...values, target ?? -Infinity);
  if (max - min < 1e-9) {
    min -= 0.5;
    max += 0.5;
  }
  const pad = (max - min) * 0.1;
  min -= pad;
  max += pad;
  const t0 = points[0].time;
  const t1 = points[points.length - 1].time;
  const x = (t: number) => ((t - t0) / Math.max(1, t1 - t0)) * VIEW_WIDTH;
  const y = (v: number) => height - ((v - min) / (max - min)) * height;
  const line = points.map((p) => `${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const first = values[0];
  const last = values[values.length - 1];
  const label = `Trend from ${formatPercent(first, decimals)} to ${formatPercent(last, decimals)}, low ${formatPercent(Math.min(...values), decimals)}`;

  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${VIEW_WIDTH} ${height}`}
      preserveAspectRatio="none"
      height={height}
      role="img"
      aria-label={label}
    >
      {target !== undefined && (
        <line
          x1={0}
          x2={VIEW_WIDTH}
          y1={y(target)}
          y2={y(target)}
          className={styles.target}
          vectorEffect="non-scaling-stroke"
        />
      )}
      <polyline points={line} fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ width: '100%', display: 'block', overflow: 'visible' }),
  target: css({ stroke: theme.colors.text.secondary, strokeDasharray: '4 3', strokeWidth: 1 }),
});
