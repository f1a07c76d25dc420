// Loki `GET /loki/api/v1/query_range` (resultType "streams"): pages forward through the range
// (each page starts 1 ns after the last entry seen), one LogRecord per entry, labels kept and
// mapped to a CI (pod → workload) when they name a pod.
import type { LogRecord } from '../../model/telemetry.js';
import { requestJson, LogSourceError, safeEndpoint, type HttpOptions } from './http.js';
import { ciFromLogLabels } from './ci-map.js';

export interface LokiQuery extends HttpOptions {
  /** Base URL, e.g. http://loki:3100 (a path prefix is kept). */
  url: string;
  /** LogQL log query, e.g. `{namespace="shop"} |= "error"`. */
  query: string;
  /** Range in ms since the epoch. */
  start: number;
  end: number;
  /** Entries per request (Loki's max_entries_limit_per_query defaults to 5000). */
  limit?: number;
  /** Tenant for multi-tenant Loki (X-Scope-OrgID). */
  orgId?: string;
  /** Cluster name for CI ids. */
  cluster?: string;
  /** Stop after this many entries in total. */
  maxEntries?: number;
}

interface LokiStreams {
  status: string;
  data?: { resultType: string; result: Array<{ stream: Record<string, string>; values: Array<[string, string]> }> };
  error?: string;
}

export async function* queryLoki(q: LokiQuery): AsyncGenerator<LogRecord> {
  const limit = q.limit ?? 5000;
  let startNs = BigInt(Math.floor(q.start)) * 1_000_000n;
  const endNs = BigInt(Math.floor(q.end)) * 1_000_000n;
  const headers = { ...(q.headers ?? {}), ...(q.orgId ? { 'X-Scope-OrgID': q.orgId } : {}) };
  let total = 0;
  for (;;) {
    const u = new URL(q.url.replace(/\/$/, '') + '/loki/api/v1/query_range');
    u.searchParams.set('query', q.query);
    u.searchParams.set('start', startNs.toString());
    u.searchParams.set('end', endNs.toString());
    u.searchParams.set('limit', String(limit));
    u.searchParams.set('direction', 'forward');
    const body = (await requestJson(u, { method: 'GET' }, { ...q, headers })) as LokiStreams;
    if (body.status !== 'success' || !body.data) throw new LogSourceError(`${safeEndpoint(u)}: ${body.error ?? 'query failed'} (query ${q.query})`, safeEndpoint(u));
    if (body.data.resultType !== 'streams') throw new LogSourceError(`${safeEndpoint(u)}: expected a log query (streams), got ${body.data.resultType}`, safeEndpoint(u));
    // Entries of all streams, in time order (Loki sorts within a stream only).
    const entries: Array<{ ns: bigint; line: string; labels: Record<string, string> }> = [];
    if (!Array.isArray(body.data.result)) throw new LogSourceError(`${safeEndpoint(u)}: malformed answer: data.result is not a list`, safeEndpoint(u));
    for (const s of body.data.result) {
      if (!s || !Array.isArray(s.values)) throw new LogSourceError(`${safeEndpoint(u)}: malformed answer: a stream without values`, safeEndpoint(u));
      for (const v of s.values) {
        // Loki sends [ "<ns>", "<line>" ]; anything else is a proxy or a bug upstream, said with the URL.
        if (!Array.isArray(v) || !/^\d+$/.test(String(v[0])) || typeof v[1] !== 'string') throw new LogSourceError(`${safeEndpoint(u)}: malformed answer: entry ${JSON.stringify(v).slice(0, 60)} is not ["<ns>", "<line>"]`, safeEndpoint(u));
        entries.push({ ns: BigInt(v[0] as string), line: v[1], labels: s.stream && typeof s.stream === 'object' ? s.stream : {} });
      }
    }
    entries.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0));
    for (const e of entries) {
      const rec: LogRecord = { ts: Number(e.ns / 1_000_000n), message: e.line, raw: e.line, labels: e.labels, source: { url: safeEndpoint(u) } };
      const ci = ciFromLogLabels(q.cluster ?? 'default', e.labels);
      if (ci) rec.ci = ci;
      const stream = e.labels.stream;
      if (stream === 'stdout' || stream === 'stderr') rec.stream = stream;
      const level = e.labels.level ?? e.labels.detected_level;
      if (level) rec.level = level;
      yield rec;
      if (q.maxEntries !== undefined && ++total >= q.maxEntries) return;
    }
    if (entries.length < limit) return;
    const next = entries[entries.length - 1].ns + 1n;
    if (next <= startNs || next >= endNs) return;
    startNs = next;
  }
}
