import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.js';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads and parses a JSON body. Any Content-Type is accepted because the
 * seed's own curl examples send JSON as form data. A body already parsed by
 * a host framework (express.json()) is used as is.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const preParsed = (req as IncomingMessage & { body?: unknown }).body;
  if (preParsed !== undefined && typeof preParsed === 'object') {
    return preParsed;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      throw new ApiError(413, `Request body is larger than ${maxBytes} bytes; send a small JSON object.`);
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') {
    throw new ApiError(400, 'Request body is empty; send a JSON object such as {"action":"test"}.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError(400, `Request body is not valid JSON (${(err as Error).message}).`);
  }
}
