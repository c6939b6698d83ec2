import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, dateTimeFormat } from '@grafana/data';
import { Badge, Text, useStyles2 } from '@grafana/ui';

import { formatDuration } from '../../shared/format';
import { ReportObjective, SlaReport } from './api';
import { percent, summaryParagraph } from './summary';

function result(o: ReportObjective, complete: boolean) {
  if (o.met === null) {
    return <Badge color="blue" text="no data" />;
  }
  if (o.met) {
    return <Badge color="green" text={complete ? 'met' : 'on track'} />;
  }
  return <Badge color="red" text={complete ? 'missed' : 'over budget'} />;
}

const orDash = (v: number | null, f: (v: number) => string) => (v === null ? '—' : f(v));

function budgetUsed(o: ReportObjective) {
  if (o.budget_used_ratio === null) {
    return '—';
  }
  return `${Math.round(o.budget_used_ratio * 100)} % (${formatDuration((o.budget_used_minutes ?? 0) * 60)} of ${formatDuration(o.budget_minutes * 60)})`;
}

function ObjectivesSection({ report }: { report: SlaReport }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Objective</th>
          <th>Target</th>
          <th>Actual</th>
          <th>Result</th>
          <th>Error budget used</th>
          <th>Days under target</th>
          <th>Data for</th>
        </tr>
      </thead>
      <tbody>
        {report.objectives.map((o) => (
          <tr key={o.id}>
            <td>{o.title}</td>
            <td>{percent(o.target)}</td>
            <td>{orDash(o.actual, (v) => percent(v, o.target))}</td>
            <td>{result(o, report.complete)}</td>
            <td>{budgetUsed(o)}</td>
            <td>{o.days_missed === null ? '—' : `${o.days_missed} of ${o.days_with_data}`}</td>
            <td>{`${o.days_with_data} of ${o.days_elapsed} days`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DaysSection({ report }: { report: SlaReport }) {
  const missed = report.objectives.flatMap((o) =>
    o.daily.filter((d) => d.met === false).map((d) => ({ ...d, objective: o }))
  );
  if (missed.length === 0) {
    return <Text element="p">No day with data missed its target.</Text>;
  }
  return (
    <table>
      <thead>
        <tr>
          <th>Day</th>
          <th>Objective</th>
          <th>That day</th>
          <th>Target</th>
        </tr>
      </thead>
      <tbody>
        {missed
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((d) => (
            <tr key={`${d.objective.id}-${d.date}`}>
              <td>{d.date}</td>
              <td>{d.objective.title}</td>
              <td>{orDash(d.actual, (v) => percent(v, d.objective.target))}</td>
              <td>{percent(d.objective.target)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function IncidentsSection({ report }: { report: SlaReport }) {
  if (report.incidents === null) {
    return <Text element="p">The application does not list incidents, so they and the MTTR are unknown.</Text>;
  }
  if (report.incidents.length === 0) {
    return <Text element="p">No incidents in {report.month_name}.</Text>;
  }
  const when = (iso: string) => dateTimeFormat(iso, { timeZone: report.time_zone, format: 'D MMM HH:mm' });
  return (
    <>
      <Text element="p">
        {report.incidents.length} incidents; mean time to resolve (MTTR): {orDash(report.mttr_seconds, formatDuration)}.
      </Text>
      <table>
        <thead>
          <tr>
            <th>Started</th>
            <th>Incident</th>
            <th>Severity</th>
            <th>Resolved</th>
            <th>Time to resolve</th>
          </tr>
        </thead>
        <tbody>
          {report.incidents.map((i) => (
            <tr key={i.id}>
              <td>{when(i.started_at)}</td>
              <td>{i.title}</td>
              <td>{i.severity}</td>
              <td>{i.resolved_at ? when(i.resolved_at) : 'still open'}</td>
              <td>{orDash(i.duration_seconds, formatDuration)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function change(v: number | null) {
  if (v === null) {
    return '—';
  }
  const size = Math.abs(v) < 0.01 ? Math.abs(v).toFixed(3) : Math.abs(v).toFixed(2);
  return Math.abs(v) < 0.0005 ? 'unchanged' : `${v > 0 ? '▲ up' : '▼ down'} ${size} points`;
}

function ComparisonSection({ report }: { report: SlaReport }) {
  const p = report.previous;
  return (
    <>
      {p.coverage && <Text element="p">{p.coverage}</Text>}
      <table>
        <thead>
          <tr>
            <th></th>
            <th>{p.month_name}</th>
            <th>{report.month_name}</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {report.objectives.map((o) => (
            <tr key={o.id}>
              <td>{o.title}</td>
              <td>{orDash(o.previous.actual, (v) => percent(v, o.target))}</td>
              <td>{orDash(o.actual, (v) => percent(v, o.target))}</td>
              <td>{change(o.change_points)}</td>
            </tr>
          ))}
          <tr>
            <td>Incidents</td>
            <td>{p.incident_count ?? '—'}</td>
            <td>{report.incident_count ?? '—'}</td>
            <td></td>
          </tr>
          <tr>
            <td>MTTR</td>
            <td>{orDash(p.mttr_seconds, formatDuration)}</td>
            <td>{orDash(report.mttr_seconds, formatDuration)}</td>
            <td></td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  report: css({
    maxWidth: 1100,
    table: { borderCollapse: 'collapse', width: '100%', marginBottom: theme.spacing(1) },
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      fontVariantNumeric: 'tabular-nums',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    section: { marginBottom: theme.spacing(4) },
    h2: { marginBottom: theme.spacing(1) },
    h3: { marginBottom: theme.spacing(1) },
  }),
  summary: css({ fontSize: theme.typography.h5.fontSize, maxWidth: '75ch' }),
});

/** The report itself: the same markup on screen and on paper. */
export function ReportBody({ report }: { report: SlaReport }) {
  const styles = useStyles2(getStyles);
  return (
    <article className={styles.report} aria-label={`SLA report for ${report.month_name}`}>
      <section aria-label="Summary">
        <h2>SLA report: {report.month_name}</h2>
        <p className={styles.summary}>{summaryParagraph(report)}</p>
        <h3>Objectives</h3>
        <ObjectivesSection report={report} />
        <Text element="p" color="secondary">
          {report.complete
            ? `Calendar month ${dateTimeFormat(report.from, { timeZone: report.time_zone, format: 'D MMM YYYY' })} to ${dateTimeFormat(report.to, { timeZone: report.time_zone, format: 'D MMM YYYY' })} (${report.time_zone}).`
            : `Month to date, up to ${dateTimeFormat(report.until, { timeZone: report.time_zone, format: 'D MMM YYYY HH:mm' })} (${report.time_zone}); "on track" means the budget used so far fits in the month's budget.`}
        </Text>
      </section>
      <section aria-label="Days under target">
        <h3>Days under target</h3>
        <DaysSection report={report} />
      </section>
      <section aria-label="Incidents">
        <h3>Incidents</h3>
        <IncidentsSection report={report} />
      </section>
      <section aria-label="Month over month">
        <h3>Compared with {report.previous.month_name}</h3>
        <ComparisonSection report={report} />
      </section>
      {report.notices.length > 0 && (
        <section aria-label="Notes">
          <h3>Notes</h3>
          <ul>
            {report.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
