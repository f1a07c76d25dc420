// `hypercas logs` implementation (options in logs.ts).
import { basename } from 'node:path';
import { once } from 'node:events';
import { stringify as toYaml } from 'yaml';
import type { Done } from '../main.js';
import type { CommandContext } from '../context.js';
import { EXIT, UserError } from '../exit-codes.js';
import { accessSync, constants, statSync } from 'node:fs';
import { compileFormat } from '../../analyze/logs/header.js';
import { renderData, renderTable } from '../../report/format.js';
import type { LogRecord } from '../../model/telemetry.js';
import type { HcEvent } from '../../model/event.js';
import { lineBatchesOf, linesOf, newStats, readLogBatches, readLogRecords, type ReadStats } from '../../collect/logs/reader.js';
import { createRedactor, type RedactRuleName, type Redactor } from '../../analyze/redact/redact.js';
import { MiningSession } from '../../analyze/logs/session.js';
import { TemplateRegistry } from '../../analyze/logs/template-ids.js';
import { StackFolder, tagInPlace, tagRecord } from '../../analyze/logs/tag.js';
import { LogAnomalyStream } from '../../analyze/logs/anomaly-stream.js';
import { parseTime } from '../../collect/logs/line-formats.js';
import { queryLoki } from '../../collect/logs/loki.js';
import { searchElastic } from '../../collect/logs/elastic.js';
import { LogSourceError } from '../../collect/logs/http.js';
import { parseDuration } from '../../collect/prometheus/client.js';

interface SourceOpts {
  loki?: string;
  query?: string;
  orgId?: string;
  elastic?: string;
  index?: string;
  esQuery?: string;
  pod?: string;
  container?: string;
  context?: string;
  kubeconfig?: string;
  start: string;
  end: string;
  cluster: string;
  header: string[];
}

export interface CommonOpts extends Partial<SourceOpts> {
  format?: string;
  redact: boolean;
  store?: boolean;
  scope?: string;
  ci?: string;
}

const STDIN = '-';

function input(ctx: CommandContext, file: string | undefined): { lines: () => AsyncGenerator<string>; batches: () => AsyncGenerator<string[]>; name: string; rereadable: boolean } {
  if (!file || file === STDIN) return { lines: () => linesOf(ctx.io.stdin), batches: () => lineBatchesOf(ctx.io.stdin), name: '<stdin>', rereadable: false };
  // The read stream fails only once iterated, deep in the pipeline: check the path up front so a
  // typo or a directory is a one-line usage error naming it, not an internal error.
  let isDir: boolean;
  try {
    isDir = statSync(file).isDirectory();
    if (!isDir) accessSync(file, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`}`);
  }
  if (isDir) throw new UserError(`${file}: is a directory (give a log file, or - for stdin)`);
  return { lines: () => linesOf(file), batches: () => lineBatchesOf(file), name: file, rereadable: true };
}

/**
 * Buffered writer: one io.out call per ~64 KB instead of per line. `line` returns true when
 * stdout has a backlog (a slow reader on a pipe): the caller then awaits `drain()`, so output
 * that cannot be written yet does not pile up in memory.
 */
function writer(ctx: CommandContext) {
  let buf = '';
  return {
    line(s: string): boolean {
      buf += s + '\n';
      if (buf.length > 65536) {
        ctx.io.out(buf);
        buf = '';
        return process.stdout.writableLength > BACKLOG;
      }
      return false;
    },
    async drain(): Promise<void> {
      if (process.stdout.writableLength > BACKLOG) await once(process.stdout, 'drain');
    },
    flush() {
      if (buf) ctx.io.out(buf);
      buf = '';
    },
  };
}

/** Bytes queued on stdout before writers wait for it to drain. */
const BACKLOG = 4 << 20;

function reportStats(ctx: CommandContext, stats: ReadStats): number {
  if (stats.malformed === 0) return EXIT.OK;
  if (!ctx.globals().quiet) {
    ctx.io.err(`hypercas: ${stats.malformed} of ${stats.lines} lines did not match the ${stats.format} format (kept as-is)\n`);
    for (const p of stats.problems.slice(0, 3)) ctx.io.err(`  ${p}\n`);
  }
  return EXIT.PARTIAL;
}

/**
 * The template registry for --store, bounded by --max-shapes like the miner: templates it drops
 * (least recently seen) are written to the store at once, so no count is lost.
 */
function registryFor(ctx: CommandContext, o: CommonOpts & { maxShapes?: number }, name: string): TemplateRegistry | undefined {
  if (!o.store) return undefined;
  const store = ctx.store();
  return TemplateRegistry.load(store, o.scope ?? o.ci ?? basename(name), { maxTemplates: o.maxShapes, onEvict: (gone) => store.saveTemplates(gone) });
}

/** Says on stderr when the registry cap dropped templates from memory (they are in the store). */
function reportRegistry(ctx: CommandContext, registry: TemplateRegistry | undefined, max: number | undefined): void {
  if (registry?.evicted && !ctx.globals().quiet)
    ctx.io.err(`hypercas: template registry cap (--max-shapes ${max ?? 50_000}) reached: ${registry.evicted} least recently seen templates saved to the store and dropped from memory\n`);
}

function readOpts(o: CommonOpts, name: string) {
  // A bad header format string is the user's: compile it here once so the reader's throw (deep in
  // the stream) does not surface as an internal error.
  if (o.format && !['auto', 'plain', 'json', 'cri'].includes(o.format)) {
    try {
      compileFormat(o.format);
    } catch (e) {
      throw new UserError(`--format: ${(e as Error).message}`);
    }
  }
  return { format: o.format, source: name, ci: o.ci };
}

/** Lines whose shape ids are held before printing: files up to this many at once (16 MB), stdin in chunks. */
const FILE_CHUNK = 1 << 22;
const STDIN_CHUNK = 20_000;
/** Records of stdin/backend input mined before they are annotated and judged for anomalies. */
const ANOMALY_CHUNK = 50_000;

function minerOpts(o: { maxShapes?: number }) {
  return o.maxShapes !== undefined ? { maxShapes: o.maxShapes } : {};
}

/** Says on stderr when the shape cap made the miner evict templates (their lines went to `<*>`). */
function reportEvictions(ctx: CommandContext, session: MiningSession): void {
  const s = session.miner.stats();
  if (s.evictedTemplates && !ctx.globals().quiet)
    ctx.io.err(`hypercas: template cap (--max-shapes ${s.maxShapes}) reached: ${s.evictedTemplates} least recently seen templates (${s.evictedLines} lines) evicted into <*>\n`);
}

/** Grows by doubling; 4 bytes per line whatever the input size. */
class IntList {
  private a = new Int32Array(1 << 16);
  length = 0;
  push(v: number) {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  at(i: number) {
    return this.a[i];
  }
  /** Maps every id through a miner compaction's old → new table. */
  remap(m: Int32Array) {
    for (let i = 0; i < this.length; i++) this.a[i] = m[this.a[i]];
  }
}

/** The printed form of a record (built by assignment: object spreads cost more than the JSON). */
function recordOut(r: LogRecord, line: number | undefined): Record<string, unknown> {
  const o: Record<string, unknown> = { line };
  if (r.ts !== undefined) o.time = new Date(r.ts).toISOString();
  if (r.level) o.level = r.level;
  if (r.stream) o.stream = r.stream;
  if (r.ci) o.ci = r.ci;
  o.templateId = r.templateId;
  o.template = r.template;
  o.message = r.message;
  if (r.tags?.length) o.tags = r.tags;
  return o;
}

/** `now`, `now-1h`, RFC 3339 or epoch → ms. */
function timeArg(name: string, v: string, now = Date.now()): number {
  if (v === 'now') return now;
  const rel = /^now-(.+)$/.exec(v);
  if (rel) return now - parseDuration(rel[1]);
  const t = parseTime(v);
  if (t === undefined) throw new UserError(`${name}: not a time: ${v} (RFC 3339, epoch, now or now-<duration>)`);
  return t;
}

function headersOf(list: string[] = []): Record<string, string> {
  const h: Record<string, string> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new UserError(`--header wants name=value, got ${kv}`);
    h[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return h;
}

/** Records from a log backend when one is named (Loki, Elasticsearch/OpenSearch, a pod), else undefined. */
async function* backendRecords(o: CommonOpts): AsyncGenerator<LogRecord> {
  const start = timeArg('--start', o.start ?? 'now-1h');
  const end = timeArg('--end', o.end ?? 'now');
  const headers = headersOf(o.header);
  try {
    if (o.loki) {
      if (!o.query) throw new UserError('--loki needs --query <LogQL>');
      yield* queryLoki({ url: o.loki, query: o.query, start, end, orgId: o.orgId, cluster: o.cluster, headers });
    } else if (o.elastic) {
      if (!o.index) throw new UserError('--elastic needs --index <pattern>');
      let query: Record<string, unknown> | undefined;
      if (o.esQuery) {
        try {
          query = JSON.parse(o.esQuery) as Record<string, unknown>;
        } catch {
          throw new UserError('--es-query must be a JSON query clause');
        }
      }
      yield* searchElastic({ url: o.elastic, index: o.index, query, start, end, cluster: o.cluster, headers });
    } else if (o.pod) {
      const [namespace, name] = o.pod.includes('/') ? o.pod.split('/', 2) : ['default', o.pod];
      // The Kubernetes client is big: load it only for --pod.
      const [{ loadKubeConfigs }, { readPodLogs }] = await Promise.all([import('../../collect/kubernetes/index.js'), import('../../collect/logs/kubernetes.js')]);
      const [loaded] = loadKubeConfigs({ kubeconfig: o.kubeconfig, contexts: o.context ? [o.context] : undefined });
      const res = await readPodLogs({ kc: loaded.kc, cluster: o.cluster && o.cluster !== 'default' ? o.cluster : loaded.cluster, namespace, pod: name, container: o.container, sinceSeconds: Math.max(1, Math.round((Date.now() - start) / 1000)) });
      yield* res.records;
    }
  } catch (e) {
    if (e instanceof LogSourceError) throw new UserError(e.message, EXIT.UNREACHABLE);
    throw e;
  }
}

function hasBackend(o: CommonOpts): boolean {
  return Boolean(o.loki || o.elastic || o.pod);
}

/** Records from the backend or from the file/stdin lines. */
function recordsOf(ctx: CommandContext, file: string | undefined, o: CommonOpts, stats: ReadStats): { records: AsyncIterable<LogRecord>; name: string } {
  if (hasBackend(o)) {
    if (file) throw new UserError('give either a file or a log backend (--loki, --elastic, --pod), not both');
    const name = o.loki ? 'loki' : o.elastic ? 'elastic' : `pod ${o.pod}`;
    stats.format = name;
    return {
      name,
      records: (async function* () {
        for await (const r of backendRecords(o)) {
          stats.lines++;
          stats.records++;
          if (o.ci && !r.ci) r.ci = o.ci;
          yield r;
        }
      })(),
    };
  }
  const src = input(ctx, file);
  return { name: src.name, records: readLogRecords(src.lines(), readOpts(o, src.name), stats) };
}

export async function logsParse(ctx: CommandContext, done: Done, file: string | undefined, o: CommonOpts & { print: string; maxShapes?: number }): Promise<void> {
  if (o.print !== 'records' && o.print !== 'templates') throw new UserError(`--print must be records or templates, got ${o.print}`);
  const src = input(ctx, file);
  const redactor = o.redact ? createRedactor() : undefined;
  const registry = registryFor(ctx, o, src.name);
  // Only messages are printed, so only messages need redacting.
  const session = new MiningSession({ redactor, registry, miner: minerOpts(o), messageOnly: true });
  const stats = newStats();
  const out = writer(ctx);
  const fmt = ctx.globals().output;
  const emit = (r: LogRecord): boolean => {
    if (fmt === 'json') return out.line(JSON.stringify(recordOut(r, r.source?.line)));
    if (fmt === 'yaml') return out.line(toYaml([recordOut(r, r.source?.line)], { lineWidth: 0 }).trimEnd());
    return out.line(`${r.source?.line ?? ''}\t${r.templateId}\t${r.template}`);
  };
  if (o.print === 'templates') {
    // Shape ids only (4 bytes a line), printed with the templates merged at the end of each
    // chunk: the whole input for files up to FILE_CHUNK lines (exact final templates), else
    // chunks; 20,000-line chunks for stdin so an unending stream keeps printing.
    const limit = src.rereadable ? FILE_CHUNK : STDIN_CHUNK;
    let shapes = new IntList();
    session.miner.onCompact((remap) => shapes.remap(remap));
    const flush = async () => {
      session.merge();
      const list = shapes;
      shapes = new IntList();
      for (let i = 0; i < list.length; i++) if (out.line(session.miner.templateOf(list.at(i)))) await out.drain();
    };
    for await (const batch of readLogBatches(src.batches(), { ...readOpts(o, src.name), light: true }, stats)) {
      for (const r of batch) shapes.push(session.add(r));
      if (shapes.length >= limit) await flush();
    }
    await flush();
  } else {
    if (fmt === 'table') {
      // The table shows line, id and template only: one pass over header-light records
      // (no time or level parsing, unless the store wants first/last times), shape ids kept
      // (8 bytes a line), printed with the templates merged at the end of each chunk.
      out.line('LINE\tTEMPLATE_ID\tTEMPLATE');
      const limit = src.rereadable ? FILE_CHUNK : STDIN_CHUNK;
      let shapes = new IntList();
      let lineNos = new IntList();
      session.miner.onCompact((remap) => shapes.remap(remap));
      const flush = async () => {
        session.merge();
        const list = shapes, nos = lineNos;
        shapes = new IntList();
        lineNos = new IntList();
        for (let i = 0; i < list.length; i++) {
          const t = session.resolve(list.at(i));
          if (out.line(`${nos.at(i) || ''}\t${t.templateId}\t${t.template}`)) await out.drain();
        }
      };
      for await (const batch of readLogBatches(src.batches(), { ...readOpts(o, src.name), light: !registry }, stats)) {
        for (const r of batch) {
          shapes.push(session.add(r));
          lineNos.push(r.source?.line ?? 0);
        }
        if (shapes.length >= limit) await flush();
      }
      await flush();
    } else if (src.rereadable) {
      // Two passes: mine everything (keeping each record's shape, up to FILE_CHUNK of them),
      // then read the whole records again, redact and tag them and print each with its final
      // (merged) template. Records past FILE_CHUNK, or added to the file meanwhile, find
      // their template again without learning (match), so memory stays bounded.
      const shapes = new IntList();
      session.miner.onCompact((remap) => shapes.remap(remap));
      for await (const batch of readLogBatches(src.batches(), { ...readOpts(o, src.name), light: !registry }, stats)) {
        for (const r of batch) {
          const s = session.add(r);
          if (shapes.length < FILE_CHUNK) shapes.push(s);
        }
      }
      session.merge();
      let i = 0;
      for await (const batch of readLogBatches(src.batches(), readOpts(o, src.name))) {
        let backlog = false;
        for (const r of batch) {
          let s: number;
          if (i < shapes.length) {
            session.redactRecord(r);
            s = shapes.at(i);
          } else s = session.match(r);
          i++;
          if (emit(tagInPlace(session.annotate(r, s)))) backlog = true;
        }
        if (backlog) await out.drain();
      }
    } else {
      // stdin: chunks of records, printed with the templates known at the end of each chunk.
      let chunk: Array<{ r: LogRecord; s: number }> = [];
      session.miner.onCompact((remap) => {
        for (const c of chunk) c.s = remap[c.s];
      });
      const flush = async () => {
        session.merge();
        const list = chunk;
        chunk = [];
        for (const { r, s } of list) if (emit(tagInPlace(session.annotate(r, s)))) await out.drain();
      };
      for await (const r of readLogRecords(src.lines(), readOpts(o, src.name), stats)) {
        chunk.push({ r, s: session.add(r) });
        if (chunk.length >= STDIN_CHUNK) await flush();
      }
      await flush();
    }
  }
  out.flush();
  session.templates(); // counts into the registry
  if (registry) registry.save(ctx.store());
  reportRegistry(ctx, registry, o.maxShapes);
  reportEvictions(ctx, session);
  done(reportStats(ctx, stats));
}

export async function logsTemplates(ctx: CommandContext, done: Done, file: string | undefined, o: CommonOpts & { limit?: number; maxShapes?: number }): Promise<void> {
  const stats = newStats();
  const src = recordsOf(ctx, file, o, stats);
  const registry = registryFor(ctx, o, src.name);
  const session = new MiningSession({ redactor: o.redact ? createRedactor() : undefined, registry, miner: minerOpts(o), messageOnly: true });
  for await (const r of src.records) session.add(r);
  let t = session.templates();
  reportEvictions(ctx, session);
  if (registry) registry.save(ctx.store());
  reportRegistry(ctx, registry, o.maxShapes);
  if (o.limit !== undefined) t = t.slice(0, o.limit);
  const g = ctx.globals();
  const rows = t.map((x) => ({ id: x.id, count: x.count, template: x.template, example: x.example, ...(x.firstTs !== undefined ? { first: new Date(x.firstTs).toISOString(), last: new Date(x.lastTs!).toISOString() } : {}) }));
  if (g.output !== 'table') ctx.io.out(renderData(rows, g.output));
  else
    ctx.io.out(renderTable(rows, [
      { header: 'ID', get: (r) => r.id },
      { header: 'COUNT', get: (r) => r.count, right: true },
      { header: 'TEMPLATE', get: (r) => r.template, max: 100 },
      { header: 'EXAMPLE', get: (r) => r.example, max: 80 },
    ]));
  done(reportStats(ctx, stats));
}

export async function logsAnomalies(ctx: CommandContext, done: Done, file: string | undefined, o: CommonOpts & { since?: string; sequenceWindow: number; storeEvents?: boolean; fail?: boolean; maxShapes?: number }): Promise<void> {
  const since = o.since !== undefined ? parseTime(o.since) : undefined;
  if (o.since !== undefined && since === undefined) throw new UserError(`--since: not a time: ${o.since}`);
  if (!(o.sequenceWindow > 0)) throw new UserError('--sequence-window must be a positive number of seconds');
  const stats = newStats();
  const src = recordsOf(ctx, file, o, stats);
  const redactor = o.redact ? createRedactor() : undefined;
  const registry = registryFor(ctx, o, src.name);
  const known = registry ? new Set(registry.all().map((t) => t.id)) : undefined;
  const session = new MiningSession({ redactor, registry, miner: minerOpts(o) });
  // Bounded memory: records flow through (stack folding, tagging, mining) into a
  // LogAnomalyStream that keeps per-template summaries, not the records.
  const stream = new LogAnomalyStream({ since, knownTemplates: known, sequenceWindowMs: o.sequenceWindow * 1000, redact: redactor ? (s) => redactor.redact(s) : (s) => s });
  let timed = false;
  const tagged = async function* (records: AsyncIterable<LogRecord>) {
    const folder = new StackFolder();
    for await (const r of records) for (const x of folder.push(r)) yield tagRecord(x);
    for (const x of folder.flush()) yield tagRecord(x);
  };
  if (file && file !== STDIN && !hasBackend(o)) {
    // A file: mine it all, then read it again and judge every line with the final templates.
    for await (const r of tagged(src.records)) session.add(r);
    session.merge();
    for await (const r of tagged(recordsOf(ctx, file, o, newStats()).records)) {
      session.annotate(r, session.match(r));
      if (r.ts !== undefined) timed = true;
      stream.add(r);
    }
  } else {
    // stdin or a backend: chunks, each judged with the templates known at its end.
    let chunk: Array<{ r: LogRecord; s: number }> = [];
    session.miner.onCompact((remap) => {
      for (const c of chunk) c.s = remap[c.s];
    });
    const flush = () => {
      session.merge();
      for (const { r, s } of chunk) {
        session.annotate(r, s);
        if (r.ts !== undefined) timed = true;
        stream.add(r);
      }
      chunk = [];
    };
    for await (const r of tagged(src.records)) {
      chunk.push({ r, s: session.add(r) });
      if (chunk.length >= ANOMALY_CHUNK) flush();
    }
    flush();
  }
  session.templates();
  if (registry) registry.save(ctx.store());
  reportRegistry(ctx, registry, o.maxShapes);
  reportEvictions(ctx, session);
  const events = stream.finish();
  if (o.storeEvents && events.length) ctx.store().addEvents(events);
  const g = ctx.globals();
  if (g.output !== 'table') ctx.io.out(renderData(events, g.output));
  else if (!events.length) ctx.io.out(timed ? 'no log anomalies\n' : 'no log anomalies (the lines carry no timestamps; try --format)\n');
  else
    ctx.io.out(renderTable(events, [
      { header: 'TIME', get: (e: HcEvent) => e.time.slice(0, 19) },
      { header: 'KIND', get: (e) => e.data.kind },
      { header: 'SEVERITY', get: (e) => e.severity },
      { header: 'CI', get: (e) => e.ci ?? '' },
      { header: 'TITLE', get: (e) => e.title, max: 120 },
    ]));
  const code = reportStats(ctx, stats);
  done(o.fail && events.length ? EXIT.FINDINGS : code);
}

export async function logsRedact(ctx: CommandContext, done: Done, file: string | undefined, o: { rules: string[]; ip?: boolean }): Promise<void> {
  let redactor: Redactor;
  try {
    redactor = createRedactor({ rules: o.rules.length ? (o.rules as RedactRuleName[]) : undefined, ip: o.ip });
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const src = input(ctx, file);
  const out = writer(ctx);
  for await (const line of src.lines()) if (out.line(redactor.redact(line))) await out.drain();
  out.flush();
  const counts = Object.entries(redactor.counts);
  if (!ctx.globals().quiet) ctx.io.err(counts.length ? `redacted: ${counts.map(([k, v]) => `${k}=${v}`).join(' ')}\n` : 'redacted: nothing\n');
  done(EXIT.OK);
}
