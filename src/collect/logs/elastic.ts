// Elasticsearch / OpenSearch `_search`, paged with `search_after`. With Elasticsearch a point in
// time (PIT) keeps the view consistent across pages and `_shard_doc` breaks ties. Where PIT is
// refused (OpenSearch's PIT has another API, old versions, missing privilege) it falls back to
// plain `search_after` on [time, tiebreaker]; give `tiebreaker` a unique keyword field there
// (the default `_id` needs indices.id_field_data.enabled on recent Elasticsearch).
import type { LogRecord } from '../../model/telemetry.js';
import { requestJson, LogSourceError, type HttpOptions } from './http.js';
import { recordFromObject } from './line-formats.js';
import { ciFromLogLabels } from './ci-map.js';

export interface ElasticQuery extends HttpOptions {
  url: string;
  /** Index pattern, e.g. `logs-*` or `filebeat-*`. */
  index: string;
  /** Extra query clauses (ES query DSL) ANDed with the time range, e.g. `{ match: { message: "error" } }`. */
  query?: Record<string, unknown>;
  start: number;
  end: number;
  timeField?: string;
  /** Hits per page (default 1000; ES max_result_window caps from+size, not search_after pages). */
  size?: number;
  /** Use a point in time (default true; falls back when refused). */
  pit?: boolean;
  tiebreaker?: string;
  cluster?: string;
  maxHits?: number;
}

interface Hit {
  _index: string;
  _id: string;
  _source?: Record<string, unknown>;
  sort?: unknown[];
}
interface SearchBody {
  pit_id?: string;
  hits: { hits: Hit[] };
}

function flatLabels(src: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (o: unknown, prefix: string, depth: number) => {
    if (depth > 4 || !o || typeof o !== 'object' || Array.isArray(o)) return;
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out[key] = v;
      else walk(v, key, depth + 1);
    }
  };
  walk(src.kubernetes, 'kubernetes', 0);
  return out;
}

export async function* searchElastic(q: ElasticQuery): AsyncGenerator<LogRecord> {
  const base = q.url.replace(/\/$/, '');
  const timeField = q.timeField ?? '@timestamp';
  const size = q.size ?? 1000;
  const filter: unknown[] = [{ range: { [timeField]: { gte: new Date(q.start).toISOString(), lt: new Date(q.end).toISOString(), format: 'strict_date_optional_time' } } }];
  if (q.query) filter.push(q.query);
  let pitId: string | undefined;
  if (q.pit !== false) {
    try {
      const r = (await requestJson(new URL(`${base}/${encodeURIComponent(q.index)}/_pit?keep_alive=2m`), { method: 'POST' }, { ...q, retries: 1 })) as { id?: string };
      pitId = r.id;
    } catch (e) {
      if (!(e instanceof LogSourceError) || e.status === undefined) throw e;
      // 400/404/405/403: no PIT here; plain search_after below.
    }
  }
  let after: unknown[] | undefined;
  let total = 0;
  try {
    for (;;) {
      const body: Record<string, unknown> = {
        size,
        query: { bool: { filter } },
        sort: [{ [timeField]: { order: 'asc' } }, pitId ? { _shard_doc: 'asc' } : { [q.tiebreaker ?? '_id']: 'asc' }],
        track_total_hits: false,
      };
      if (after) body.search_after = after;
      let url: URL;
      if (pitId) {
        body.pit = { id: pitId, keep_alive: '2m' };
        url = new URL(`${base}/_search`);
      } else url = new URL(`${base}/${encodeURIComponent(q.index)}/_search`);
      const res = (await requestJson(url, { method: 'POST', body }, q)) as SearchBody;
      if (res.pit_id) pitId = res.pit_id;
      if (!Array.isArray(res.hits?.hits)) throw new LogSourceError(`${base}: malformed answer: hits.hits is not a list`, base);
      const hits = res.hits?.hits ?? [];
      for (const h of hits) {
        if (!h || typeof h !== 'object') continue;
        const src = typeof h._source === 'object' && h._source !== null ? h._source : {};
        const rec = recordFromObject(src, JSON.stringify(src));
        const labels = flatLabels(src);
        if (Object.keys(labels).length) rec.labels = labels;
        const ci = ciFromLogLabels(q.cluster ?? 'default', labels);
        if (ci) rec.ci = ci;
        const stream = src.stream ?? (src.log as Record<string, unknown> | undefined)?.stream;
        if (stream === 'stdout' || stream === 'stderr') rec.stream = stream;
        rec.source = { url: `${base}/${h._index}/_doc/${h._id}` };
        yield rec;
        if (q.maxHits !== undefined && ++total >= q.maxHits) return;
      }
      if (hits.length < size) return;
      after = hits[hits.length - 1].sort;
      if (!after) throw new LogSourceError(`${base}: hits carry no sort values; cannot page`, base);
    }
  } finally {
    if (pitId) await requestJson(new URL(`${base}/_pit`), { method: 'DELETE', body: { id: pitId } }, { ...q, retries: 1 }).catch(() => undefined);
  }
}
