// Prometheus text exposition format 0.0.4: dotted names become underscored,
// one HELP/TYPE pair per metric family, then one line per label set.
import type { Labels, MetricSample } from '../types.js';

export function prometheusName(dotted: string): string {
  const name = dotted.replace(/[^a-zA-Z0-9_:]/g, '_');
  return /^[a-zA-Z_:]/.test(name) ? name : `_${name}`;
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatLabels(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) {
    return '';
  }
  const pairs = entries.map(([key, value]) => `${prometheusName(key).replace(/:/g, '_')}="${escapeLabelValue(value)}"`);
  return `{${pairs.join(',')}}`;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '+Inf' : '-Inf';
  }
  return String(value);
}

export function formatPrometheus(samples: MetricSample[]): string {
  const families = new Map<string, MetricSample[]>();
  for (const sample of samples) {
    const family = families.get(sample.name) ?? [];
    family.push(sample);
    families.set(sample.name, family);
  }
  const lines: string[] = [];
  for (const [dotted, family] of families) {
    const name = prometheusName(dotted);
    const first = family[0]!;
    lines.push(`# HELP ${name} ${escapeHelp(`${first.description} (${first.unit})`)}`);
    lines.push(`# TYPE ${name} gauge`);
    for (const sample of family) {
      lines.push(`${name}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
