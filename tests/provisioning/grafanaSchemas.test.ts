/**
 * Validates our plugin.json files and alerting provisioning files against Grafana's own schemas,
 * taken from the pinned Grafana's source (tests/grafana-server/pins.sh) by scripts/grafana-schemas.sh:
 * - docs/sources/developers/plugins/plugin.schema.json (JSON Schema draft-07 of plugin.json);
 * - public/openapi3.json, whose components.schemas.AlertingFileExport describes the provisioning
 *   file format of groups, contactPoints, policies and muteTimes (templates are not in it).
 *
 * Grafana's export schemas leave additionalProperties open and its file loader ignores unknown keys,
 * so a typo such as `object_matcher` would silently drop a route's matchers. A strict pass closes
 * every object schema to catch that.
 */
import fs from 'fs';
import path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { readYaml, REPO_ROOT } from './repoFiles';

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

function pinnedPseudoVersion(): string {
  const pins = fs.readFileSync(path.join(REPO_ROOT, 'tests', 'grafana-server', 'pins.sh'), 'utf8');
  const version = /^readonly GRAFANA_PSEUDO_VERSION="([^"]+)"$/m.exec(pins)?.[1];
  if (!version) {
    throw new Error('tests/grafana-server/pins.sh no longer sets GRAFANA_PSEUDO_VERSION: update pinnedPseudoVersion()');
  }
  return version;
}

const SCHEMAS_DIR = path.join(REPO_ROOT, '.cache', 'grafana-schemas', pinnedPseudoVersion());

function readJson(file: string): JsonObject {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonObject;
}

function readGrafanaSchema(name: string): JsonObject {
  const file = path.join(SCHEMAS_DIR, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Grafana's ${name} is missing from ${path.relative(REPO_ROOT, SCHEMAS_DIR)}/: ` +
        'run scripts/grafana-schemas.sh, which copies it from the pinned Grafana source'
    );
  }
  return readJson(file);
}

/** Copy of a JSON value; structuredClone is missing from jest's jsdom environment. */
function copy<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** One readable line per error, e.g. `/policies/0/routes/0 must NOT have additional properties "object_matcher"`. */
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

// ---- plugin.json ----

function pluginValidator(): ValidateFunction {
  // The schema is draft-07 (Ajv's default draft). Grafana's schema is not ours to tidy: its
  // patterns escape '-' (invalid under the u flag) and it has keywords Ajv's strict mode flags as
  // redundant, so those checks are off; they concern the schema, not the files validated.
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false, strictSchema: false, strictTypes: false });
  addFormats(ajv);
  return ajv.compile(readGrafanaSchema('plugin.schema.json'));
}

const pluginFiles = (fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true }) as string[])
  .filter((file) => path.basename(file) === 'plugin.json')
  .map((file) => path.join('src', file))
  .sort();

// ---- alerting provisioning files ----

type Schemas = Record<string, JsonObject>;

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/**
 * Grafana's Prometheus-style durations ("1m", "1h30m", "0"), as model.ParseDuration of
 * github.com/prometheus/common reads them: units y, w, d, h, m, s, ms, largest first.
 */
const PROMETHEUS_DURATION = '^(0|([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?)$';

function properties(schema: JsonObject): JsonObject {
  return schema.properties as JsonObject;
}

/** Fails when Grafana fixed the gap a correction below fills, so moving the pin re-checks each one. */
function expectGap(gapStillThere: boolean, what: string): void {
  if (!gapStillThere) {
    throw new Error(`Grafana's openapi3.json changed: ${what}. Re-check this correction in grafanaSchemas.test.ts.`);
  }
}

/**
 * Where the export schema disagrees with the provisioning file loader, which is the authority on the
 * file format (pkg/services/provisioning/alerting/*.go at the pinned commit). The loader reads the
 * same field names as the export (yaml tags of AlertRuleGroupV1, AlertRuleV1, QueryV1 with
 * relativeTimeRange and datasourceUid, ContactPointV1, ReceiverV1, MuteTimeV1 with time_intervals,
 * and definitions.Route for policies with object_matchers and mute_time_intervals), but a few types
 * differ from what the swagger generator saw:
 */
function toProvisioningFileFormat(components: Schemas): Schemas {
  const schemas = copy(components);

  // interval, for and keepFiringFor: Prometheus' model.Duration is an int64 to the generator, but the
  // export writes it as "5m" and the loader (rules_types.go) parses strings with model.ParseDuration.
  expectGap(schemas.Duration?.type === 'integer', 'Duration is no longer an integer');
  schemas.Duration = { type: 'string', pattern: PROMETHEUS_DURATION };

  // models.NoDataStateFromString and ErrStateFromString (used by the loader) accept KeepLast too.
  const rule = properties(schemas.AlertRuleExport);
  for (const state of ['noDataState', 'execErrState']) {
    const values = (rule[state] as JsonObject).enum as string[];
    expectGap(!values.includes('KeepLast'), `AlertRuleExport.${state} now lists KeepLast`);
    values.push('KeepLast');
  }

  // Mute timings: the generator merged Alertmanager's config.TimeInterval ({name, time_intervals})
  // and timeinterval.TimeInterval under one name, so muteTimes[].time_intervals[] points to the
  // wrong one. The loader reads timeinterval.TimeInterval (times, weekdays, days_of_month, months,
  // years, location): the shape openapi3.json names TimeIntervalItem.
  const intervals = properties(schemas.MuteTimeIntervalExport).time_intervals as JsonObject;
  expectGap(
    (intervals.items as JsonObject).$ref === '#/components/schemas/TimeInterval',
    'MuteTimeIntervalExport.time_intervals no longer refers to TimeInterval'
  );
  expectGap(Boolean(schemas.TimeIntervalItem), 'TimeIntervalItem is gone');
  intervals.items = { $ref: '#/components/schemas/TimeIntervalItem' };

  // Policies' `matchers`: Alertmanager's config.Matchers is read from strings such as
  // "severity=~critical|high"; the schema describes the parsed Matcher objects.
  expectGap(schemas.Matchers?.type === 'array', 'Matchers is no longer an array');
  schemas.Matchers = { type: 'array', items: { type: 'string' } };

  return schemas;
}

/**
 * Keys the loader reads that the export schema lacks, so the strict pass accepts them:
 * - AlertingFileV1 (types.go) also reads deleteRules, deleteContactPoints, resetPolicies,
 *   deleteMuteTimes, templates and deleteTemplates;
 * - AlertRuleV1 (rules_types.go) still reads its old typo `dasboardUid`;
 * - policies are decoded into definitions.Route (grafana/alerting), which also has `provenance`.
 */
const LOADER_ONLY_FIELDS: Record<string, JsonObject> = {
  AlertingFileExport: {
    deleteRules: { type: 'array' },
    deleteContactPoints: { type: 'array' },
    resetPolicies: { type: 'array' },
    deleteMuteTimes: { type: 'array' },
    templates: { type: 'array' },
    deleteTemplates: { type: 'array' },
  },
  AlertRuleExport: { dasboardUid: { type: 'string' } },
  NotificationPolicyExport: { provenance: { type: 'string' } },
  RouteExport: { provenance: { type: 'string' } },
};

/** Sets additionalProperties: false on every schema that lists properties and leaves it open. */
function closeObjects(schema: Json): void {
  if (Array.isArray(schema)) {
    schema.forEach(closeObjects);
    return;
  }
  if (schema === null || typeof schema !== 'object') {
    return;
  }
  if (schema.properties && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
  // Walk sub-schemas only, so that a property named like a keyword is never mistaken for one.
  for (const map of ['properties', 'definitions']) {
    Object.values((schema[map] as JsonObject | undefined) ?? {}).forEach(closeObjects);
  }
  for (const keyword of ['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf']) {
    closeObjects(schema[keyword] ?? null);
  }
}

/** Names of the components that `root` refers to, directly or not. */
function reachable(schemas: Schemas, root: string): string[] {
  const found = new Set<string>();
  const visit = (value: Json): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      const name = typeof value.$ref === 'string' ? COMPONENT_REF.exec(value.$ref)?.[1] : undefined;
      if (name && !found.has(name)) {
        found.add(name);
        visit(schemas[name]);
      }
      Object.values(value).forEach(visit);
    }
  };
  visit({ $ref: `#/components/schemas/${root}` });
  return [...found].sort();
}

/**
 * AlertingFileExport with the components it uses as draft-07 definitions (refs rewritten), so Ajv
 * compiles a small self-contained schema. openapi3.json has no `nullable`, the one OpenAPI 3.0
 * keyword that JSON Schema lacks (Ajv would honour it anyway).
 */
function alertingFileSchema(strict: boolean): JsonObject {
  const openapi = readGrafanaSchema('openapi3.json');
  const schemas = toProvisioningFileFormat((openapi.components as JsonObject).schemas as Schemas);
  const definitions: Schemas = {};
  for (const name of reachable(schemas, 'AlertingFileExport')) {
    definitions[name] = copy(schemas[name]);
  }
  if (strict) {
    for (const [name, extra] of Object.entries(LOADER_ONLY_FIELDS)) {
      Object.assign(properties(definitions[name]), copy(extra));
    }
    closeObjects(Object.values(definitions));
  }
  const text = JSON.stringify({ $ref: '#/definitions/AlertingFileExport', definitions });
  return JSON.parse(text.replace(/"#\/components\/schemas\//g, '"#/definitions/')) as JsonObject;
}

function alertingValidator(strict: boolean): ValidateFunction {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv); // int64
  return ajv.compile(alertingFileSchema(strict));
}

/** Each file and the section of AlertingFileExport it provisions. */
const ALERTING_FILES: Array<[file: string, section: string]> = [
  ['provisioning/alerting/rules.yaml', 'groups'],
  ['provisioning/alerting/contact-points.yaml', 'contactPoints'],
  ['provisioning/alerting/notification-policies.yaml', 'policies'],
  ['provisioning/alerting/mute-timings.yaml', 'muteTimes'],
];

const validatePlugin = pluginValidator();
const validateAlerting = alertingValidator(false);
const validateAlertingStrictly = alertingValidator(true);

describe("plugin.json files against Grafana's plugin.schema.json", () => {
  it('finds the five plugins of the bundle', () => {
    expect(pluginFiles).toHaveLength(5);
  });

  it.each(pluginFiles)('%s is valid', (file) => {
    expect(errorsOf(validatePlugin, readJson(path.join(REPO_ROOT, file)))).toEqual([]);
  });
});

describe("alerting provisioning files against Grafana's AlertingFileExport", () => {
  describe.each(ALERTING_FILES)('%s', (file, section) => {
    const content = readYaml<JsonObject>(file);

    it(`provisions ${section}`, () => {
      expect(Array.isArray(content[section]) && content[section].length > 0).toBe(true);
    });

    it("is valid against Grafana's schema", () => {
      expect(errorsOf(validateAlerting, content)).toEqual([]);
    });

    it('has no key that Grafana would ignore (strict pass)', () => {
      expect(errorsOf(validateAlertingStrictly, content)).toEqual([]);
    });
  });
});

describe('the schema checks catch broken files', () => {
  const rules = () => readYaml<JsonObject>('provisioning/alerting/rules.yaml');
  const firstRule = (file: JsonObject) => ((file.groups as JsonObject[])[0].rules as JsonObject[])[0];

  it('rejects a plugin.json whose type Grafana does not know', () => {
    const broken = { ...readJson(path.join(REPO_ROOT, 'src', 'plugin.json')), type: 'widget' };
    expect(errorsOf(validatePlugin, broken)).toContainEqual(
      expect.stringMatching(/^\/type must be equal to one of the allowed values/)
    );
  });

  it('rejects a rule whose execErrState Grafana does not know', () => {
    const broken = rules();
    firstRule(broken).execErrState = 'Broken';
    const expected = expect.stringMatching(/^\/groups\/0\/rules\/0\/execErrState must be equal to one of/);
    expect(errorsOf(validateAlerting, broken)).toContainEqual(expected);
    expect(errorsOf(validateAlertingStrictly, broken)).toContainEqual(expected);
  });

  it('rejects a pending period that is not a Prometheus duration', () => {
    const broken = rules();
    firstRule(broken).for = '5 minutes';
    expect(errorsOf(validateAlerting, broken)).toContainEqual(
      expect.stringMatching(/^\/groups\/0\/rules\/0\/for must match pattern/)
    );
  });

  it('strictly rejects a misspelt policy key, which the open schema lets through', () => {
    const broken = readYaml<JsonObject>('provisioning/alerting/notification-policies.yaml');
    const route = ((broken.policies as JsonObject[])[0].routes as JsonObject[])[0];
    route.object_matcher = route.object_matchers;
    delete route.object_matchers;
    expect(errorsOf(validateAlerting, broken)).toEqual([]);
    expect(errorsOf(validateAlertingStrictly, broken)).toEqual([
      '/policies/0/routes/0 must NOT have additional properties "object_matcher"',
    ]);
  });

  it('strictly rejects a misspelt time interval key', () => {
    const broken = readYaml<JsonObject>('provisioning/alerting/mute-timings.yaml');
    const interval = ((broken.muteTimes as JsonObject[])[0].time_intervals as JsonObject[])[0];
    interval.weekday = interval.weekdays;
    delete interval.weekdays;
    expect(errorsOf(validateAlertingStrictly, broken)).toEqual([
      '/muteTimes/0/time_intervals/0 must NOT have additional properties "weekday"',
    ]);
  });

  it('accepts what the loader reads beyond the export schema', () => {
    const file = rules();
    file.deleteRules = [{ orgId: 1, uid: 'appmon-retired-rule' }];
    firstRule(file).dasboardUid = 'appmon-business';
    firstRule(file).noDataState = 'KeepLast';
    firstRule(file).keepFiringFor = '1h30m';
    expect(errorsOf(validateAlertingStrictly, file)).toEqual([]);
  });
});
