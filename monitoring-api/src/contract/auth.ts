// Key checks. Reads take the metrics key (X-API-Key header, an
// Authorization: Bearer header for scrapers that cannot send custom headers,
// or the api_key query parameter older clients use); changes take the admin
// key in the X-Admin-Key header only, so it never lands in URLs or access logs.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors.js';

export type Access = 'public' | 'read' | 'admin';
export type Role = 'admin' | 'read' | 'anonymous';

export interface AuthKeys {
  readKey: string;
  adminKey: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares secrets in constant time whatever their lengths. */
function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The token of an `Authorization: Bearer <token>` header; undefined for no
 * header or another scheme (Basic and the like are not ours to judge).
 */
function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^\s*bearer\s+(.*?)\s*$/i.exec(headers.authorization ?? '');
  return match ? match[1] : undefined;
}

export class KeyAuthenticator {
  constructor(private readonly keys: AuthKeys) {
    if (!keys.readKey || !keys.adminKey) {
      throw new Error('Both the metrics key and the admin key must be non-empty');
    }
  }

  /**
   * Works out who is calling. A key that is presented but wrong is always
   * rejected, even on public endpoints, so misconfigured clients find out.
   */
  identify(headers: IncomingHttpHeaders, query: URLSearchParams): Role {
    const adminKey = headerValue(headers, 'x-admin-key');
    if (adminKey !== undefined) {
      if (!sameSecret(adminKey, this.keys.adminKey)) {
        throw new ApiError(401, "The X-Admin-Key header does not match the server's admin key; check ADMIN_API_KEY.");
      }
      return 'admin';
    }
    const readKey = headerValue(headers, 'x-api-key') ?? bearerToken(headers) ?? query.get('api_key') ?? undefined;
    if (readKey !== undefined) {
      // The admin key sent as a read key only reads: changes need X-Admin-Key,
      // so an admin key copied into a URL can never change state.
      if (sameSecret(readKey, this.keys.readKey) || sameSecret(readKey, this.keys.adminKey)) {
        return 'read';
      }
      throw new ApiError(401, "The API key does not match the server's metrics key; check METRICS_API_KEY.");
    }
    return 'anonymous';
  }

  /** Throws 401/403 when the role may not use an endpoint with this access level. */
  authorize(role: Role, access: Access): void {
    if (access === 'public' || role === 'admin') {
      return;
    }
    if (access === 'read') {
      if (role === 'read') {
        return;
      }
      throw new ApiError(
        401,
        'Missing API key: send the metrics key in the X-API-Key header (or as Authorization: Bearer <key>).'
      );
    }
    if (role === 'read') {
      throw new ApiError(
        403,
        'This action changes server state and needs the admin key in the X-Admin-Key header; the metrics key only allows reads.'
      );
    }
    throw new ApiError(401, 'Missing admin key: send it in the X-Admin-Key header.');
  }
}
