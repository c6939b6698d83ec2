import React from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme } from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';

import { runBench } from './bench';
import { galleryCases } from './cases';
import { GalleryPanel } from './GalleryPanel';

/**
 * The panel gallery: every case in one theme (?theme=light|dark), optionally one case
 * only (?case=id). ?bench=timeline runs the alert timeline benchmark instead.
 */
function main() {
  const params = new URLSearchParams(window.location.search);
  const mode = params.get('theme') === 'light' ? 'light' : 'dark';
  const theme = createTheme({ colors: { mode } });
  const container = document.getElementById('root')!;
  const root = createRoot(container);

  if (params.get('bench') === 'timeline') {
    runBench(root, theme);
    return;
  }

  const only = params.get('case');
  const cases = galleryCases(Date.now()).filter((c) => !only || c.id === only);
  root.render(
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <main className="gallery" data-theme={mode}>
        <h1>AppMon panel gallery · {mode} theme</h1>
        {cases.map((item) => (
          <GalleryPanel key={item.id} item={item} />
        ))}
      </main>
    </ThemeContext.Provider>
  );
  // Tells the browser test the first render committed.
  requestAnimationFrame(() => container.setAttribute('data-ready', 'true'));
}

main();
