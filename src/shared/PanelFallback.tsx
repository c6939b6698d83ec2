import React from 'react';

import { PanelIssue } from './issues';
import { PanelMessage } from './PanelMessage';

interface Props {
  /** The query errors; when there are any, the panel says the query failed. */
  errors: PanelIssue[];
  /** True while the queries run; shown when there is no error. */
  loading: boolean;
  /** The three titles, in the panel's words. */
  errorTitle: string;
  loadingTitle: string;
  emptyTitle: string;
  /** Why there is nothing to show, and what to do about it. */
  emptyDetails?: string[];
  width: number;
  height: number;
}

/**
 * What a panel shows instead of its visualization when it has nothing to draw, the same way in
 * every AppMon panel: the query errors if a query failed, else a loading line while the queries
 * run, else why the data is empty.
 */
export function PanelFallback(p: Props) {
  if (p.errors.length > 0) {
    return (
      <PanelMessage
        kind="error"
        title={p.errorTitle}
        details={p.errors.map((e) => e.message)}
        width={p.width}
        height={p.height}
      />
    );
  }
  if (p.loading) {
    return <PanelMessage kind="empty" title={p.loadingTitle} width={p.width} height={p.height} />;
  }
  return <PanelMessage kind="empty" title={p.emptyTitle} details={p.emptyDetails} width={p.width} height={p.height} />;
}
