import React from 'react';
import { DataFrame, DataQueryError, FieldConfigSource, PanelProps } from '@grafana/data';

import { AlertTimelinePanel } from '../../src/panels/alerttimeline/AlertTimelinePanel';
import { AlertTimelineOptions } from '../../src/panels/alerttimeline/types';
import { OnCallStatusPanel } from '../../src/panels/oncallstatus/OnCallStatusPanel';
import { OnCallStatusOptions } from '../../src/panels/oncallstatus/types';
import { SlaCompliancePanel } from '../../src/panels/slacompliance/SlaCompliancePanel';
import { SlaComplianceOptions } from '../../src/panels/slacompliance/types';
import { alertHistoryFrame, annotationFrame, maintenanceFrame } from '../../src/test/fixtures/alerts';
import {
  escalationPolicyFrame,
  onCallEscalationFrame,
  onCallNowFrame,
  onCallShiftsFrame,
} from '../../src/test/fixtures/oncall';
import { sloFrame, sloTrendFrames } from '../../src/test/fixtures/slo';

const HOUR = 3_600_000;

/** One panel in the gallery: which component, with what data, at what size. */
export interface GalleryCase {
  id: string;
  title: string;
  width: number;
  height: number;
  /** Timeline cases keep the dashboard range in state so drag-to-zoom works in the gallery too. */
  range: { from: number; to: number };
  series: () => DataFrame[];
  annotations?: () => DataFrame[];
  errors?: DataQueryError[];
  fieldConfig?: FieldConfigSource;
  render: (props: PanelProps<unknown>) => React.ReactElement;
}

const sla = (options: SlaComplianceOptions) => (props: PanelProps<unknown>) => (
  <SlaCompliancePanel {...(props as PanelProps<SlaComplianceOptions>)} options={options} />
);
// The gallery has no Grafana to read Grafana-managed alerts from: application alerts only.
const timeline = (options: AlertTimelineOptions) => (props: PanelProps<unknown>) => (
  <AlertTimelinePanel
    {...(props as PanelProps<AlertTimelineOptions>)}
    options={{ alertSource: 'application', ...options }}
  />
);
const oncall = (options: OnCallStatusOptions) => (props: PanelProps<unknown>) => (
  <OnCallStatusPanel {...(props as PanelProps<OnCallStatusOptions>)} options={options} />
);

/** A copy of a frame without one field, as a badly shaped query would return. */
function withoutField(frame: DataFrame, field: string, name: string): DataFrame {
  return { ...frame, name, fields: frame.fields.filter((f) => f.name !== field) };
}

const upstreamDown: DataQueryError[] = [
  {
    refId: 'A',
    message:
      'monitoring API at api.internal:8080 answered 503 Service Unavailable after 3 tries; check that the application is up',
  },
];

/** All cases, built against `now` so open alerts and countdowns look live. */
export function galleryCases(now: number): GalleryCase[] {
  const sixHours = { from: now - 6 * HOUR, to: now };
  const day = { from: now - 24 * HOUR, to: now };
  const week = { from: now - 7 * 24 * HOUR, to: now };
  return [
    {
      id: 'sla-full',
      title: 'SLA compliance — full report',
      width: 1100,
      height: 560,
      range: week,
      series: () => [sloFrame(), ...sloTrendFrames(now)],
      render: sla({ layout: 'full' }),
    },
    {
      id: 'sla-compact',
      title: 'SLA compliance — compact stat row',
      width: 1100,
      height: 170,
      range: week,
      series: () => [sloFrame(), ...sloTrendFrames(now)],
      render: sla({ layout: 'compact' }),
    },
    {
      id: 'sla-partial',
      title: 'SLA compliance — partial data (one query failed, one frame lacks a field)',
      width: 1100,
      height: 260,
      range: week,
      series: () => [sloFrame(), withoutField(sloFrame(), 'actual', 'custom_slo')],
      errors: [{ refId: 'B', message: 'slo_trend: the server has no metrics history extension' }],
      render: sla({ layout: 'compact', showTrend: false }),
    },
    {
      id: 'sla-empty',
      title: 'SLA compliance — no data',
      width: 540,
      height: 200,
      range: week,
      series: () => [],
      render: sla({ layout: 'full' }),
    },
    {
      id: 'sla-error',
      title: 'SLA compliance — query error',
      width: 540,
      height: 200,
      range: week,
      series: () => [],
      errors: upstreamDown,
      render: sla({ layout: 'full' }),
    },
    {
      id: 'timeline-alerts',
      title: 'Alert timeline — one row per alert, maintenance shaded',
      width: 1100,
      height: 420,
      range: sixHours,
      series: () => [
        alertHistoryFrame({ count: 24, from: sixHours.from, to: now, randomSeed: 3 }),
        maintenanceFrame(now - 4 * HOUR, now - 3.25 * HOUR),
      ],
      annotations: () => [
        annotationFrame([
          { time: now - 1.5 * HOUR, timeEnd: now - 1.2 * HOUR, text: 'Kernel patching', tags: ['maintenance'] },
        ]),
      ],
      render: timeline({ groupBy: 'alert' }),
    },
    {
      id: 'timeline-service',
      title: 'Alert timeline — 500 alerts grouped by service',
      width: 1100,
      height: 380,
      range: day,
      series: () => [alertHistoryFrame({ count: 500, from: day.from, to: now, randomSeed: 5 })],
      render: timeline({ groupBy: 'service' }),
    },
    {
      id: 'timeline-10k',
      title: 'Alert timeline — 10,000 alerts, one row each (scrolls)',
      width: 1100,
      height: 420,
      range: week,
      series: () => [alertHistoryFrame({ count: 10_000, from: week.from, to: now, randomSeed: 11 })],
      render: timeline({ groupBy: 'alert', laneHeight: 16 }),
    },
    {
      id: 'timeline-10k-rule',
      title: 'Alert timeline — 10,000 alerts grouped by rule',
      width: 1100,
      height: 420,
      range: week,
      series: () => [alertHistoryFrame({ count: 10_000, from: week.from, to: now, randomSeed: 13 })],
      render: timeline({ groupBy: 'rule', laneHeight: 8 }),
    },
    {
      id: 'timeline-empty',
      title: 'Alert timeline — no alerts',
      width: 540,
      height: 200,
      range: sixHours,
      series: () => [],
      render: timeline({}),
    },
    {
      id: 'timeline-error',
      title: 'Alert timeline — query error',
      width: 540,
      height: 200,
      range: sixHours,
      series: () => [],
      errors: upstreamDown,
      render: timeline({}),
    },
    {
      id: 'oncall-full',
      title: 'On-call status — layers, next shifts, escalation',
      width: 1100,
      height: 560,
      range: sixHours,
      // Handoff in 17 minutes; alerts escalating right now.
      series: () => [
        onCallNowFrame(now - 43 * 60_000),
        onCallShiftsFrame(now - 43 * 60_000),
        escalationPolicyFrame(),
        onCallEscalationFrame(now),
      ],
      render: oncall({ showContact: true, textSize: 'normal' }),
    },
    {
      id: 'oncall-wall',
      title: 'On-call status — wall screen (large type)',
      width: 1100,
      height: 320,
      range: sixHours,
      series: () => [onCallNowFrame(now - 20 * 60_000)],
      render: oncall({ showContact: true, textSize: 'large', showEscalation: false }),
    },
    {
      id: 'oncall-empty',
      title: 'On-call status — no data',
      width: 540,
      height: 200,
      range: sixHours,
      series: () => [],
      render: oncall({ showContact: true }),
    },
    {
      id: 'oncall-error',
      title: 'On-call status — query error',
      width: 540,
      height: 200,
      range: sixHours,
      series: () => [],
      errors: upstreamDown,
      render: oncall({ showContact: true }),
    },
  ];
}
