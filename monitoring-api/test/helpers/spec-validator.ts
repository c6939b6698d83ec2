// Checks HTTP responses against openapi.yaml with openapi-backend (JSON
// bodies, headers) and Ajv (text bodies, using the media type's schema from
// the same spec). A response passes only if its operation, status and
// Content-Type are all documented and its body matches the schema.
import { Ajv, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend, SetMatchType, type Operation } from 'openapi-backend';

// ajv-formats is CommonJS whose module.exports is the plugin itself.
const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;

export const SPEC_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

export interface ObservedResponse {
  method: string;
  /** Path and query as sent. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

type ResponseObject = { content?: Record<string, { schema?: object }>; headers?: object };

function withFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  return ajv;
}

export class SpecValidator {
  private readonly textAjv = withFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly textValidators = new Map<object, ValidateFunction>();

  private constructor(private readonly api: OpenAPIBackend) {}

  static async load(): Promise<SpecValidator> {
    const api = new OpenAPIBackend({
      definition: SPEC_PATH,
      strict: true,
      quick: false,
      customizeAjv: (ajv: Ajv) => withFormats(ajv),
    });
    await api.init();
    return new SpecValidator(api);
  }

  /** The dereferenced document, for tests that inspect the spec itself. */
  get definition() {
    return this.api.definition;
  }

  /** A schema from components/schemas, dereferenced. */
  componentSchema(name: string): object {
    const schema = this.api.definition.components?.schemas?.[name];
    if (!schema) throw new Error(`No schema ${name} in openapi.yaml`);
    return schema as object;
  }

  private operationFor(method: string, url: string): Operation | undefined {
    const parsed = new URL(url, 'http://localhost');
    return this.api.router.matchOperation({
      method: method.toLowerCase(),
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      headers: {},
    }) as Operation | undefined;
  }

  /** Problems of a response; empty when it matches the spec. */
  errors(response: ObservedResponse): string[] {
    const operation = this.operationFor(response.method, response.url);
    if (!operation) return [`${response.method} ${response.url} is not an operation of the spec`];
    const responses = operation.responses as Record<string, ResponseObject>;
    const documented =
      responses[String(response.status)] ?? responses[`${Math.floor(response.status / 100)}XX`] ?? responses.default;
    if (!documented) return [`status ${response.status} is not documented for ${operation.operationId}`];
    const contentType = String(response.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const mediaType = documented.content?.[contentType];
    if (!mediaType?.schema) {
      return [`Content-Type "${contentType}" is not documented for ${operation.operationId} status ${response.status}`];
    }
    const problems: string[] = [];
    const text = response.body.toString('utf8');
    if (contentType === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        return [`body is not JSON: ${(err as Error).message}`];
      }
      const result = this.api.validator.validateResponse(parsed, operation, response.status);
      for (const e of result.errors ?? [])
        problems.push(`body${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    } else {
      const validate = this.textValidator(mediaType.schema);
      if (!validate(text)) {
        for (const e of validate.errors ?? []) problems.push(`body ${e.message ?? ''} (${contentType})`);
      }
    }
    // "superset": every header the spec declares for this status must be sent.
    const headerResult = this.api.validator.validateResponseHeaders(response.headers, operation, {
      statusCode: response.status,
      setMatchType: SetMatchType.Superset,
    });
    for (const e of headerResult.errors ?? []) problems.push(`headers${e.instancePath} ${e.message ?? ''}`);
    return problems;
  }

  /** For paths or methods outside the spec (404, 405): the body must still be an Error. */
  errorBodyErrors(body: Buffer): string[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (err) {
      return [`body is not JSON: ${(err as Error).message}`];
    }
    const validate = this.textValidator(this.componentSchema('Error'));
    return validate(parsed) ? [] : (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message ?? ''}`);
  }

  private textValidator(schema: object): ValidateFunction {
    const known = this.textValidators.get(schema);
    if (known) return known;
    const validate = this.textAjv.compile(schema);
    this.textValidators.set(schema, validate);
    return validate;
  }
}

let shared: Promise<SpecValidator> | undefined;

/** One validator per test process (compiling the spec takes a moment). */
export function specValidator(): Promise<SpecValidator> {
  shared ??= SpecValidator.load();
  return shared;
}
