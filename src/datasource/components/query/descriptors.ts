import { QUERY_CONTRACT, QueryField, QueryType } from '../../queryModel.gen';

/**
 * One descriptor per query type: what the editor says about it and the order of its fields.
 * Which fields a type has, and whether it streams, come from the backend's query model
 * (QUERY_CONTRACT, generated from Go); descriptors.test.ts fails when a type or a field of
 * the model has no place here.
 */
export interface QueryTypeDescriptor {
  label: string;
  /** One line under the editor. */
  help: string;
  /** The type's fields in the order the section shows them (live excluded: one switch for all). */
  fields: readonly QueryField[];
}

export const QUERY_TYPE_DESCRIPTORS: Record<QueryType, QueryTypeDescriptor> = {
  metrics: {
    label: 'Metrics',
    help: 'Leave category and metric empty to get every metric. Numeric series work in alert rules.',
    fields: ['category', 'metricName', 'endpoint', 'format', 'total', 'fleetView'],
  },
  health: {
    label: 'Health',
    help: 'Status is 1 (healthy), 0.5 (degraded) or 0 (unhealthy) per service; also the health score and response times.',
    fields: ['service', 'metricName', 'fleetView'],
  },
  uptime: {
    label: 'Uptime',
    help: 'Uptime percentage against the SLA target, and which SLA checks pass (1 met, 0 not).',
    fields: ['metricName', 'fleetView'],
  },
  alerts: {
    label: 'Alerts',
    help: 'History needs a server with the alerts.history extension; the health check tells.',
    fields: ['alertsAction', 'severity', 'fleetView'],
  },
  dashboard: {
    label: 'Dashboard',
    help: 'The same summary the application shows on its own dashboard endpoint.',
    fields: ['service', 'metricName', 'fleetView'],
  },
  slo: {
    label: 'SLO',
    help: 'Objectives come from the data source settings. Pick one column (e.g. fast_burn) for an alert rule.',
    fields: ['objective', 'sloField', 'sloWindow', 'fleetView'],
  },
  oncall: {
    label: 'On-call',
    help: 'Schedules come from the data source settings (layers, rotations, overrides, escalation).',
    fields: ['oncallView', 'shiftCount', 'severity', 'fleetView'],
  },
};

/** The description of a query type, as the backend's model documents it. */
export function describe(type: QueryType): string {
  return QUERY_CONTRACT[type].description;
}

/** True when Grafana Live can stream the type (its Go model has the live field). */
export function streams(type: QueryType): boolean {
  return QUERY_CONTRACT[type].live;
}
