// Checks the installable bundle that `npm run build` writes to dist/: the five plugins
// Grafana must find, their logos and included dashboards, and a backend executable per
// platform named the way Grafana looks it up (<executable>_<os>_<arch>[.exe]).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8'));
const ALL_PLATFORMS = ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64', 'windows_amd64.exe'];
// `npm test` builds only the executable the tests run (APPMON_DIST_PLATFORMS=linux_amd64);
// `npm run build` ships all of them, and this checks all by default.
const PLATFORMS = process.env.APPMON_DIST_PLATFORMS?.split(',') ?? ALL_PLATFORMS;
const EXPECTED = {
  'plugin.json': 'appmon-monitoring-app',
  'datasource/plugin.json': 'appmon-endpoints-datasource',
  'panels/slacompliance/plugin.json': 'appmon-slacompliance-panel',
  'panels/alerttimeline/plugin.json': 'appmon-alerttimeline-panel',
  'panels/oncallstatus/plugin.json': 'appmon-oncallstatus-panel',
};

test('dist holds the five AppMon plugins with their ids, modules and logos', () => {
  assert.ok(fs.existsSync(dist), 'dist/ is missing: run npm run build first');
  for (const [file, id] of Object.entries(EXPECTED)) {
    const plugin = readJson(file);
    const dir = path.dirname(file);
    assert.equal(plugin.id, id, file);
    assert.doesNotMatch(plugin.info.version, /%VERSION%/, `${file}: version placeholder was not replaced`);
    assert.ok(fs.existsSync(path.join(dist, dir, 'module.js')), `${dir}/module.js`);
    for (const logo of new Set([plugin.info.logos.small, plugin.info.logos.large])) {
      assert.ok(fs.existsSync(path.join(dist, dir, logo)), `${dir}/${logo} is referenced by ${file} but missing`);
    }
  }
});

test('the app includes its nested plugins by name and its dashboards by path', () => {
  const app = readJson('plugin.json');
  const nestedNames = Object.keys(EXPECTED)
    .filter((f) => f !== 'plugin.json')
    .map((f) => readJson(f).name);
  const includedNames = app.includes.filter((i) => i.type === 'datasource' || i.type === 'panel').map((i) => i.name);
  assert.deepEqual(includedNames.sort(), nestedNames.sort());
  const dashboards = app.includes.filter((i) => i.type === 'dashboard');
  assert.ok(dashboards.length >= 6);
  for (const d of dashboards) {
    assert.equal(readJson(d.path).title, d.name, d.path);
  }
});

test('the data source ships a backend executable for every platform', () => {
  const ds = readJson('datasource/plugin.json');
  assert.equal(ds.backend, true);
  assert.equal(ds.alerting, true);
  for (const platform of PLATFORMS) {
    const file = path.join(dist, 'datasource', `${ds.executable}_${platform}`);
    assert.ok(fs.existsSync(file), `missing ${path.relative(dist, file)}`);
    if (!platform.startsWith('windows')) {
      assert.ok(fs.statSync(file).mode & 0o111, `${path.relative(dist, file)} is not executable`);
    }
  }
});
