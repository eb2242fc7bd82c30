/**
 * The desk's guard at the door: which requests the local server answers. Pure functions over the
 * request's headers, so every rule is tested without a socket.
 *
 * - The token: a random value printed once in the address; the first page load carries it in the
 *   query and gets it back as an HttpOnly, SameSite=Strict cookie; API calls may also send it in
 *   the `X-Soz-Token` header. Without it: 403.
 * - Host must be `127.0.0.1:PORT` or `localhost:PORT`: a page on another name that a DNS rebinding
 *   points at 127.0.0.1 still sends its own name, and is refused.
 * - Origin, when the browser sends one, must be the server's own origin: a cross-site form or
 *   fetch that writes is refused even if it could guess nothing else.
 */
import { timingSafeEqual } from 'node:crypto';

/** Name of the cookie that carries the token after the first page load. */
export const TOKEN_COOKIE = 'soz_desk';
/** Header an API client may send the token in instead of the cookie. */
export const TOKEN_HEADER = 'x-soz-token';

/**
 * Every response of the desk carries these: nothing but the desk's own scripts and styles run,
 * nothing loads from elsewhere, no page may frame it, and no type is guessed from content.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** What the guard looks at in a request. */
export interface RequestFacts {
  readonly method: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly cookie: string | undefined;
  readonly tokenHeader: string | undefined;
  /** The `token` query parameter, if any. */
  readonly queryToken: string | null;
}

/** The guard's answer: let through (and whether the token came in the query), or refuse with a status and a line. */
export type Admission =
  | { readonly ok: true; readonly viaQuery: boolean }
  | { readonly ok: false; readonly status: 403 | 421; readonly refusal: Refusal; readonly params: Readonly<Record<string, string | number>> };

/** Why a request is refused; the server says it in the desk's language (`error…` labels). */
export type Refusal = 'host' | 'origin' | 'opaque' | 'token';

/** Hosts the server accepts in the Host header for its port. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Decides whether a request may be answered; see the module comment for the rules. */
export function admit(request: RequestFacts, token: string, port: number): Admission {
  const hosts = allowedHosts(port);
  const host = (request.host ?? '').toLowerCase();
  if (!hosts.includes(host)) return { ok: false, status: 421, refusal: 'host', params: { host: request.host ?? '', port } };
  if (request.origin !== undefined && request.origin !== 'null' && !hosts.some((allowed) => request.origin === `http://${allowed}`)) {
    return { ok: false, status: 403, refusal: 'origin', params: { origin: request.origin } };
  }
  // A sandboxed or file: page sends "Origin: null"; it is never the desk's own page, so writes are refused.
  if (request.origin === 'null' && request.method !== 'GET') return { ok: false, status: 403, refusal: 'opaque', params: {} };
  if (request.queryToken !== null && sameSecret(request.queryToken, token)) return { ok: true, viaQuery: true };
  const presented = request.tokenHeader ?? cookieValue(request.cookie, TOKEN_COOKIE);
  if (presented !== undefined && sameSecret(presented, token)) return { ok: true, viaQuery: false };
  return { ok: false, status: 403, refusal: 'token', params: {} };
}

/** The cookie that keeps the token for later requests of this page only. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
