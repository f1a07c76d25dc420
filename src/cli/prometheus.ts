// The Prometheus flags shared by commands that read series from it (anomaly, correlate):
// headers, bearer token, time range; errors become one-line UserErrors naming the query.
import { readFileSync } from 'node:fs';
import { EXIT, UserError } from './exit-codes.js';
import { PrometheusClient, PrometheusError, parseDuration, parseTime } from '../collect/prometheus/client.js';
import type { Series } from '../model/telemetry.js';

export interface PromFlags {
  prom?: string;
  header: string[];
  bearerTokenFile?: string;
  start?: string;
  end?: string;
  step?: string;
  /** Per-request timeout, a duration such as 30s (default 30s). */
  timeout?: string;
}

export async function queryPrometheus(o: PromFlags, queries: string[]): Promise<Series[]> {
  const headers: Record<string, string> = {};
  for (const h of o.header) {
    const i = h.indexOf('=');
    if (i <= 0) throw new UserError(`--header expects name=value, got "${h.slice(0, 40)}"`);
    headers[h.slice(0, i).trim()] = h.slice(i + 1);
  }
  let bearerToken = process.env.HYPERCAS_PROM_TOKEN || undefined;
  if (o.bearerTokenFile) {
    try {
      bearerToken = readFileSync(o.bearerTokenFile, 'utf8').trim();
    } catch (e) {
      throw new UserError(`${o.bearerTokenFile}: ${(e as Error).message}`);
    }
  }
  let start: number, end: number, step: number, timeoutMs: number;
  try {
    start = parseTime(o.start ?? 'now-1d');
    end = parseTime(o.end ?? 'now');
    step = parseDuration(o.step ?? '1m');
    timeoutMs = parseDuration(o.timeout ?? '30s');
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  if (!(timeoutMs > 0)) throw new UserError(`--timeout must be positive, got "${o.timeout}"`);
  try {
    new URL(o.prom ?? '');
  } catch {
    throw new UserError(`--prom: not a URL: ${o.prom}`);
  }
  const client = new PrometheusClient({ url: o.prom!, headers, bearerToken, timeoutMs });
  const out: Series[] = [];
  try {
    // Each query's series keep their labels; the metric name is __name__ or the query itself.
    for (const q of queries) out.push(...(await client.queryRange(q, start, end, step)));
  } catch (e) {
    // A query Prometheus rejected (it says errorType, e.g. bad_data) is the user's to fix (2); a refused
    // login or something that is not Prometheus at that URL means we could not get in (4).
    if (e instanceof PrometheusError) throw new UserError(e.message, e.transient || e.status === 401 || e.status === 403 || (e.status !== undefined && !e.errorType) ? EXIT.UNREACHABLE : EXIT.USAGE);
    throw e;
  }
  return out;
}
