// Bundles the host page with esbuild from the real npm packages (the modules Grafana
// shares with plugins, and the host's own bootstrap) into tests/host/work/build/<variant>/.
// Variant "12.3" takes @grafana/{data,ui,runtime,i18n,schema} from Grafana 12.3.0,
// the minimum plugin.json declares, installed in tests/host/work/grafana-12.3/.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(path.join(repo, 'package.json'));
export const minimumDir = path.join(here, 'work', 'grafana-12.3');
const GRAFANA_PACKAGES = ['@grafana/data', '@grafana/ui', '@grafana/runtime', '@grafana/i18n', '@grafana/schema'];
// One copy of each of these, whichever @grafana version imports them.
const SINGLETONS = ['react', 'react-dom', 'react-router', 'react-router-dom', 'rxjs', '@emotion/css', '@emotion/react'];

// @grafana/ui's table needs Grafana's own fork of react-data-grid, which is not on the
// registry; the repository pins the upstream release, which lacks two named exports.
// The AppMon plugins draw no tables, so the host maps those two to the default export
// and a placeholder rather than leaving @grafana/ui out.
const reactDataGridShim = {
  name: 'react-data-grid-shim',
  setup(b) {
    const real = require.resolve('react-data-grid');
    b.onResolve({ filter: /^react-data-grid$/ }, () => ({ path: 'react-data-grid-shim', namespace: 'shim' }));
    b.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({
      resolveDir: repo,
      contents: `export * from ${JSON.stringify(real)};
import DataGrid from ${JSON.stringify(real)};
export { DataGrid };
export function Cell() { throw new Error('react-data-grid Cell is not available in the host'); }
export default DataGrid;`,
    }));
  },
};

/**
 * The build is keyed by its inputs, so concurrent runs (breaks.sh beside a host check)
 * share a finished build read-only and never rebuild one another's.
 */
async function buildKey(variant) {
  const hash = createHash('sha256').update(variant);
  const files = [
    path.join(here, 'build.mjs'),
    ...(await readdir(path.join(here, 'page'))).map((f) => path.join(here, 'page', f)),
  ];
  const golden = path.join(repo, 'pkg', 'golden', 'testdata');
  files.push(...(await readdir(golden)).map((f) => path.join(golden, f)));
  for (const f of files.sort()) {
    hash.update(f).update(await readFile(f));
  }
  for (const name of [...GRAFANA_PACKAGES, ...SINGLETONS]) {
    const dir = aliases(variant)[name] ?? path.dirname(require.resolve(`${name}/package.json`));
    hash.update(await readFile(path.join(dir, 'package.json')));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Package folders of the @grafana packages this variant hosts with (empty: the repository's). */
function aliases(variant) {
  if (variant === 'current') {
    return {};
  }
  const pkgs = path.join(minimumDir, 'node_modules');
  const out = {};
  for (const name of GRAFANA_PACKAGES) {
    if (!existsSync(path.join(pkgs, name, 'package.json'))) {
      throw new Error(`${name} 12.3.0 is not installed in ${minimumDir}: run tests/host/install-minimum.sh`);
    }
    out[name] = path.join(pkgs, name);
  }
  return out;
}

/**
 * Resolves the @grafana packages (and their subpaths) from the variant's folder, and the
 * singletons from the repository, whoever imports them: one React, one rxjs, one emotion.
 */
function pinPackages(variant) {
  const from = (name) => (variant !== 'current' && GRAFANA_PACKAGES.includes(name) ? minimumDir : repo);
  const names = [...GRAFANA_PACKAGES, ...SINGLETONS].map((n) => n.replace('/', '\\/')).join('|');
  const filter = new RegExp(`^(${names})(/.*)?$`);
  return {
    name: 'pin-packages',
    setup(b) {
      b.onResolve({ filter }, async (args) => {
        const name = args.path.match(filter)[1];
        // React Router: the host page and the plugins get the repository's Router 6, and so
        // does react-router-dom-v5-compat (which @grafana/ui and @grafana/runtime route with);
        // the React Router 5 that the @grafana packages keep behind it resolves as installed.
        const router = name === 'react-router' || name === 'react-router-dom';
        const compat = args.importer.includes('/react-router-dom-v5-compat/');
        const fromPackage = args.importer.includes('/node_modules/');
        const ownRouter = router && fromPackage && !(compat && name === 'react-router');
        if (args.pluginData?.pinned || ownRouter) {
          return undefined;
        }
        const res = await b.resolve(args.path, {
          resolveDir: from(name),
          kind: args.kind,
          pluginData: { pinned: true },
        });
        return res.errors.length ? { errors: res.errors } : { path: res.path, sideEffects: res.sideEffects };
      });
    },
  };
}

export async function buildHost(variant = 'current') {
  const started = Date.now();
  const finalDir = path.join(here, 'work', 'build', `${variant}-${await buildKey(variant)}`);
  if (existsSync(path.join(finalDir, 'host.js'))) {
    return { outDir: finalDir, ms: Date.now() - started, cached: true };
  }
  const outDir = `${finalDir}.tmp-${process.pid}`;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'vendor'), { recursive: true });
  await build({
    entryPoints: { host: path.join(here, 'page', 'main.tsx') },
    bundle: true,
    outdir: outDir,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    sourcemap: false,
    jsx: 'automatic',
    plugins: [pinPackages(variant), reactDataGridShim],
    // UMD packages (lodash, moment, jquery) must not see SystemJS's global AMD define(),
    // or they register with SystemJS instead of exporting; webpack shields Grafana's own
    // bundle the same way.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', define: 'undefined' },
    loader: { '.svg': 'dataurl', '.png': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file' },
    logLevel: 'warning',
  });
  const dataPkg = JSON.parse(
    await readFile(
      path.join(
        aliases(variant)['@grafana/data'] ?? path.dirname(require.resolve('@grafana/data/package.json')),
        'package.json'
      ),
      'utf8'
    )
  );
  const html = await readFile(path.join(here, 'page', 'index.html'), 'utf8');
  await writeFile(path.join(outDir, 'index.html'), html.replace('__GRAFANA_VERSION__', dataPkg.version));
  const systemjs = path.dirname(require.resolve('systemjs/package.json'));
  await copyFile(path.join(systemjs, 'dist', 'system.js'), path.join(outDir, 'vendor', 'system.js'));
  await copyFile(path.join(systemjs, 'dist', 'extras', 'amd.js'), path.join(outDir, 'vendor', 'amd.js'));
  // <Icon> loads SVGs from public/build/img/icons/ as in Grafana; @grafana/ui ships them.
  const ui = path.dirname(require.resolve('@grafana/ui/package.json'));
  await cp(path.join(ui, 'dist', 'public', 'img', 'icons'), path.join(outDir, 'public', 'build', 'img', 'icons'), {
    recursive: true,
  });
  // Grafana adds a spinner to the icon set it serves; the package does not ship one.
  await writeFile(
    path.join(outDir, 'public', 'build', 'img', 'icons', 'unicons', 'spinner.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2a10 10 0 1 0 10 10h-2a8 8 0 1 1-8-8z"/></svg>'
  );
  // So are the time picker's shift arrows (Grafana's TimeRangePicker asks for them); plain ones here.
  for (const [name, d] of [
    ['angle-double-left', 'M11 6l-6 6 6 6M19 6l-6 6 6 6'],
    ['angle-double-right', 'M13 6l6 6-6 6M5 6l6 6-6 6'],
  ]) {
    await writeFile(
      path.join(outDir, 'public', 'build', 'img', 'icons', 'unicons', `${name}.svg`),
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${d}" fill="none" stroke="currentColor" stroke-width="2"/></svg>`
    );
  }
  // The backend's golden frames, which the panel-golden cases render.
  await cp(path.join(repo, 'pkg', 'golden', 'testdata'), path.join(outDir, 'golden'), { recursive: true });
  try {
    await rename(outDir, finalDir);
  } catch {
    await rm(outDir, { recursive: true, force: true }); // another run finished the same build first
  }
  return { outDir: finalDir, ms: Date.now() - started, cached: false };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const variant = process.argv[2] ?? 'current';
  const { outDir, ms } = await buildHost(variant);
  console.log(`host page (${variant}) built in ${ms} ms: ${path.relative(process.cwd(), outDir)}/`);
}
