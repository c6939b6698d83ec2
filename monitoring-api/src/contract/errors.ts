// Every error leaves the server as {"error": {"status", "code", "message"}}
// with a message that tells the caller what to change.
import { jsonResponse, type HttpResponse } from './http-response.js';
import type { ErrorBody } from './types.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  500: 'internal',
  502: 'bad_gateway',
  503: 'unavailable',
  504: 'gateway_timeout',
};

/** Code for a status; statuses without a dedicated code use "error". */
export function errorCodeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? 'error';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get code(): string {
    return errorCodeForStatus(this.status);
  }
}

export function badRequest(parameter: string, problem: string): ApiError {
  return new ApiError(400, `Invalid parameter "${parameter}": ${problem}`);
}

export function errorBody(status: number, message: string): ErrorBody {
  return { error: { status, code: errorCodeForStatus(status), message } };
}

export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): HttpResponse {
  return jsonResponse(status, errorBody(status, message), headers);
}

export function apiErrorResponse(err: ApiError): HttpResponse {
  return errorResponse(err.status, err.message, err.headers);
}
