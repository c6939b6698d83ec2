import { DataFrame, PanelData } from '@grafana/data';

/** Something a panel tells its viewer about the data: a failed query, a notice, a missing field. */
export interface PanelIssue {
  level: 'error' | 'warning' | 'info';
  message: string;
}

/** The query errors Grafana hands the panel, one message each, prefixed with the query they belong to. */
export function queryErrors(data: PanelData): PanelIssue[] {
  const errors = data.errors ?? [];
  const seen = new Set<string>();
  const issues: PanelIssue[] = [];
  for (const error of errors) {
    const text = error.message || error.data?.message || error.statusText || 'The query failed without a message.';
    const message = error.refId ? `Query ${error.refId}: ${text}` : text;
    if (!seen.has(message)) {
      seen.add(message);
      issues.push({ level: 'error', message });
    }
  }
  return issues;
}

/** Notices a data source attached to frames (e.g. "layer secondary has no members"). */
export function frameNotices(frames: DataFrame[]): PanelIssue[] {
  const issues: PanelIssue[] = [];
  const seen = new Set<string>();
  for (const frame of frames) {
    for (const notice of frame.meta?.notices ?? []) {
      if (!notice.text || seen.has(notice.text)) {
        continue;
      }
      seen.add(notice.text);
      const level = notice.severity === 'error' ? 'error' : notice.severity === 'warning' ? 'warning' : 'info';
      issues.push({ level, message: notice.text });
    }
  }
  return issues;
}

/** Keeps the first occurrence of each message, in order. */
export function uniqueIssues(issues: PanelIssue[]): PanelIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (seen.has(issue.message)) {
      return false;
    }
    seen.add(issue.message);
    return true;
  });
}
