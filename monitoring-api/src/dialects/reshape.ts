// Shape and format conversions shared by the dialects. Values are never
// changed, only how they are named, nested and written.
import type { AlertRule, HealthStatus, MetricSample, Severity } from '../contract/types.js';

// ---- names ----

export function camel(name: string): string {
  return name.replace(/[._]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/\./g, '_');
}

/** Renames every key of a flat object. */
export function renameKeys(obj: Record<string, unknown>, rename: (key: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [rename(k), v]));
}

// ---- times ----

/** 2025-03-03T12:00:03.560+00:00 (Java, .NET). */
export function isoOffset(iso: string): string {
  return iso.replace(/Z$/, '+00:00');
}

/** 2025-03-03T12:00:03.560000+00:00 (Python isoformat). */
export function pythonIso(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** 2025-03-03T12:00:03.560000Z (PHP Carbon). */
export function microsZ(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** 2025-03-03T12:00:03.56Z (Go time.RFC3339Nano drops trailing zeros). */
export function rfc3339Nano(iso: string): string {
  return iso.replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

export function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

export function epochMillis(iso: string): number {
  return Date.parse(iso);
}

export function nullable<T>(value: string | null, format: (iso: string) => T): T | null {
  return value === null ? null : format(value);
}

/** PT24H0M3S */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `PT${h}H${m}M${Math.round(seconds % 60)}S`;
}

/** 24h0m3s (Go time.Duration). */
export function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}h${m}m${Math.round(seconds % 60)}s`;
}

// ---- words ----

export type StatusWords = Record<HealthStatus, string>;

export const SEVERITY_PRIORITY: Record<Severity, string> = {
  critical: 'P1',
  high: 'P2',
  medium: 'P3',
  low: 'P4',
  info: 'P5',
};

/** Log-level style: what a team without a "high" or "medium" would pick. */
export const SEVERITY_LEVEL: Record<Severity, string> = {
  critical: 'critical',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'info',
};

// ---- metrics ----

export function unlabeled(samples: MetricSample[]): MetricSample[] {
  return samples.filter((s) => !s.labels || Object.keys(s.labels).length === 0);
}

export function labeled(samples: MetricSample[]): MetricSample[] {
  return samples.filter((s) => s.labels && Object.keys(s.labels).length > 0);
}

/** {"api":{"response_time":{"p95":412}}} from the dotted names. */
export function nestByName(samples: MetricSample[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const s of samples) {
    const parts = s.name.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const child = node[part];
      if (typeof child !== 'object' || child === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = s.value;
  }
  return root;
}

/** name -> value for the samples without labels. */
export function valueMap(samples: MetricSample[], rename: (name: string) => string = (n) => n): Record<string, number> {
  return Object.fromEntries(unlabeled(samples).map((s) => [rename(s.name), s.value]));
}

/** endpoint -> (name -> value) for the per-endpoint samples. */
export function byEndpoint(samples: MetricSample[], rename: (name: string) => string = (n) => n) {
  const out: Record<string, Record<string, number>> = {};
  for (const s of labeled(samples)) {
    const endpoint = s.labels?.endpoint;
    if (!endpoint) continue;
    (out[endpoint] ??= {})[rename(s.name)] = s.value;
  }
  return out;
}

/** ["endpoint:/api/tickets"] (Datadog-style tag strings). */
export function tagStrings(labels: Record<string, string> | undefined): string[] {
  return Object.entries(labels ?? {}).map(([k, v]) => `${k}:${v}`);
}

// ---- alert rules ----

export function forDuration(rule: AlertRule): string {
  return isoDuration(rule.for_seconds);
}
