// The preview's front page: every host case (dashboards' AppMon panels, editors, app pages)
// in a list, the chosen one shown beside it from the host page.

const GROUPS = [
  ['dashboard', 'Dashboards: AppMon panels with live data'],
  ['app', 'App pages'],
  ['datasource', 'Data source editors'],
  ['query', 'Query editors'],
  ['panel', 'Panels with their defaults'],
];

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function groupOf(id) {
  const prefix = id.split('-')[0];
  return GROUPS.some(([g]) => g === prefix) ? prefix : 'panel';
}

/** Returns the preview's index.html for these cases, read by the host page from casesFile. */
export function renderPreviewIndex(cases, casesFile) {
  const link = (c) =>
    `<li><a href="index.html?cases=${encodeURIComponent(casesFile)}&amp;case=${encodeURIComponent(c.id)}" target="view">${escapeHtml(c.title ?? c.id)}</a></li>`;
  const sections = GROUPS.map(([group, title]) => {
    const items = cases.filter((c) => groupOf(c.id) === group && !c.id.startsWith('panel-golden'));
    return items.length ? `<h2>${escapeHtml(title)}</h2><ul>${items.map(link).join('')}</ul>` : '';
  }).join('');
  const first = cases.find((c) => c.id.startsWith('dashboard-')) ?? cases[0];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>AppMon preview (not Grafana)</title>
<style>
  body { margin: 0; display: flex; height: 100vh; font: 14px system-ui, sans-serif; background: #111217; color: #ccccdc; }
  nav { width: 320px; overflow: auto; padding: 12px 16px; border-right: 1px solid #2d2e34; }
  h1 { font-size: 16px; margin: 0 0 4px; }
  p { margin: 0 0 12px; color: #9fa7b3; }
  h2 { font-size: 13px; margin: 16px 0 4px; text-transform: uppercase; color: #9fa7b3; }
  ul { list-style: none; margin: 0; padding: 0; }
  a { color: #6e9fff; text-decoration: none; display: block; padding: 2px 0; }
  a:hover { text-decoration: underline; }
  iframe { flex: 1; border: 0; background: #181b1f; }
</style>
</head>
<body>
<nav>
<h1>AppMon preview</h1>
<p>The built plugins, loaded as Grafana loads them, with live data from the reference API through the real backend. This is a preview, not Grafana.</p>
${sections}
</nav>
<iframe name="view" title="Selected view" src="index.html?cases=${encodeURIComponent(casesFile)}&amp;case=${encodeURIComponent(first?.id ?? '')}"></iframe>
</body>
</html>
`;
}
