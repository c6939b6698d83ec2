// HTTP client for the server tests. Every response it returns has been
// checked against openapi.yaml: by default it must match; responses that are
// broken on purpose (injected faults) must be rejected by the validator.
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { ADMIN_KEY, READ_KEY } from './server-process.js';
import type { SpecValidator } from './spec-validator.js';

export const READ = { 'X-API-Key': READ_KEY };
export const ADMIN = { 'X-Admin-Key': ADMIN_KEY };

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** Milliseconds from sending to the end of the body. */
  elapsedMs: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

export type Expectation =
  /** Must match the operation in the spec. */
  | 'valid'
  /** Must be rejected by the spec validator (deliberately broken responses). */
  | 'off-contract'
  /** Path or method outside the spec: the body must still be an Error. */
  | 'error-body';

export interface CallOptions {
  headers?: Record<string, string>;
  body?: unknown;
  expect?: Expectation;
  timeoutMs?: number;
}

/** Sends one request on a fresh connection; rejects on socket errors. */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {}
): Promise<HttpResult> {
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, baseUrl),
      {
        method,
        agent: false,
        headers: { ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
        timeout: options.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            elapsedMs: performance.now() - started,
            json: () => JSON.parse(text),
          });
        });
      }
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export class ContractClient {
  constructor(
    readonly baseUrl: string,
    private readonly spec: SpecValidator
  ) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<HttpResult> {
    const result = await rawRequest(this.baseUrl, method, path, options);
    const expectation = options.expect ?? 'valid';
    const where = `${method} ${path} -> ${result.status} ${result.text.slice(0, 300)}`;
    if (expectation === 'error-body') {
      assert.deepEqual(
        this.spec.errorBodyErrors(result.body),
        [],
        `error body does not match the Error schema: ${where}`
      );
      return result;
    }
    const problems = this.spec.errors({
      method,
      url: path,
      status: result.status,
      headers: result.headers,
      body: result.body,
    });
    if (expectation === 'valid') {
      assert.deepEqual(problems, [], `response does not match openapi.yaml: ${where}`);
    } else {
      assert.ok(problems.length > 0, `expected the validator to reject this deliberately broken response: ${where}`);
    }
    return result;
  }

  get(path: string, options: CallOptions = {}): Promise<HttpResult> {
    return this.call('GET', path, options);
  }

  post(path: string, body: unknown, options: CallOptions = {}): Promise<HttpResult> {
    return this.call('POST', path, { ...options, body });
  }

  delete(path: string, options: CallOptions = {}): Promise<HttpResult> {
    return this.call('DELETE', path, options);
  }
}
