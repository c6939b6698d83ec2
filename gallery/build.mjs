// Bundles the panel gallery with esbuild: React, @grafana/ui and the panels all bundled
// in (nothing external), so the page runs on its own in a browser without Grafana.
import { build } from 'esbuild';
import { copyFile, cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const outDir = path.join(here, 'dist');

export async function buildGallery({ minify = true } = {}) {
  await mkdir(outDir, { recursive: true });
  const started = Date.now();
  const result = await build({
    entryPoints: { main: path.join(here, 'src', 'main.tsx') },
    bundle: true,
    outdir: outDir,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify,
    sourcemap: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    // @grafana/ui pulls in fonts and icons through CSS.
    loader: { '.svg': 'dataurl', '.png': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file' },
    logLevel: 'warning',
    metafile: true,
  });
  await copyFile(path.join(here, 'index.html'), path.join(outDir, 'index.html'));
  // <Icon> loads SVGs from public/build/img/icons/ as in Grafana; the package ships them.
  const uiRoot = path.dirname(createRequire(import.meta.url).resolve('@grafana/ui/package.json'));
  await cp(path.join(uiRoot, 'dist', 'public', 'img', 'icons'), path.join(outDir, 'public', 'build', 'img', 'icons'), {
    recursive: true,
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { ms: Date.now() - started, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ms, bytes } = await buildGallery();
  console.log(`gallery built in ${ms} ms: ${(bytes / 1e6).toFixed(1)} MB in ${path.relative(process.cwd(), outDir)}/`);
}
