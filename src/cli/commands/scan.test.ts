import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../main.js';

const fx = (f: string) => fileURLToPath(new URL(`./__fixtures__/scan/${f}`, import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'hypercas', '--db', ':memory:', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, stdin: Readable.from(['']) });
  return { code, out, err };
}

describe('hypercas scan', () => {
  it('prints the table with the fix and exits 0 without --fail-on', async () => {
    const r = await run(['scan', '-f', fx('app.yaml')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^CRITICAL \(1\)\n  service-selector-no-match  shop\/Service\/api  .*app\.yaml:42\n/);
    expect(r.out).toMatch(/fix: /);
    expect(r.out).toMatch(/1 critical, 0 warning, \d+ info · checks: \d+ ran, \d+ skipped, 0 failed · score: shop 90\n$/);
  });
  it('--fail-on critical exits 1; --fail-on with only lower findings exits 0', async () => {
    expect((await run(['scan', '-f', fx('app.yaml'), '--fail-on', 'critical'])).code).toBe(1);
    expect((await run(['scan', '-f', fx('app.yaml'), '--fail-on', 'critical', '--config', fx('config.yaml')])).code).toBe(0);
  });
  it('bad input: reports file:line, scans the rest, exits 3; nothing usable exits 2', async () => {
    const r = await run(['scan', '-f', fx('app.yaml'), '-f', fx('broken.yaml')]);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/INPUT PROBLEMS \(1\)\n  .*broken\.yaml:6: /);
    const none = await run(['scan', '-f', join(tmpdir(), 'does-not-exist.yaml')]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no Kubernetes objects found/);
  });
  it('writes JSON, SARIF, JUnit and HTML reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-scan-'));
    for (const fmt of ['json', 'sarif', 'junit', 'html']) {
      const out = join(dir, `r.${fmt}`);
      const r = await run(['scan', '-f', fx('app.yaml'), '--format', fmt, '--out', out]);
      expect(r.code).toBe(0);
      const text = readFileSync(out, 'utf8');
      if (fmt === 'json') expect(JSON.parse(text).schemaVersion).toBe('1');
      if (fmt === 'sarif') expect(JSON.parse(text).runs[0].results.filter((x: { level: string }) => x.level === 'error').map((x: { ruleId: string }) => x.ruleId)).toEqual(['service-selector-no-match']);
      if (fmt === 'junit') expect(text).toMatch(/<testsuites name="hypercas scan"/);
      if (fmt === 'html') expect(text).toMatch(/^<!doctype html>/);
    }
  });
  it('loads user rules; a bad rule is reported with file:line and the scan continues (exit 3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-rules-'));
    writeFileSync(join(dir, 'r.yaml'), 'id: needs-team\ntitle: team label\nseverity: warning\nmatch: {kinds: [Deployment]}\nexpression: "has(object.metadata.labels) && \'team\' in object.metadata.labels"\nmessage: "{name} has no team label"\nfix: add it\n---\nid: bad\ntitle: bad\nseverity: info\nmatch: {kinds: [Service]}\nexpression: "object.spec.ports.all(p, p.port >"\nmessage: m\nfix: f\n');
    const r = await run(['scan', '-f', fx('app.yaml'), '--rules', dir, '--format', 'json']);
    expect(r.code).toBe(3);
    const j = JSON.parse(r.out);
    expect(j.findings.map((f: { checkId: string }) => f.checkId)).toContain('needs-team');
    expect(j.problems[0]).toMatchObject({ file: join(dir, 'r.yaml'), line: 13 });
  });
  it('--previous: reports a relation the change broke', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-prev-'));
    const good = readFileSync(fx('app.yaml'), 'utf8').replace('selector: {app: api-server}', 'selector: {app: api}');
    writeFileSync(join(dir, 'before.yaml'), good);
    writeFileSync(join(dir, 'after.yaml'), good.replace(/app: api\b/g, 'app: api-v2').replace('selector: {app: api-v2}', 'selector: {app: api}'));
    const r = await run(['scan', '-f', join(dir, 'after.yaml'), '--previous', join(dir, 'before.yaml'), '--format', 'json', '--only', 'change-detaches-relation']);
    const j = JSON.parse(r.out);
    expect(j.findings.map((f: { message: string }) => f.message)).toEqual([expect.stringMatching(/^Service api → Deployment api \(selects\) held in the previous snapshot and is broken now; changed: Deployment api$/)]);
  });
  it('rules list and explain (by alias)', async () => {
    const l = await run(['rules', 'list']);
    expect(l.out).toMatch(/service-selector-no-match\s+critical\s+relations\s+kind:Pod\s+K8S-SELECTOR/);
    const e = await run(['rules', 'explain', 'K8S-NETPOL']);
    expect(e.out).toMatch(/^networkpolicy-blocks-service — /);
    expect(e.out).toMatch(/How to fix/);
    expect((await run(['rules', 'explain', 'nope'])).code).toBe(2);
  });
});
