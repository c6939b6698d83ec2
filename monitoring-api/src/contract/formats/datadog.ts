// Datadog v1 series payload, ready to POST to the series intake.
import type { MetricSample, MetricUnit } from '../types.js';

export interface DatadogSeries {
  metric: string;
  points: [number, number][];
  type: 'gauge';
  unit: MetricUnit;
  tags: string[];
}

export function formatDatadog(samples: MetricSample[], nowMs: number): { series: DatadogSeries[] } {
  const unixSeconds = Math.floor(nowMs / 1000);
  return {
    series: samples.map((sample) => ({
      metric: sample.name,
      points: [[unixSeconds, sample.value]],
      type: 'gauge',
      unit: sample.unit,
      tags: [
        `category:${sample.category}`,
        ...Object.entries(sample.labels ?? {}).map(([key, value]) => `${key}:${value}`),
      ],
    })),
  };
}
