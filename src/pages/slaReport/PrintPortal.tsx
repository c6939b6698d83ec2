import React, { useEffect, useLayoutEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { injectGlobal } from '@emotion/css';

export const PRINT_ROOT_CLASS = 'appmon-print-root';

// Printing shows only the report, black on white, as a plain flow of pages: Grafana's
// chrome (menus, header, the page's scroll container) is hidden while the print root exists.
const PRINT_CSS = `
  @media print {
    @page {
      margin: 16mm 14mm;
    }
    html,
    body {
      background: #fff !important;
      height: auto !important;
      overflow: visible !important;
    }
    body:has(> .${PRINT_ROOT_CLASS}) > :not(.${PRINT_ROOT_CLASS}) {
      display: none !important;
    }
  }
  @media screen {
    .${PRINT_ROOT_CLASS} {
      display: none;
    }
  }
  .${PRINT_ROOT_CLASS} {
    color: #000;
    background: #fff;
    font-family: Inter, Helvetica, Arial, sans-serif;
    font-size: 10.5pt;
    line-height: 1.45;
  }
  .${PRINT_ROOT_CLASS} * {
    color: #000 !important;
    background: transparent !important;
    box-shadow: none !important;
    border-color: #888 !important;
  }
  .${PRINT_ROOT_CLASS} [data-print='hide'] {
    display: none !important;
  }
  .${PRINT_ROOT_CLASS} section + section {
    break-before: page;
  }
  .${PRINT_ROOT_CLASS} tr,
  .${PRINT_ROOT_CLASS} p {
    break-inside: avoid;
  }
  .${PRINT_ROOT_CLASS} h2,
  .${PRINT_ROOT_CLASS} h3 {
    break-after: avoid;
  }
`;
injectGlobal(PRINT_CSS);

const printQuery = () => (typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined);

/** True while the browser prints (or a test emulates print media). */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => printQuery()?.matches ?? false);
  useEffect(() => {
    // The print copy must exist before the browser lays the pages out: render synchronously.
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(printQuery()?.matches ?? false);
    const query = printQuery();
    const change = (e: MediaQueryListEvent) => (e.matches ? on() : off());
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    query?.addEventListener?.('change', change);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      query?.removeEventListener?.('change', change);
    };
  }, []);
  return printing;
}

/** Renders the report in place on screen, and as the only content of the page when printing. */
export function Printable({ children }: { children: React.ReactNode }) {
  const printing = usePrinting();
  const [root] = useState(() => {
    const div = document.createElement('div');
    div.className = PRINT_ROOT_CLASS;
    return div;
  });
  useLayoutEffect(() => {
    if (!printing) {
      return;
    }
    document.body.appendChild(root);
    return () => root.remove();
  }, [printing, root]);
  return printing ? createPortal(children, root) : <>{children}</>;
}
