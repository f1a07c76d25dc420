// Cost bounds on never-repeating input (work per line must not grow with the templates known).
import { describe, it, expect } from 'vitest';
import { TemplateMiner } from './miner.js';

function words(n: number, seed: number): string[] {
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    for (let k = 0; k < 7; k++) w += String.fromCharCode(97 + ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) >>> 16) % 26);
    out.push(w);
  }
  return out;
}

describe('TemplateMiner on never-repeating lines', () => {
  it('merges on its own as new shapes pile up, so ever-new values in a known column stop making shapes', () => {
    const m = new TemplateMiner();
    for (const w of words(30_000, 1)) m.add(`connection ${w} closed by peer`);
    // No merge() called: the miner merged by itself after a few thousand new shapes and then
    // absorbed the rest into `connection <*> closed by peer`.
    expect(m.stats().shapes).toBeLessThan(5000);
    m.merge();
    expect(m.list()).toEqual([expect.objectContaining({ template: 'connection <*> closed by peer', count: 30_000 })]);
  });

  it('match() finds a line\'s template among thousands of templates of its length (indexed by first token)', () => {
    const m = new TemplateMiner();
    // 3000 templates of six tokens, each with its own first (and last) word and a variable column.
    const heads = words(3000, 2);
    for (const h of heads) for (const v of ['alpha', 'beta', 'gamma', 'delta']) m.add(`${h} request for ${v} in ${h}`);
    m.merge();
    expect(m.stats().templates).toBe(3000);
    // The last template is beyond the first 2,000 of its length: a scan of the first 2,000 misses it.
    const last = heads[heads.length - 1];
    expect(m.templateOf(m.match(`${last} request for epsilon in ${last}`))).toBe(`${last} request for <*> in ${last}`);
    expect(m.templateOf(m.match('zzzzzzz request for epsilon in zzzzzzz'))).toBe('<*>');
  });
});
