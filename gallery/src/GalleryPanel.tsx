import React, { useMemo, useState } from 'react';
import { LoadingState } from '@grafana/data';
import { PanelChrome } from '@grafana/ui';

import { buildPanelProps } from '../../src/test/buildPanelProps';
import { GalleryCase } from './cases';

/** A case inside Grafana's own panel chrome, with a working time range so drag-to-zoom can be tried. */
export function GalleryPanel({ item }: { item: GalleryCase }) {
  const [range, setRange] = useState(item.range);
  const series = useMemo(() => item.series(), [item]);
  const annotations = useMemo(() => item.annotations?.(), [item]);
  const zoomed = range !== item.range;

  return (
    <section className="gallery-case" data-case={item.id} aria-label={item.title}>
      <PanelChrome
        width={item.width}
        height={item.height}
        title={item.title}
        statusMessage={item.errors?.map((e) => e.message).join('\n')}
        loadingState={item.errors?.length ? LoadingState.Error : LoadingState.Done}
        actions={
          zoomed ? (
            <button type="button" className="gallery-reset" onClick={() => setRange(item.range)}>
              Reset zoom
            </button>
          ) : undefined
        }
      >
        {(innerWidth, innerHeight) =>
          item.render(
            buildPanelProps<unknown>({
              options: {},
              series,
              annotations,
              errors: item.errors,
              range,
              width: innerWidth,
              height: innerHeight,
              onChangeTimeRange: (r) => setRange({ from: r.from, to: r.to }),
            })
          )
        }
      </PanelChrome>
      <output className="gallery-range" data-testid={`range-${item.id}`}>
        {new Date(range.from).toISOString()} → {new Date(range.to).toISOString()}
      </output>
    </section>
  );
}
