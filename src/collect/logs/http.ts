// Small JSON-over-HTTP helper for the log backends: timeouts, retries on network errors, 429
// and 5xx (honouring Retry-After), and errors that name the endpoint but never credentials.
import { scrubEcho } from '../sanitize.js';

export interface HttpAuth {
  bearerToken?: string;
  basic?: { username: string; password: string };
  headers?: Record<string, string>;
}

export interface HttpOptions extends HttpAuth {
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class LogSourceError extends Error {
  constructor(message: string, readonly endpoint: string, readonly status?: number, readonly transient = false) {
    super(message);
    this.name = 'LogSourceError';
  }
}

/** The URL without user info or query string, for messages. */
export function safeEndpoint(u: URL): string {
  return `${u.protocol}//${u.host}${u.pathname}`;
}

export async function requestJson(url: URL, init: { method: 'GET' | 'POST' | 'DELETE'; body?: unknown }, o: HttpOptions): Promise<unknown> {
  const f = o.fetch ?? fetch;
  // fetch refuses URLs with user info: move it into a Basic header (and out of every message).
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username), pass = decodeURIComponent(url.password);
    url = new URL(url);
    url.username = '';
    url.password = '';
    if (!o.bearerToken && !o.basic) o = { ...o, basic: { username: user, password: pass } };
  }
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const headers: Record<string, string> = { accept: 'application/json', ...(o.headers ?? {}) };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (o.bearerToken) headers.authorization = `Bearer ${o.bearerToken}`;
  else if (o.basic) headers.authorization = `Basic ${Buffer.from(`${o.basic.username}:${o.basic.password}`).toString('base64')}`;
  const endpoint = safeEndpoint(url);
  const attempts = Math.max(1, o.retries ?? 3);
  let last: LogSourceError | undefined;
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(Math.min(8000, (o.backoffMs ?? 250) * 2 ** (i - 1)));
    let res: Response;
    try {
      res = await f(url, { method: init.method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: AbortSignal.timeout(o.timeoutMs ?? 30_000) });
    } catch (e) {
      // undici says only "fetch failed"; the cause (ECONNREFUSED, ENOTFOUND, a TLS error) is what the user needs.
      const cause = (e as Error).cause as (Error & { code?: string }) | undefined;
      const why = (e as Error).name === 'TimeoutError' ? `no answer within ${o.timeoutMs ?? 30_000} ms` : cause ? (cause.message || cause.code) : (e as Error).message;
      last = new LogSourceError(`${endpoint}: unreachable: ${why}`, endpoint, undefined, true);
      continue;
    }
    const text = await res.text();
    if (res.ok) {
      let body: unknown;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        throw new LogSourceError(`${endpoint}: answer is not JSON${/^\s*</.test(text) ? ' (an HTML page: a login or proxy in front of the service?)' : ''}`, endpoint, res.status);
      }
      // Every backend answers an object; `null` or a bare value would crash the caller's field access.
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new LogSourceError(`${endpoint}: answer is not a JSON object: ${scrubEcho(text.slice(0, 60), headers)}`, endpoint, res.status);
      return body;
    }
    const transient = res.status === 429 || res.status >= 500;
    // The reply may echo what we sent (a proxy reflecting Authorization): never print that.
    last = new LogSourceError(`${endpoint}: HTTP ${res.status}: ${scrubEcho(text.slice(0, 200).replace(/\s+/g, ' '), headers)}`, endpoint, res.status, transient);
    if (!transient) throw last;
    const ra = Number(res.headers.get('retry-after'));
    if (ra > 0 && i + 1 < attempts) await sleep(Math.min(ra * 1000, 30_000));
  }
  throw last!;
}
