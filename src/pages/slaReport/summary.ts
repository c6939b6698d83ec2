import { formatDuration } from '../../shared/format';
import { ReportObjective, SlaReport } from './api';

/**
 * "99.95 %", with a space that does not break. A value under its target never rounds up to it
 * ("99.9 % against 99.9 %" for a missed target): it gets more decimals.
 */
export function percent(value: number, target?: number): string {
  for (const decimals of [2, 3]) {
    const text = value.toFixed(decimals);
    if (target === undefined || Number(text) !== target || value >= target) {
      return `${text.replace(/\.?0+$/, '')}\u00a0%`;
    }
  }
  return `${value.toFixed(4)}\u00a0%`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The objective's name as prose: "availability", "error-rate", "latency p95 ≤ 2000 ms". */
export function objectiveName(o: ReportObjective): string {
  return o.title === 'Error rate' ? 'error-rate' : lowerFirst(o.title);
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** One objective in words, e.g. "met its availability target: 99.95 % against 99.9 %". */
export function objectiveSentence(o: ReportObjective, ongoing: boolean): string {
  const name = objectiveName(o);
  if (o.actual === null || o.met === null) {
    return `has no figures for its ${name} target`;
  }
  const figures = `${percent(o.actual, o.target)} against ${percent(o.target)}`;
  const missed = o.days_missed ?? 0;
  if (o.met) {
    const verb = ongoing ? 'is meeting' : 'met';
    return missed > 0
      ? `${verb} its ${name} target over the month (${figures}), though it was missed on ${days(missed)}`
      : `${verb} its ${name} target: ${figures}`;
  }
  const verb = ongoing ? 'is missing' : 'missed';
  return missed > 0
    ? `${verb} its ${name} target: ${figures}, with ${days(missed)} under target`
    : `${verb} its ${name} target: ${figures}`;
}

function joinClauses(parts: string[]): string {
  if (parts.length <= 1) {
    return parts.join('');
  }
  return `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}`;
}

function incidentSentence(r: SlaReport): string {
  if (r.incident_count === null) {
    return 'Incidents are not known: the application does not list them.';
  }
  if (r.incident_count === 0) {
    return r.complete ? 'There were no incidents.' : 'There have been no incidents so far.';
  }
  const count = r.incident_count === 1 ? 'one incident' : `${r.incident_count} incidents`;
  const was = r.complete ? 'There were' : 'There have been';
  const mttr =
    r.mttr_seconds === null
      ? ' none of them resolved yet'
      : `; on average it took ${formatDuration(r.mttr_seconds)} to resolve one (MTTR)`;
  return `${was} ${count}${mttr}.`;
}

function comparisonSentence(r: SlaReport): string {
  const changes = r.objectives
    .filter((o) => o.change_points !== null)
    .map((o) => {
      const c = o.change_points!;
      const size = `${Math.abs(c) < 0.01 ? Math.abs(c).toFixed(3) : Math.abs(c).toFixed(2)} points`;
      return Math.abs(c) < 0.0005
        ? `${objectiveName(o)} unchanged`
        : `${objectiveName(o)} ${c > 0 ? 'up' : 'down'} ${size}`;
    });
  const parts: string[] = [];
  if (changes.length > 0) {
    parts.push(`Compared with ${r.previous.month_name}: ${changes.join(', ')}.`);
  }
  if (r.previous.coverage) {
    parts.push(r.previous.coverage);
  }
  return parts.join(' ');
}

/**
 * The report's opening paragraph: "In November 2026 the service met its availability target:
 * 99.95 % against 99.9 %; …". Every figure comes from the backend; unknown ones are said so.
 */
export function summaryParagraph(r: SlaReport): string {
  const ongoing = !r.complete;
  const opening = ongoing ? `So far in ${r.month_name} the service` : `In ${r.month_name} the service`;
  const sentences: string[] = [];
  if (r.objectives.length === 0) {
    sentences.push(`${r.month_name} has no objectives to report on.`);
  } else if (r.objectives.every((o) => o.actual === null)) {
    sentences.push(`There are no figures for ${r.month_name}.`);
  } else {
    sentences.push(`${opening} ${joinClauses(r.objectives.map((o) => objectiveSentence(o, ongoing)))}.`);
  }
  if (r.coverage) {
    sentences.push(r.coverage);
  }
  sentences.push(incidentSentence(r));
  const comparison = comparisonSentence(r);
  if (comparison) {
    sentences.push(comparison);
  }
  return sentences.join(' ');
}
