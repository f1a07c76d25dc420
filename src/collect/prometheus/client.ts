// Prometheus HTTP API client (query_range): long ranges are split into chunks under Prometheus'
// 11,000-points-per-series limit, transient failures (network, 429, 5xx) are retried with
// exponential back-off (honouring Retry-After), and every error names the query and the endpoint
// (credentials never appear in messages).
import { safeUrl, scrubEcho } from '../sanitize.js';
import type { Series } from '../../model/telemetry.js';

export interface PrometheusAuth {
  bearerToken?: string;
  basic?: { username: string; password: string };
  /** Extra headers (e.g. `X-Scope-OrgID` for Mimir/Cortex). */
  headers?: Record<string, string>;
}

export interface PrometheusClientOptions extends PrometheusAuth {
  /** Base URL, e.g. http://prometheus:9090 (a path prefix is kept). */
  url: string;
  /** Attempts per request (default 4). */
  retries?: number;
  /** First back-off in ms (default 250), doubled each retry, capped at 8 s. */
  backoffMs?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
  /** Points per series per request (default 10,000; Prometheus refuses more than 11,000). */
  maxPointsPerRequest?: number;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly query: string,
    readonly endpoint: string,
    readonly status?: number,
    /** Prometheus' errorType (bad_data, timeout, execution, ...) when it gave one. */
    readonly errorType?: string,
    /** Worth retrying (network, 429, 5xx). */
    readonly transient = false,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

interface ApiMatrix {
  status: 'success' | 'error';
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; values?: Array<[number, string]> }> };
  errorType?: string;
  error?: string;
  warnings?: string[];
}

/** Parses `30s`, `5m`, `1h`, `1d`, `1w`, plain seconds (`15`, `0.5`) into ms. */
export function parseDuration(s: string): number {
  const t = s.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const re = /(\d+)(ms|s|m|h|d|w|y)/g;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * unit[m[2]];
    consumed += m[0].length;
  }
  if (consumed !== t.length || consumed === 0) throw new Error(`bad duration "${s}" (expected e.g. 30s, 5m, 1h)`);
  return total;
}

/** Parses RFC 3339, Unix seconds, `now`, or `now-1h`-style relative times into Unix ms. */
export function parseTime(s: string, now = Date.now()): number {
  const t = s.trim();
  if (t === 'now') return now;
  const rel = /^now-(.+)$/.exec(t);
  if (rel) return now - parseDuration(rel[1]);
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const v = Date.parse(t);
  if (Number.isNaN(v)) throw new Error(`bad time "${s}" (expected RFC 3339, Unix seconds, now or now-<duration>)`);
  return v;
}


export class PrometheusClient {
  private readonly base: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly headers: Record<string, string>;
  /** Warnings returned by Prometheus (e.g. partial data), with the query they came from. */
  readonly warnings: string[] = [];

  constructor(private readonly opts: PrometheusClientOptions) {
    const u = new URL(opts.url);
    const headers: Record<string, string> = { Accept: 'application/json', ...(opts.headers ?? {}) };
    // Credentials in the URL become a header; the URL itself is kept without them (it shows in errors).
    if (u.username && !opts.basic) headers.Authorization = 'Basic ' + Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64');
    u.username = '';
    u.password = '';
    // The API path goes after the base path; a query string on the base (an auth proxy's token) stays at the end.
    u.pathname = u.pathname.replace(/\/+$/, '');
    this.base = u.toString();
    if (opts.bearerToken) headers.Authorization = `Bearer ${opts.bearerToken}`;
    if (opts.basic) headers.Authorization = 'Basic ' + Buffer.from(`${opts.basic.username}:${opts.basic.password}`).toString('base64');
    this.headers = headers;
    this.fetchFn = opts.fetch ?? fetch;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /**
   * Range query from `start` to `end` (Unix ms, inclusive) every `stepMs`. Splits into chunks of
   * at most maxPointsPerRequest steps and merges the series by label set.
   */
  async queryRange(query: string, start: number, end: number, stepMs: number): Promise<Series[]> {
    if (!(stepMs > 0)) throw new PrometheusError(`step must be positive`, query, safeUrl(this.base));
    if (!(end >= start)) throw new PrometheusError(`end is before start`, query, safeUrl(this.base));
    const maxPts = Math.min(this.opts.maxPointsPerRequest ?? 10_000, 11_000);
    const span = (maxPts - 1) * stepMs;
    const merged = new Map<string, { metric: Record<string, string>; ts: number[]; vs: number[] }>();
    for (let s = start; s <= end; s += span + stepMs) {
      const e = Math.min(end, s + span);
      const body = await this.request('/api/v1/query_range', { query, start: String(s / 1000), end: String(e / 1000), step: String(stepMs / 1000) }, query);
      if (body.data?.resultType !== 'matrix') throw new PrometheusError(`expected a matrix result, got ${body.data?.resultType ?? 'nothing'}`, query, safeUrl(this.base));
      for (const r of body.data.result) {
        const key = JSON.stringify(Object.entries(r.metric).sort(([a], [b]) => (a < b ? -1 : 1)));
        let m = merged.get(key);
        if (!m) merged.set(key, (m = { metric: r.metric, ts: [], vs: [] }));
        for (const [t, v] of r.values ?? []) {
          const ms = Math.round(t * 1000);
          if (m.ts.length && ms <= m.ts[m.ts.length - 1]) continue; // chunk boundaries never overlap, but be safe
          m.ts.push(ms);
          m.vs.push(parseSampleValue(v));
        }
      }
    }
    return [...merged.values()].map((m) => {
      const { __name__, ...labels } = m.metric;
      return { metric: __name__ ?? query, labels, timestamps: Float64Array.from(m.ts), values: Float64Array.from(m.vs) };
    });
  }

  private async request(path: string, params: Record<string, string>, query: string): Promise<ApiMatrix> {
    const attempts = Math.max(1, this.opts.retries ?? 4);
    const u = new URL(this.base);
    u.pathname = u.pathname.replace(/\/+$/, '') + path;
    const url = u.toString();
    let delay = this.opts.backoffMs ?? 250;
    let lastErr: PrometheusError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let retryAfterMs: number | undefined;
      try {
        const ctl = new AbortController();
        const timer = setTimeout(() => ctl.abort(), this.opts.timeoutMs ?? 30_000);
        let res: Response;
        try {
          res = await this.fetchFn(url, {
            method: 'POST',
            headers: { ...this.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(params).toString(),
            signal: ctl.signal,
          });
        } finally {
          clearTimeout(timer);
        }
        const text = await res.text();
        let body: ApiMatrix | undefined;
        try {
          body = JSON.parse(text) as ApiMatrix;
        } catch {
          body = undefined;
        }
        if (res.ok && body?.status === 'success') {
          for (const w of body.warnings ?? []) this.warnings.push(`${query}: ${w}`);
          return body;
        }
        const transient = res.status === 429 || res.status >= 500;
        const ra = res.headers.get('retry-after');
        if (ra) retryAfterMs = /^\d+$/.test(ra) ? Number(ra) * 1000 : Math.max(0, Date.parse(ra) - Date.now());
        const notApi = body === undefined || body === null || typeof body !== 'object';
        const why = body?.error ? `${body.errorType ?? 'error'}: ${scrubEcho(String(body.error), this.headers)}`
          : notApi && /^\s*</.test(text) ? `HTTP ${res.status}: not a Prometheus API answer but an HTML page (wrong URL, or a login/proxy in front of Prometheus?)`
          : `HTTP ${res.status}${notApi && res.ok ? ': not a Prometheus API answer:' : ''}${text ? ` ${scrubEcho(text.slice(0, 200).trim(), this.headers)}` : ''}`;
        lastErr = new PrometheusError(`Prometheus ${safeUrl(url)} query ${JSON.stringify(query)} failed: ${why}`, query, safeUrl(url), res.status, body?.errorType, transient);
      } catch (e) {
        const msg = (e as Error).name === 'AbortError' ? `timed out after ${this.opts.timeoutMs ?? 30_000} ms` : ((e as Error).cause as Error | undefined)?.message ?? (e as Error).message;
        lastErr = new PrometheusError(`Prometheus ${safeUrl(url)} unreachable for query ${JSON.stringify(query)}: ${msg}`, query, safeUrl(url), undefined, undefined, true);
      }
      if (!lastErr.transient || attempt === attempts) break;
      await this.sleep(Math.min(retryAfterMs ?? delay, 8000));
      delay = Math.min(delay * 2, 8000);
    }
    throw lastErr!;
  }
}

function parseSampleValue(v: string): number {
  if (v === '+Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  return Number(v); // 'NaN' → NaN
}
