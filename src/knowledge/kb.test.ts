import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadKnowledgeBase, matchLine, findKbEntry, searchKb, requiredKeyword } from './kb.js';
import { linkageChecks } from '../detect/rules/linkage/index.js';

describe('knowledge base', () => {
  const kb = loadKnowledgeBase();
  it('built-in packs load without problems and cover every product', () => {
    expect(kb.problems).toEqual([]);
    expect(new Set(kb.entries.map((e) => e.product))).toEqual(new Set(['tibero', 'jeus', 'webtob', 'nginx', 'tomcat', 'jdbc', 'postgresql', 'mysql', 'java', 'kubernetes']));
    expect(kb.entries.length).toBeGreaterThan(40);
  });

  it('entries name checks that exist (linkage ids/aliases or K8S-* of the kubernetes packs)', () => {
    const known = new Set(linkageChecks.flatMap((c) => [c.meta.id, ...(c.meta.aliases ?? [])]));
    for (const e of kb.entries) for (const c of e.causes) for (const id of c.checks) expect(known.has(id) || /^K8S-|^AD-POOL-THREADS$/.test(id), `${e.id} → ${id}`).toBe(true);
  });

  it('matches codes and messages in log lines', () => {
    expect(matchLine('2026-11-22 ERROR [ds_shop] TBR-2131: Generic I/O error')).toEqual([{ code: 'TBR-2131', entryId: 'TBR-2131' }]);
    expect(matchLine('2026/11/22 10:00:01 [error] 7#7: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1').map((m) => m.entryId)).toEqual(['NGINX-111-REFUSED']);
    expect(matchLine('org.postgresql.util.PSQLException: FATAL: sorry, too many clients already').map((m) => m.entryId)).toEqual(['PG-53300']);
    expect(matchLine('HikariPool-1 - Connection is not available, request timed out after 30000ms.').map((m) => m.entryId)).toContain('HIKARI-NOT-AVAILABLE');
    expect(matchLine('Warning  BackOff  pod/x  Back-off restarting failed container')).toEqual([{ code: 'BackOff', entryId: 'K8S-CRASHLOOP' }]);
    expect(matchLine('reason: OOMKilled')).toEqual([{ code: 'OOMKilled', entryId: 'K8S-OOMKILLED' }]);
    expect(matchLine('nothing to see here')).toEqual([]);
    expect(matchLine('XTBR-2131')).toEqual([]);
  });

  it('derives a prefilter keyword only when one word is required', () => {
    expect(requiredKeyword('host not found in upstream')).toBe('upstream');
    expect(requiredKeyword('a|b')).toBeUndefined();
    expect(requiredKeyword('the database system is (in recovery mode|starting up)')).toBe('database');
    expect(requiredKeyword('(data ?source|pool).*failed')).toBe('failed');
    expect(requiredKeyword('Failed to (start|init) (end ?point|connector).*Ports?')).toBe('failed');
  });

  it('finds entries by code and searches text', () => {
    expect(findKbEntry(kb, 'tbr-2131')!.title).toMatch(/listener/);
    expect(findKbEntry(kb, 'SQLSTATE 53300')!.id).toBe('PG-53300');
    expect(searchKb(kb, 'too many clients').map((e) => e.id)).toContain('PG-53300');
  });

  it('user packs add and override entries; a bad entry is named by file:line and the rest loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'mine.yaml'), 'pack: mine\nproduct: shopapp\nentries:\n  - id: SHOP-42\n    codes: [SHOP-42]\n    title: Cart lost\n    meaning: The cart service lost its session.\n  - id: BAD\n    title: no codes\n    meaning: x\n  - id: TBR-2131\n    codes: [TBR-2131]\n    title: Our own text\n    meaning: overridden\n');
    const k = loadKnowledgeBase([dir]);
    expect(k.problems).toHaveLength(1);
    expect(k.problems[0]).toMatchObject({ file: join(dir, 'mine.yaml'), line: 8 });
    expect(k.matchLine('E SHOP-42 happened')).toEqual([{ code: 'SHOP-42', entryId: 'SHOP-42' }]);
    expect(findKbEntry(k, 'TBR-2131')!.title).toBe('Our own text');
  });
});
