// The default CMDB: one SQLite file (WAL) through better-sqlite3. CI versions are kept as
// validity intervals over snapshots, so any past snapshot can be read back without storing
// every CI again each time; configuration bodies are deduplicated by hash.
import Database from 'better-sqlite3';
import type { CI, CiId } from '../model/ci.js';
import { parseCiId } from '../model/ci.js';
import type { Relation } from '../model/relation.js';
import { relationKey } from '../model/relation.js';
import type { HcEvent } from '../model/event.js';
import { SEVERITY_RANK } from '../model/finding.js';
import type {
  ChangeRecord, CiChange, CiQuery, CmdbStore, EventQuery, RelationQuery, SnapshotInfo, SnapshotInput, SnapshotResult, StoredTemplate,
} from './store.js';
import { migrations } from './migrations.js';
import { configOf, diffValues } from './diff.js';
import { contentHash } from './canonical.js';
import { BatchInserter } from './batch-insert.js';
import { configTextOf } from './build-inventory.js';
import { redactInline, redactStrings } from '../collect/sanitize.js';

/** Continuing occurrences within this gap extend an event instead of adding one. */
export const DEDUP_GAP_MS = 60 * 60 * 1000;

interface VersionRow {
  rowid: number;
  ci_id: string;
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  type: string;
  uid: string | null;
  hash: string;
  status: string | null;
  source: string | null;
  first_seen: string;
  last_seen: string;
  body?: string;
}

interface RelationRow {
  from_id: string;
  to_id: string;
  type: string;
  source: string;
  confidence: number | null;
  evidence: string | null;
  dangling: number;
}

export class SqliteStore implements CmdbStore {
  readonly db: Database.Database;

  constructor(readonly path: string) {
    this.db = new Database(path);
    // Larger pages suit the big JSON bodies and long text keys; only a new database takes it.
    this.db.pragma('page_size = 16384');
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Snapshots of big clusters update several text indexes at random positions: with SQLite's
    // default 2 MB page cache that thrashes. 256 MB is an upper bound, not an allocation.
    this.db.pragma('cache_size = -262144');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('foreign_keys = OFF');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
    const newest = Math.max(0, ...done);
    const known = Math.max(...migrations.map((m) => m.version));
    if (newest > known) throw new Error(`${this.path}: database schema version ${newest} is newer than this hypercas understands (${known}); upgrade hypercas`);
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  schemaVersion(): number {
    return (this.db.prepare('SELECT max(version) v FROM schema_migrations').get() as { v: number }).v;
  }

  recordSnapshot(input: SnapshotInput): SnapshotResult {
    const time = input.time ?? new Date().toISOString();
    const db = this.db;
    return db.transaction((): SnapshotResult => {
      const previous = this.latestSnapshot(input.cluster);
      const snap = Number(db.prepare('INSERT INTO snapshots (cluster, taken_at, source) VALUES (?, ?, ?)').run(input.cluster, time, redactInline(input.source)).lastInsertRowid);
      const current = new Map<string, { rowid: number; hash: string; status: string | null }>();
      const unreadable = new Set(input.unreadableKinds ?? []);
      for (const r of db.prepare('SELECT rowid, ci_id, kind, hash, status FROM ci_versions WHERE cluster = ? AND to_snap IS NULL').iterate(input.cluster) as Iterable<{ rowid: number; ci_id: string; kind: string; hash: string; status: string | null }>) {
        if (unreadable.has(r.kind)) continue; // not seen is not gone: we were not allowed to look
        current.set(r.ci_id, r);
      }
      const insConfig = db.prepare('INSERT OR IGNORE INTO configs (hash, body) VALUES (?, ?)');
      const getBody = db.prepare('SELECT body FROM configs WHERE hash = ?').pluck();
      const versions = new BatchInserter(db, 'INSERT INTO ci_versions (ci_id, cluster, kind, namespace, name, type, uid, hash, status, source, from_snap, first_seen, last_seen)', 13);
      const configs = new BatchInserter(db, 'INSERT OR IGNORE INTO configs (hash, body)', 2);
      const insVersion = { run: (r: Record<string, unknown>) => versions.add(r.ci_id, r.cluster, r.kind, r.namespace, r.name, r.type, r.uid, r.hash, r.status, r.source, r.from_snap, r.first_seen, r.last_seen) };
      const close = db.prepare('UPDATE ci_versions SET to_snap = ? WHERE rowid = ?');
      const touch = db.prepare('UPDATE ci_versions SET last_seen = ?, status = ? WHERE rowid = ?');
      const rehash = db.prepare('UPDATE ci_versions SET hash = ?, last_seen = ?, status = ? WHERE rowid = ?');
      const firstSeen = db.prepare('SELECT first_seen FROM ci_versions WHERE rowid = ?').pluck();
      const insChange = db.prepare('INSERT INTO changes (snapshot, ci_id, kind, time, changes) VALUES (?, ?, ?, ?, ?)');

      const changes: CiChange[] = [];
      const seen = new Set<string>();
      for (const ci of input.cis) {
        if (seen.has(ci.id)) continue;
        seen.add(ci.id);
        const status = ci.config.status === undefined ? null : JSON.stringify(ci.config.status);
        const prev = current.get(ci.id);
        if (prev && prev.hash === ci.hash) {
          touch.run(time, status, prev.rowid);
          continue;
        }
        const body = configTextOf.get(ci) ?? JSON.stringify(configOf(ci));
        if (prev) insConfig.run(ci.hash, body);
        else configs.add(ci.hash, body);
        const row = {
          ci_id: ci.id, cluster: ci.cluster, kind: ci.kind, namespace: ci.namespace, name: ci.name, type: ci.type, uid: ci.uid ?? null,
          hash: ci.hash, status, source: ci.source ? JSON.stringify(ci.source) : null, from_snap: snap, first_seen: time, last_seen: time,
        };
        if (!prev) {
          insVersion.run(row);
          changes.push({ ci: ci.id, kind: 'added', changes: [] });
          continue;
        }
        const oldBody = JSON.parse(getBody.get(prev.hash) as string) as unknown;
        const diff = diffValues(oldBody, JSON.parse(body));
        if (diff.length === 0) {
          // Same content, different serialisation: keep the version, adopt the new hash.
          rehash.run(ci.hash, time, status, prev.rowid);
          continue;
        }
        row.first_seen = firstSeen.get(prev.rowid) as string;
        close.run(snap, prev.rowid);
        insVersion.run(row);
        changes.push({ ci: ci.id, kind: 'modified', changes: diff });
      }
      versions.flush();
      configs.flush();
      for (const [id, prev] of current) {
        if (seen.has(id)) continue;
        close.run(snap, prev.rowid);
        changes.push({ ci: id, kind: 'removed', changes: [] });
      }
      // A cluster's first snapshot is its baseline: first_seen records it, no per-CI history rows.
      if (previous) for (const c of changes) insChange.run(snap, c.ci, c.kind, time, JSON.stringify(c.changes));

      // Declared relations: same interval scheme, keyed by (from, type, to, dangling).
      const curRel = new Map<string, { rowid: number; r: Relation }>();
      for (const row of db.prepare("SELECT rowid, * FROM relations WHERE cluster = ? AND source = 'declared' AND to_snap IS NULL").iterate(input.cluster) as Iterable<RelationRow & { rowid: number }>) {
        const r = rowToRelation(row);
        curRel.set(relationKey(r) + (r.dangling ? '!' : ''), { rowid: row.rowid, r });
      }
      const insRel = new BatchInserter(db, 'INSERT INTO relations (cluster, from_id, to_id, type, source, confidence, evidence, dangling, from_snap, updated_at)', 8, "(?, ?, ?, ?, 'declared', NULL, ?, ?, ?, ?)");
      const closeRel = db.prepare('UPDATE relations SET to_snap = ? WHERE rowid = ?');
      const relationsAdded: Relation[] = [];
      const relationsRemoved: Relation[] = [];
      const newKeys = new Set<string>();
      for (const r of input.relations) {
        const k = relationKey(r) + (r.dangling ? '!' : '');
        if (newKeys.has(k)) continue;
        newKeys.add(k);
        if (curRel.has(k)) continue;
        insRel.add(input.cluster, r.from, r.to, r.type, r.evidence ? JSON.stringify(r.evidence) : null, r.dangling ? 1 : 0, snap, time);
        relationsAdded.push(r);
      }
      insRel.flush();
      for (const [k, { rowid, r }] of curRel) {
        if (newKeys.has(k)) continue;
        closeRel.run(snap, rowid);
        relationsRemoved.push(r);
      }
      db.prepare('UPDATE snapshots SET ci_count = ?, relation_count = ? WHERE id = ?').run(seen.size, newKeys.size, snap);

      // Config changes are the first kind of event; the first snapshot of a cluster is a baseline, not a change.
      const events: HcEvent[] = previous
        ? changes.map((c) => ({
            id: `cfg-${snap}-${contentHash(c.ci).slice(0, 16)}`,
            type: 'config-change' as const,
            time,
            ci: c.ci,
            severity: 'info' as const,
            title: `${c.kind} ${c.ci}${c.changes.length ? ` (${c.changes.length} change${c.changes.length > 1 ? 's' : ''})` : ''}`,
            data: { snapshot: snap, previousSnapshot: previous.id, change: c.kind, changes: c.changes.slice(0, 50) },
          }))
        : [];
      if (events.length) this.addEvents(events);
      const snapshot = this.snapshotInfo(snap)!;
      return { snapshot, changes: previous ? changes : [], relationsAdded: previous ? relationsAdded : [], relationsRemoved, events };
    })();
  }

  private snapshotInfo(id: number): SnapshotInfo | undefined {
    const r = this.db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as
      | { id: number; cluster: string; taken_at: string; source: string; ci_count: number; relation_count: number }
      | undefined;
    return r && { id: r.id, cluster: r.cluster, takenAt: r.taken_at, source: r.source, ciCount: r.ci_count, relationCount: r.relation_count };
  }

  listSnapshots(cluster?: string): SnapshotInfo[] {
    const rows = (cluster
      ? this.db.prepare('SELECT id FROM snapshots WHERE cluster = ? ORDER BY id').all(cluster)
      : this.db.prepare('SELECT id FROM snapshots ORDER BY id').all()) as Array<{ id: number }>;
    return rows.map((r) => this.snapshotInfo(r.id)!);
  }

  latestSnapshot(cluster: string): SnapshotInfo | undefined {
    const r = this.db.prepare('SELECT max(id) id FROM snapshots WHERE cluster = ?').get(cluster) as { id: number | null };
    return r.id === null ? undefined : this.snapshotInfo(r.id);
  }

  listClusters(): string[] {
    return (this.db.prepare('SELECT DISTINCT cluster FROM snapshots ORDER BY cluster').pluck().all() as string[]);
  }

  private rowToCI(r: VersionRow): CI {
    const body = JSON.parse(r.body!) as Record<string, unknown>;
    const meta = (body.metadata ?? {}) as Record<string, unknown>;
    const config = r.status ? { ...body, status: JSON.parse(r.status) } : body;
    return {
      id: r.ci_id, cluster: r.cluster, kind: r.kind, type: r.type as CI['type'], namespace: r.namespace, name: r.name,
      apiVersion: typeof body.apiVersion === 'string' ? body.apiVersion : undefined,
      uid: r.uid ?? undefined,
      labels: (meta.labels as Record<string, string>) ?? {},
      annotations: (meta.annotations as Record<string, string>) ?? {},
      config, hash: r.hash,
      source: r.source ? JSON.parse(r.source) : undefined,
      firstSeen: r.first_seen, lastSeen: r.last_seen,
    };
  }

  /** Versions valid at `snapshot`, or the current ones. */
  private versionClause(snapshot: number | undefined, params: unknown[]): string {
    if (snapshot === undefined) return 'v.to_snap IS NULL';
    params.push(snapshot, snapshot);
    return 'v.from_snap <= ? AND (v.to_snap IS NULL OR v.to_snap > ?)';
  }

  getCI(id: CiId, snapshot?: number): CI | undefined {
    const params: unknown[] = [id];
    const where = this.versionClause(snapshot, params);
    const r = this.db.prepare(`SELECT v.*, c.body FROM ci_versions v JOIN configs c ON c.hash = v.hash WHERE v.ci_id = ? AND ${where} ORDER BY v.from_snap DESC LIMIT 1`).get(...params) as VersionRow | undefined;
    return r && this.rowToCI(r);
  }

  listCIs(q: CiQuery = {}): CI[] {
    const params: unknown[] = [];
    const conds = [this.versionClause(q.snapshot, params)];
    if (q.cluster) { conds.push('v.cluster = ?'); params.push(q.cluster); }
    if (q.kind) { conds.push('lower(v.kind) = lower(?)'); params.push(q.kind); }
    if (q.namespace !== undefined) { conds.push('v.namespace = ?'); params.push(q.namespace); }
    if (q.name) { conds.push("v.name LIKE '%' || ? || '%'"); params.push(q.name); }
    const limit = q.limit ? ` LIMIT ${Math.max(1, Math.floor(q.limit))}` : '';
    const rows = this.db.prepare(`SELECT v.*, c.body FROM ci_versions v JOIN configs c ON c.hash = v.hash WHERE ${conds.join(' AND ')} ORDER BY v.cluster, v.kind, v.namespace, v.name${limit}`).all(...params) as VersionRow[];
    return rows.map((r) => this.rowToCI(r));
  }

  relations(q: RelationQuery = {}): Relation[] {
    const params: unknown[] = [];
    const conds: string[] = [];
    if (q.snapshot !== undefined) {
      conds.push("(source = 'inferred' OR (from_snap <= ? AND (to_snap IS NULL OR to_snap > ?)))");
      params.push(q.snapshot, q.snapshot);
    } else conds.push('to_snap IS NULL');
    if (q.cluster) { conds.push('cluster = ?'); params.push(q.cluster); }
    if (q.source) { conds.push('source = ?'); params.push(q.source); }
    const base = conds.join(' AND ');
    if (!q.ci) {
      return (this.db.prepare(`SELECT * FROM relations WHERE ${base} ORDER BY from_id, type, to_id`).all(...params) as RelationRow[]).map(rowToRelation);
    }
    // Neighbourhood: breadth-first over both directions, each hop an indexed lookup.
    const depth = Math.max(1, q.depth ?? 1);
    const byFrom = this.db.prepare(`SELECT * FROM relations WHERE from_id = ? AND ${base}`);
    const byTo = this.db.prepare(`SELECT * FROM relations WHERE to_id = ? AND ${base}`);
    const out = new Map<string, Relation>();
    let frontier = new Set<string>([q.ci]);
    const visited = new Set<string>(frontier);
    for (let d = 0; d < depth && frontier.size; d++) {
      const next = new Set<string>();
      for (const id of frontier) {
        for (const row of [...(byFrom.all(id, ...params) as RelationRow[]), ...(byTo.all(id, ...params) as RelationRow[])]) {
          const r = rowToRelation(row);
          out.set(relationKey(r), r);
          for (const n of [r.from, r.to]) if (!visited.has(n)) { visited.add(n); next.add(n); }
        }
      }
      frontier = next;
    }
    return [...out.values()];
  }

  history(id: CiId): ChangeRecord[] {
    const rows = this.db.prepare('SELECT * FROM changes WHERE ci_id = ? ORDER BY snapshot').all(id) as Array<{ snapshot: number; ci_id: string; kind: string; time: string; changes: string }>;
    return rows.map((r) => ({ snapshot: r.snapshot, time: r.time, ci: r.ci_id, kind: r.kind as ChangeRecord['kind'], changes: JSON.parse(r.changes) }));
  }

  upsertInferredRelations(relations: Relation[]): void {
    // One inferred relation per CI pair: a newer analysis may find a direction (correlates-with →
    // connects-to) or the opposite one, and must replace what was inferred before.
    const del = this.db.prepare("DELETE FROM relations WHERE source = 'inferred' AND ((from_id = ? AND to_id = ?) OR (from_id = ? AND to_id = ?))");
    const ins = this.db.prepare(`INSERT INTO relations (cluster, from_id, to_id, type, source, confidence, evidence, dangling, from_snap, to_snap, updated_at)
      VALUES (?, ?, ?, ?, 'inferred', ?, ?, 0, NULL, NULL, ?)`);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const r of relations) {
        del.run(r.from, r.to, r.to, r.from);
        ins.run(parseCiId(r.from)?.cluster ?? '', r.from, r.to, r.type, r.confidence ?? null, r.evidence ? JSON.stringify(r.evidence) : null, now);
      }
    })();
  }

  addEvents(events: HcEvent[]): string[] {
    const findOpen = this.db.prepare('SELECT * FROM events WHERE dedup_key = ? ORDER BY time DESC LIMIT 1');
    const ins = this.db.prepare('INSERT OR REPLACE INTO events (id, type, time, end_time, ci, severity, title, dedup_key, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const upd = this.db.prepare('UPDATE events SET end_time = ?, severity = ?, title = ?, data = ? WHERE id = ?');
    const ids: string[] = [];
    this.db.transaction(() => {
      for (const raw of events) {
        // Last line of defence: a source URL with user:password@ or ?token= never reaches the file.
        const e = { ...raw, title: redactInline(raw.title), data: redactStrings(raw.data) };
        if (e.dedupKey) {
          const open = findOpen.get(e.dedupKey) as EventRow | undefined;
          const openEnd = open ? Date.parse(open.end_time ?? open.time) : NaN;
          if (open && Date.parse(e.time) - openEnd <= DEDUP_GAP_MS && Date.parse(e.end ?? e.time) >= Date.parse(open.time)) {
            const end = [open.end_time ?? open.time, e.end ?? e.time].sort().pop()!;
            const sev = SEVERITY_RANK[e.severity] > SEVERITY_RANK[open.severity as HcEvent['severity']] ? e.severity : open.severity;
            const prev = JSON.parse(open.data) as Record<string, unknown>;
            const data = { ...prev, ...e.data, occurrences: ((prev.occurrences as number | undefined) ?? 1) + 1 };
            upd.run(end, sev, e.title, JSON.stringify(data), open.id);
            ids.push(open.id);
            continue;
          }
        }
        ins.run(e.id, e.type, e.time, e.end ?? null, e.ci ?? null, e.severity, e.title, e.dedupKey ?? null, JSON.stringify(e.data));
        ids.push(e.id);
      }
    })();
    return ids;
  }

  listEvents(q: EventQuery = {}): HcEvent[] {
    const conds: string[] = ['1 = 1'];
    const params: unknown[] = [];
    if (q.type) { conds.push('type = ?'); params.push(q.type); }
    if (q.ci) { conds.push('ci = ?'); params.push(q.ci); }
    if (q.since) { conds.push('coalesce(end_time, time) >= ?'); params.push(q.since); }
    if (q.until) { conds.push('time <= ?'); params.push(q.until); }
    const limit = q.limit ? ` LIMIT ${Math.max(1, Math.floor(q.limit))}` : '';
    const rows = this.db.prepare(`SELECT * FROM events WHERE ${conds.join(' AND ')} ORDER BY time${limit}`).all(...params) as EventRow[];
    return rows.map((r) => ({
      id: r.id, type: r.type as HcEvent['type'], time: r.time, end: r.end_time ?? undefined, ci: r.ci ?? undefined,
      severity: r.severity as HcEvent['severity'], title: r.title, dedupKey: r.dedup_key ?? undefined, data: JSON.parse(r.data),
    }));
  }

  loadTemplates(scope: string): StoredTemplate[] {
    const rows = this.db.prepare('SELECT * FROM log_templates WHERE scope = ? ORDER BY count DESC').all(scope) as Array<{ scope: string; id: string; template: string; count: number; first_seen: string | null; last_seen: string | null }>;
    return rows.map((r) => ({ scope: r.scope, id: r.id, template: r.template, count: r.count, firstSeen: r.first_seen ?? undefined, lastSeen: r.last_seen ?? undefined }));
  }

  saveTemplates(templates: StoredTemplate[]): void {
    const up = this.db.prepare(`INSERT INTO log_templates (scope, id, template, count, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (scope, id) DO UPDATE SET template = excluded.template, count = excluded.count,
        first_seen = coalesce(log_templates.first_seen, excluded.first_seen), last_seen = coalesce(excluded.last_seen, log_templates.last_seen)`);
    this.db.transaction(() => {
      for (const t of templates) up.run(t.scope, t.id, t.template, t.count, t.firstSeen ?? null, t.lastSeen ?? null);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface EventRow {
  id: string; type: string; time: string; end_time: string | null; ci: string | null; severity: string; title: string; dedup_key: string | null; data: string;
}

function rowToRelation(row: RelationRow): Relation {
  const r: Relation = { from: row.from_id, to: row.to_id, type: row.type as Relation['type'], source: row.source as Relation['source'] };
  if (row.confidence !== null) r.confidence = row.confidence;
  if (row.evidence) r.evidence = JSON.parse(row.evidence);
  if (row.dangling) r.dangling = true;
  return r;
}
