// Start-up cost guard: `--version`, `--help` and light commands must not load the heavy parts of the
// library (the 155-module check registry, the Kubernetes client, the knowledge base, zod/CEL).
// Each probed module records its first import through vi.mock, so this checks the module graph,
// not the clock. `rules list` and `scan` are the controls showing the probes do fire.
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const loaded = vi.hoisted(() => new Set<string>());

vi.mock('../detect/registry.js', async (orig) => (loaded.add('check registry'), orig()));
vi.mock('../detect/user-rules.js', async (orig) => (loaded.add('user rules (CEL)'), orig()));
vi.mock('../collect/kubernetes/index.js', async (orig) => (loaded.add('kubernetes collector'), orig()));
vi.mock('@kubernetes/client-node', async (orig) => (loaded.add('@kubernetes/client-node'), orig()));
vi.mock('../knowledge/kb.js', async (orig) => (loaded.add('knowledge base'), orig()));
vi.mock('../analyze/logs/session.js', async (orig) => (loaded.add('log miner'), orig()));
vi.mock('zod', async (orig) => (loaded.add('zod'), orig()));

const { main } = await import('./main.js');

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(['node', 'hypercas', ...args], { out: (s) => void (out += s), err: () => {}, isTTY: false, stdin: Readable.from([]) });
  return { code, out };
}

/** Modules loaded by the runs so far (the set only grows: vitest keeps one module graph per file). */
const heavy = () => [...loaded].sort();

describe('CLI start-up loads only what the command needs', () => {
  beforeEach(() => expect(heavy(), 'a previous test loaded heavy modules; keep the light runs first').toEqual([]));

  it('--version, --help and every command\'s --help load none of the heavy modules', async () => {
    expect((await run('--version')).out).toMatch(/^\d+\.\d+\.\d+/);
    expect((await run('--help')).out).toMatch(/scan/);
    for (const c of ['collect', 'ci', 'graph', 'diff', 'snapshots', 'events', 'kb', 'diagnose', 'anomaly', 'correlate', 'scan', 'rules', 'logs']) {
      expect((await run(c, '--help')).out, c).toMatch(/^Usage: hypercas /);
    }
    expect(heavy()).toEqual([]);
  });

  it('light commands (anomaly --scores, ci list, graph, snapshots) load none of them either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-startup-'));
    const csv = join(dir, 's.csv');
    writeFileSync(csv, 'timestamp,value\n' + Array.from({ length: 50 }, (_, i) => `${1_700_000_000 + i * 60},${10 + (i % 5)}`).join('\n') + '\n');
    const a = await run('anomaly', csv, '--scores');
    expect(a.code).toBe(0);
    expect(a.out.trim().split('\n')).toHaveLength(50);
    const db = join(dir, 'c.db');
    expect((await run('--db', db, 'ci', 'list')).out).toMatch(/no CIs/);
    expect((await run('--db', db, 'graph')).code).toBe(0);
    expect((await run('--db', db, 'snapshots')).out).toMatch(/no snapshots/);
    expect(heavy()).toEqual([]);
  });

  // Controls: the probes fire when a command does need the module (so the tests above can fail).
  it('scan loads the check registry but not the Kubernetes client or user-rule machinery for file input', async () => {
    const ex = fileURLToPath(new URL('../../examples/middleware/oss/broken/05-networkpolicy-blocks-db', import.meta.url));
    loaded.clear();
    const s = await run('--db', ':memory:', 'scan', '-f', ex);
    expect(s.out).toMatch(/critical|warning/);
    expect(heavy()).toEqual(['check registry']);
    expect((await run('rules', 'list')).out).toMatch(/\d+ checks/);
  });
});
