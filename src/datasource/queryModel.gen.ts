// Generated from pkg/query/schema/v0alpha1/query.types.json by
// `go test ./pkg/query -run TestQuerySchema -update`. Do not edit: change the Go model.
import type { DataQuery } from '@grafana/schema';

/** Query types the Go backend answers, in the editor's order. */
export const QUERY_TYPES = ['metrics', 'health', 'uptime', 'alerts', 'dashboard', 'slo', 'oncall'] as const;

export type QueryType = (typeof QUERY_TYPES)[number];

export const ALERTS_ACTION_VALUES = ['active', 'history', 'configuration'] as const;

export type AlertsAction = (typeof ALERTS_ACTION_VALUES)[number];

export const FLEET_VIEW_VALUES = ['instances', 'fleet'] as const;

export type FleetView = (typeof FLEET_VIEW_VALUES)[number];

export const FORMAT_VALUES = ['auto', 'json', 'prometheus', 'datadog'] as const;

export type Format = (typeof FORMAT_VALUES)[number];

export const ONCALL_VIEW_VALUES = ['now', 'shifts', 'escalation'] as const;

export type OncallView = (typeof ONCALL_VIEW_VALUES)[number];

/** The query JSON the editor saves; every field is optional. */
export interface AppMonQuery extends DataQuery {
  queryType?: QueryType;
  /** AlertsAction is active (default), history or configuration. */
  alertsAction?: AlertsAction;
  /** Category filters metrics: one category, a comma list, "{a,b}" (a multi-value template variable) or ""/"all" for every category. */
  category?: string;
  /** Endpoint filters series by their endpoint label: "overall" keeps the whole-application series (no endpoint label), anything else matches endpoint paths ("/api/tickets", "/api/*", lists). Empty keeps all. */
  endpoint?: string;
  /** FleetView is instances (default: one series per instance, labelled with the instance) or fleet (the instances combined: sums for counts and rates, means for shares, the worst instance for percentiles, "N of M healthy" for health). */
  fleetView?: FleetView;
  /** Format is the metrics wire format to request: auto (default: JSON, then Prometheus text, then Datadog series, remembering what worked), json, prometheus or datadog (that format only). */
  format?: Format;
  /** Live streams current values through Grafana Live. */
  live?: boolean;
  /** MetricName filters by name: exact names, comma lists, "{a,b}" and "*" wildcards. Applies to the numeric series of every query type that has it (e.g. "health.response_time"). */
  metricName?: string;
  /** Objective picks SLO objectives by id (one, a list or "" for all). */
  objective?: string;
  /** OncallView is now (default), shifts or escalation. */
  oncallView?: OncallView;
  /** Service filters the series to one service (or a list). */
  service?: string;
  /** Severity filters alerts (one, a list, or empty for all). */
  severity?: string;
  /** ShiftCount is the number of shifts per layer of the shifts view. */
  shiftCount?: number;
  /** SloField returns one numeric column of the "slo" frame (fast_burn, burn_rate_1h, budget_remaining_ratio, ...) as a numeric-long frame, the shape an alert rule condition reads directly. */
  sloField?: string;
  /** SloWindow evaluates the objectives over this window instead of their own (e.g. calendar_month). */
  sloWindow?: string;
  /** Total sums rates (per minute or per second, e.g. USD/min) over the time range into amounts, with the same length just before it and the change. */
  total?: boolean;
}

/** A field of the query model other than queryType. */
export type QueryField = Exclude<keyof AppMonQuery, keyof DataQuery>;

/** What each query type reads: its fields, and whether Grafana Live streams it. */
export interface QueryTypeContract {
  description: string;
  fields: readonly QueryField[];
  live: boolean;
}

export const QUERY_CONTRACT: Record<QueryType, QueryTypeContract> = {
  metrics: {
    description: 'Named metrics by category, over the time range when the server keeps history',
    fields: ['category', 'endpoint', 'fleetView', 'format', 'metricName', 'total'],
    live: true,
  },
  health: {
    description: 'Overall status, health score and each dependency',
    fields: ['fleetView', 'metricName', 'service'],
    live: true,
  },
  uptime: {
    description: 'Uptime percentage and SLA compliance',
    fields: ['fleetView', 'metricName'],
    live: true,
  },
  alerts: {
    description: 'Active alerts, alert history or the alert rules',
    fields: ['alertsAction', 'fleetView', 'severity'],
    live: false,
  },
  dashboard: {
    description: 'The summary figures of /api/monitoring/dashboard',
    fields: ['fleetView', 'metricName', 'service'],
    live: true,
  },
  slo: {
    description: 'Error budgets and burn rates of the configured objectives',
    fields: ['fleetView', 'objective', 'sloField', 'sloWindow'],
    live: false,
  },
  oncall: {
    description: 'Who is on call, the next shifts and the escalation of open alerts',
    fields: ['fleetView', 'oncallView', 'severity', 'shiftCount'],
    live: false,
  },
};

/** Bounds of the numeric fields, as the backend checks them. */
export const QUERY_LIMITS = {
  shiftCount: { minimum: 1, maximum: 200 },
} as const;
