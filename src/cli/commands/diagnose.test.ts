import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { main } from '../main.js';
import { SAMPLES } from '../../collect/middleware/__fixtures__/samples.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'hypercas', '--db', ':memory:', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, stdin: process.stdin });
  return { code, out, err };
}

describe('hypercas diagnose / kb', () => {
  it('diagnose prints the chain of evidence ending in the diff', async () => {
    const r = await run('diagnose', 'http-5xx', '-f', join(SAMPLES, 'tmax/broken/02-registration-id-mismatch'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('1. ✗ Web → WAS linkage');
    expect(r.out).toContain('Root cause [WJ-REGID]');
    expect(r.out).toContain('+                        <registration-id>shopsvr</registration-id>');
  });

  it('diagnose -o json gives the structured diagnosis', async () => {
    const r = await run('-o', 'json', 'diagnose', 'http-5xx', '-f', join(SAMPLES, 'oss/broken/04-postgres-memory-over-limit'));
    const d = JSON.parse(r.out);
    expect(d.conclusion.rule).toBe('DB-MEM-LIMIT');
    expect(d.steps.at(-1).findings[0].patch.type).toBe('diff');
  });

  it('lists playbooks and rejects an unknown symptom with one line', async () => {
    expect((await run('diagnose')).out).toContain('pod-not-ready');
    const r = await run('diagnose', 'nope', '-f', SAMPLES);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^hypercas: unknown symptom "nope"/);
  });

  it('kb show and kb search', async () => {
    const s = await run('kb', 'show', 'TBR-2131');
    expect(s.out).toContain('likely causes:');
    expect(s.out).toContain('[checks: JT-PORT, TB-TBDSN, JT-SVCPORT]');
    const q = await run('kb', 'search', 'upstream timed out (110: Connection timed out)');
    expect(q.out).toContain('NGINX-110-TIMEOUT');
    expect((await run('kb', 'show', 'NOPE-1')).code).toBe(2);
  });
});
