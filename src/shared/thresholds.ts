import { GrafanaTheme2, getActiveThreshold, ThresholdsConfig } from '@grafana/data';

/** The colour of the threshold step a value falls in, resolved against the theme. */
export function thresholdColor(
  theme: GrafanaTheme2,
  value: number,
  thresholds: ThresholdsConfig | undefined
): string | undefined {
  if (!thresholds?.steps?.length) {
    return undefined;
  }
  const step = getActiveThreshold(value, thresholds.steps);
  return theme.visualization.getColorByName(step.color);
}
