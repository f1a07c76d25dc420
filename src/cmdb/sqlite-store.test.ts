import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadStack } from '../collect/middleware/load.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from './sqlite-store.js';
import { buildInventory } from './build-inventory.js';
import type { KubeObject } from '../model/kube.js';
import type { HcEvent } from '../model/event.js';

const deploy = (labels: Record<string, string>, image = 'web:1'): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'app' },
  spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image }] } } },
});
const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'app' }, spec: { selector: { app: 'web' } } };
const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'app' }, data: { password: 'aHVudGVyMg==' } };

function snap(store: SqliteStore, objs: KubeObject[], time: string, unreadableKinds?: string[]) {
  const inv = buildInventory(objs.map((obj) => ({ obj })), { cluster: 'c', live: false });
  return store.recordSnapshot({ cluster: 'c', source: 'test', cis: inv.items.map((i) => i.ci), relations: inv.relations, time, unreadableKinds });
}

describe('SqliteStore snapshots', () => {
  it('first snapshot is a baseline; the next one stores JSON-path changes, broken relations and config-change events', () => {
    const store = new SqliteStore(':memory:');
    const s1 = snap(store, [deploy({ app: 'web' }), svc, secret], '2026-01-01T00:00:00Z');
    expect(s1.snapshot.ciCount).toBe(3);
    expect(s1.changes).toEqual([]);
    expect(s1.events).toEqual([]);
    const s2 = snap(store, [deploy({ app: 'web-v2' }, 'web:2'), svc], '2026-01-02T00:00:00Z');
    const mod = s2.changes.find((c) => c.ci === 'c/Deployment/app/web')!;
    expect(mod.kind).toBe('modified');
    expect(mod.changes).toContainEqual({ path: '$.spec.template.spec.containers[?(@.name=="web")].image', op: 'replace', old: 'web:1', new: 'web:2' });
    expect(mod.changes).toContainEqual({ path: '$.spec.selector.matchLabels.app', op: 'replace', old: 'web', new: 'web-v2' });
    expect(s2.changes.find((c) => c.ci === 'c/Secret/app/s')?.kind).toBe('removed');
    expect(s2.relationsRemoved.map((r) => `${r.from} ${r.type} ${r.to}`)).toContain('c/Service/app/web selects c/Deployment/app/web');
    expect(s2.events.map((e) => e.type)).toEqual(['config-change', 'config-change']);
    expect(store.listEvents({ type: 'config-change' })).toHaveLength(2);

    // Past snapshots read back as they were.
    expect(store.getCI('c/Deployment/app/web', s1.snapshot.id)?.labels).toEqual({});
    expect((store.getCI('c/Deployment/app/web', s1.snapshot.id)?.config as any).spec.template.spec.containers[0].image).toBe('web:1');
    expect((store.getCI('c/Deployment/app/web')?.config as any).spec.template.spec.containers[0].image).toBe('web:2');
    expect(store.listCIs({ snapshot: s1.snapshot.id }).map((c) => c.id)).toContain('c/Secret/app/s');
    expect(store.listCIs().map((c) => c.id)).not.toContain('c/Secret/app/s');
    expect(store.relations({ snapshot: s1.snapshot.id }).length).toBe(1);
    expect(store.relations().length).toBe(0);
    expect(store.history('c/Deployment/app/web').map((h) => h.kind)).toEqual(['modified']);
    expect(store.getCI('c/Deployment/app/web')?.firstSeen).toBe('2026-01-01T00:00:00Z');
  });

  it('an unchanged snapshot changes nothing; unreadable kinds are carried over, not removed', () => {
    const store = new SqliteStore(':memory:');
    snap(store, [deploy({ app: 'web' }), svc, secret], '2026-01-01T00:00:00Z');
    expect(snap(store, [deploy({ app: 'web' }), svc, secret], '2026-01-02T00:00:00Z').changes).toEqual([]);
    const s3 = snap(store, [deploy({ app: 'web' }), svc], '2026-01-03T00:00:00Z', ['Secret']);
    expect(s3.changes).toEqual([]);
    expect(store.getCI('c/Secret/app/s')).toBeDefined();
  });

  it('never stores secret values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-'));
    const path = join(dir, 'x.db');
    const store = new SqliteStore(path);
    snap(store, [secret], '2026-01-01T00:00:00Z');
    store.close();
    const raw = new Database(path);
    const dump = JSON.stringify(raw.prepare('SELECT body FROM configs').all());
    raw.close();
    expect(dump).toMatch(/password/);
    expect(dump).not.toMatch(/aHVudGVyMg/);
  });

  it('never stores planted secrets anywhere in the database file: Secrets, env, args, annotations, config files, relation evidence, change events', () => {
    // Fixture: every place a secret can hide, each value CANARY-s3cr3t-<where>; version 2 changes only the secrets.
    const fx = fileURLToPath(new URL('../collect/middleware/__fixtures__/canary/', import.meta.url));
    const oss = fileURLToPath(new URL('../../examples/middleware/oss/healthy/', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'hc-'));
    const v2 = join(dir, 'v2');
    cpSync(fx, v2, { recursive: true });
    for (const f of readdirSync(v2)) writeFileSync(join(v2, f), readFileSync(join(v2, f), 'utf8').replaceAll('CANARY-s3cr3t-', 'CANARY-s3cr3t-v2-').replace('Q0FOQVJZLXMzY3IzdC1iNjRkYXRh', 'Q0FOQVJZLXMzY3IzdC12Mi1iNjQ='));
    const path = join(dir, 'x.db');
    const store = new SqliteStore(path);
    const changes = [fx, v2].map((p, i) => {
      const { inv, problems } = loadStack([p, oss]);
      expect(problems).toEqual([]);
      expect(inv.relations.find((r) => r.from === 'local/App.spring/shop-oss/worker' && r.type === 'connects-to')?.evidence).toMatchObject({ 'jdbc-url': expect.stringMatching(/^jdbc:postgresql:\/\/postgres\.shop-oss/) });
      return store.recordSnapshot({ cluster: 'local', source: 'test', cis: inv.items.map((x) => x.ci), relations: inv.relations, time: `2026-01-0${i + 1}T00:00:00Z` }).changes;
    })[1];
    store.close();
    // The secret change is still visible (as a hash change) ...
    expect(changes.map((c) => c.ci)).toEqual(expect.arrayContaining(['local/Secret/shop-oss/shop-db', 'local/ConfigMap/shop-oss/worker-config', 'local/Deployment/shop-oss/worker']));
    // ... but no planted value (plain or base64) is anywhere in the file bytes.
    const bytes = readdirSync(dir).filter((f) => f.startsWith('x.db')).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
    expect(bytes).toContain('shop-db');
    expect(bytes).not.toMatch(/CANARY-s3cr3t|Q0FOQVJZLXMzY3IzdC/);
  });

  it('neighbourhood queries follow relations both ways to the requested depth', () => {
    const store = new SqliteStore(':memory:');
    const hpa: KubeObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'app' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } } };
    snap(store, [deploy({ app: 'web' }), svc, hpa], '2026-01-01T00:00:00Z');
    expect(store.relations({ ci: 'c/Service/app/web', depth: 1 })).toHaveLength(1);
    expect(store.relations({ ci: 'c/Service/app/web', depth: 2 })).toHaveLength(2);
  });
});

describe('SqliteStore events, inferred relations, templates, migrations', () => {
  const ev = (time: string, end: string, extra: Partial<HcEvent> = {}): HcEvent => ({
    id: `e-${time}`, type: 'metric-anomaly', time, end, ci: 'c/Deployment/app/web', severity: 'warning', title: 'cpu high', dedupKey: 'web/cpu', data: { peak: 0.9 }, ...extra,
  });

  it('events and snapshot sources never store credentials embedded in URLs, query strings or headers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-'));
    const store = new SqliteStore(join(dir, 'x.db'));
    store.addEvents([ev('2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', {
      title: 'up anomaly from http://u:CANARY-s3cr3t-title@prom:9090/',
      data: { source: 'http://u:CANARY-s3cr3t-src@prom:9090/?token=CANARY-s3cr3t-q', nested: [{ h: 'Authorization: Bearer CANARY-s3cr3t-hdr' }], peak: 1 },
    })]);
    store.recordSnapshot({ cluster: 'c', source: 'https://admin:CANARY-s3cr3t-snap@k8s:6443', cis: [], relations: [], time: '2026-01-01T00:00:00Z' });
    const back = store.listEvents()[0];
    store.close();
    expect(back.data).toMatchObject({ source: expect.stringMatching(/^http:\/\/u:sha256:[0-9a-f]{16}@prom:9090\/\?token=sha256:/), peak: 1 });
    const bytes = readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
    expect(bytes).toContain('prom:9090');
    expect(bytes).not.toMatch(/CANARY-s3cr3t/);
  });

  it('continuing anomalies extend one event; a later one starts a new event', () => {
    const store = new SqliteStore(':memory:');
    store.addEvents([ev('2026-01-01T00:00:00Z', '2026-01-01T00:10:00Z')]);
    const ids = store.addEvents([ev('2026-01-01T00:20:00Z', '2026-01-01T00:30:00Z', { severity: 'critical' })]);
    expect(ids).toEqual(['e-2026-01-01T00:00:00Z']);
    let all = store.listEvents();
    expect(all).toHaveLength(1);
    expect(all[0].end).toBe('2026-01-01T00:30:00Z');
    expect(all[0].severity).toBe('critical');
    expect(all[0].data.occurrences).toBe(2);
    store.addEvents([ev('2026-01-01T05:00:00Z', '2026-01-01T05:10:00Z')]);
    all = store.listEvents();
    expect(all).toHaveLength(2);
    expect(store.listEvents({ since: '2026-01-01T04:00:00Z' })).toHaveLength(1);
  });

  it('inferred relations replace earlier ones of the same key', () => {
    const store = new SqliteStore(':memory:');
    const r = { from: 'c/Deployment/a/x', to: 'c/Deployment/a/y', type: 'connects-to' as const, source: 'inferred' as const, confidence: 0.5 };
    store.upsertInferredRelations([r]);
    store.upsertInferredRelations([{ ...r, confidence: 0.8, evidence: { lag_seconds: 60 } }]);
    const got = store.relations({ source: 'inferred' });
    expect(got).toEqual([{ ...r, confidence: 0.8, evidence: { lag_seconds: 60 } }]);
    // A later analysis that finds the pair undirected (or the other way round) replaces it.
    store.upsertInferredRelations([{ from: r.to, to: r.from, type: 'correlates-with', source: 'inferred', confidence: 0.6 }]);
    expect(store.relations({ source: 'inferred' })).toEqual([{ from: r.to, to: r.from, type: 'correlates-with', source: 'inferred', confidence: 0.6 }]);
  });

  it('templates persist by scope and id', () => {
    const store = new SqliteStore(':memory:');
    store.saveTemplates([{ scope: 's', id: 't1', template: 'a <*>', count: 2 }]);
    store.saveTemplates([{ scope: 's', id: 't1', template: 'a <*>', count: 5, lastSeen: '2026-01-01T00:00:00Z' }]);
    expect(store.loadTemplates('s')).toEqual([{ scope: 's', id: 't1', template: 'a <*>', count: 5, firstSeen: undefined, lastSeen: '2026-01-01T00:00:00Z' }]);
    expect(store.loadTemplates('other')).toEqual([]);
  });

  it('applies migrations once, uses WAL on files, and refuses a newer schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-'));
    const path = join(dir, 'm.db');
    const a = new SqliteStore(path);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const v = a.schemaVersion();
    a.close();
    const b = new SqliteStore(path);
    expect(b.schemaVersion()).toBe(v);
    b.db.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run('future', 'now');
    b.close();
    expect(() => new SqliteStore(path)).toThrow(/newer than this hypercas understands/);
  });
});
