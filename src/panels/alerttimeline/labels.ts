/**
 * Parses labels and tags as they come in frames: a JSON object string ('{"service":"api"}'),
 * an object, a tag array (Grafana annotations) or a JSON array string. Tags written
 * "key=value" or "key:value" become labels; other tags keep an empty value.
 */
export function parseLabels(value: unknown, cache?: Map<string, Array<[string, string]>>): Array<[string, string]> {
  if (value === null || value === undefined || value === '') {
    return [];
  }
  if (Array.isArray(value)) {
    return value.map((tag) => splitTag(String(tag)));
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]);
  }
  const text = String(value);
  const cached = cache?.get(text);
  if (cached) {
    return cached;
  }
  const parsed = parseLabelText(text);
  cache?.set(text, parsed);
  return parsed;
}

function parseLabelText(text: string): Array<[string, string]> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return parseLabels(JSON.parse(trimmed));
    } catch {
      // Not JSON after all: fall through to a comma-separated tag list.
    }
  }
  return trimmed
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map(splitTag);
}

function splitTag(tag: string): [string, string] {
  const match = /^([^=:]+)[=:](.*)$/.exec(tag);
  return match ? [match[1].trim(), match[2].trim()] : [tag.trim(), ''];
}

/** The value of a label, or a tag equal to one of the wanted values (e.g. a "critical" tag). */
export function labelValue(labels: Array<[string, string]>, key: string): string | undefined {
  return labels.find(([k]) => k.toLowerCase() === key)?.[1] || undefined;
}

export function hasTag(labels: Array<[string, string]>, tag: string): boolean {
  return labels.some(([k, v]) => k.toLowerCase() === tag || v.toLowerCase() === tag);
}
