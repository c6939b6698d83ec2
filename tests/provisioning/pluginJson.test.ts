/**
 * Validates the bundle's five plugin.json files against schemas/plugin.schema.json, the project's
 * own closed schema of the plugin.json fields (written from Grafana's public plugin.json reference),
 * so a misspelt key or an unknown value fails here instead of being ignored by Grafana.
 */
import fs from 'fs';
import path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { REPO_ROOT } from './repoFiles';

type JsonObject = Record<string, unknown>;

const readJson = (file: string): JsonObject => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

/** One readable line per error, e.g. `/info must NOT have additional properties "logo"`. */
function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) {
    return [];
  }
  return (validate.errors ?? []).map((e: ErrorObject) => {
    const detail =
      e.keyword === 'additionalProperties'
        ? ` "${e.params.additionalProperty}"`
        : e.keyword === 'enum'
          ? ` ${JSON.stringify(e.params.allowedValues)}`
          : '';
    return `${e.instancePath || '/'} ${e.message}${detail}`;
  });
}

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(readJson('schemas/plugin.schema.json'));

const pluginFiles = (fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true }) as string[])
  .filter((file) => path.basename(file) === 'plugin.json')
  .map((file) => path.join('src', file))
  .sort();

describe('plugin.json files against schemas/plugin.schema.json', () => {
  it('finds the five plugins of the bundle', () => {
    expect(pluginFiles).toEqual([
      'src/datasource/plugin.json',
      'src/panels/alerttimeline/plugin.json',
      'src/panels/oncallstatus/plugin.json',
      'src/panels/slacompliance/plugin.json',
      'src/plugin.json',
    ]);
  });

  it.each(pluginFiles)('%s is valid', (file) => {
    expect(errorsOf(validate, readJson(file))).toEqual([]);
  });
});

describe('the plugin.json schema catches broken files', () => {
  const app = () => readJson('src/plugin.json');
  const datasource = () => readJson('src/datasource/plugin.json');
  const panel = () => readJson('src/panels/slacompliance/plugin.json');

  it.each<[string, () => JsonObject, string]>([
    [
      'an unknown plugin type',
      () => ({ ...app(), type: 'widget' }),
      '/type must be equal to one of the allowed values',
    ],
    [
      'a misspelt top-level key',
      () => ({ ...datasource(), alerts: true }),
      '/ must NOT have additional properties "alerts"',
    ],
    [
      'an id that does not end in its type',
      () => ({ ...panel(), id: 'appmon-slacompliance' }),
      '/id must match pattern',
    ],
    [
      'a misspelt info key',
      () => {
        const p = app();
        (p.info as JsonObject).logo = (p.info as JsonObject).logos;
        return p;
      },
      '/info must NOT have additional properties "logo"',
    ],
    [
      'a missing Grafana version range',
      () => ({ ...panel(), dependencies: { plugins: [] } }),
      "/dependencies must have required property 'grafanaDependency'",
    ],
    [
      'an include of an unknown kind',
      () => {
        const p = app();
        (p.includes as JsonObject[])[0].type = 'tab';
        return p;
      },
      '/includes/0/type must be equal to one of the allowed values',
    ],
    [
      'an include role Grafana does not know',
      () => {
        const p = app();
        (p.includes as JsonObject[])[2].role = 'Owner';
        return p;
      },
      '/includes/2/role must be equal to one of the allowed values',
    ],
    [
      'a backend without an executable',
      () => {
        const p = datasource();
        delete p.executable;
        return p;
      },
      "/ must have required property 'executable'",
    ],
    ['alerting without a backend', () => ({ ...datasource(), backend: false }), '/backend must be equal to constant'],
    ['includes on a panel', () => ({ ...panel(), includes: [] }), '/includes boolean schema is false'],
    [
      'a route with a misspelt key',
      () => ({ ...app(), routes: [{ path: 'api', url: 'http://127.0.0.1', reqRol: 'Admin' }] }),
      '/routes/0 must NOT have additional properties "reqRol"',
    ],
  ])('rejects %s', (_, broken, expected) => {
    expect(errorsOf(validate, broken())).toContainEqual(expect.stringContaining(expected));
  });
});
