// Candidate pairs without looking at all N² of them (the road to 100,000 series):
//  - namespace: every pair inside one namespace (most calls stay inside an application);
//  - SimHash LSH: random ±1 projections of each whitened series (at a coarse block size, so small lags
//    still line up) give a bit signature whose Hamming distance tracks the angle between series;
//    series that agree on all bits of any band land in the same bucket and become candidates.
// Candidates then go through the exact lag scan; pairs never proposed count as tested with p = 1.
import { parseCiId } from '../../model/ci.js';
import { mulberry32 } from '../random.js';

export interface LshOptions {
  bands?: number;
  bitsPerBand?: number;
  /** Block size of the coarse series that is hashed. Default 4. */
  block?: number;
  seed?: number;
  /** Buckets larger than this are skipped (they would be mostly noise). Default 200. */
  maxBucket?: number;
}

/** Pair key for i < j. */
export const pairKey = (i: number, j: number): number => (i < j ? i * 0x200000 + j : j * 0x200000 + i);
export const pairOf = (k: number): [number, number] => [Math.floor(k / 0x200000), k % 0x200000];

export function namespacePairs(cis: string[], into: Set<number> = new Set()): Set<number> {
  const byNs = new Map<string, number[]>();
  cis.forEach((ci, i) => {
    const p = parseCiId(ci);
    const ns = p ? `${p.cluster}/${p.namespace}` : '';
    let a = byNs.get(ns);
    if (!a) byNs.set(ns, (a = []));
    a.push(i);
  });
  for (const a of byNs.values()) for (let x = 0; x < a.length; x++) for (let y = x + 1; y < a.length; y++) into.add(pairKey(a[x], a[y]));
  return into;
}

export function lshPairs(z: Float64Array[], T: number, opts: LshOptions = {}, into: Set<number> = new Set()): Set<number> {
  const bands = opts.bands ?? 32;
  // Enough bits that chance collisions stay near 5 per series: bands·N²/2·2^−bits ≲ 5N.
  const bits = opts.bitsPerBand ?? Math.min(30, Math.max(12, Math.ceil(Math.log2((bands * z.length) / 10))));
  const b = opts.block ?? 4;
  const maxBucket = opts.maxBucket ?? 200;
  const len = Math.floor(T / b);
  const P = bands * bits;
  const rand = mulberry32(opts.seed ?? 1);
  // Projection matrix len × P of ±1; column-major per time step so the inner loop is contiguous.
  const R = new Float64Array(len * P);
  for (let k = 0; k < R.length; k++) R[k] = rand() < 0.5 ? -1 : 1;
  const N = z.length;
  const sig = new Uint8Array(N * P);
  const coarse = new Float64Array(len);
  const acc = new Float64Array(P);
  for (let i = 0; i < N; i++) {
    const src = z[i];
    for (let k = 0; k < len; k++) {
      let s = 0;
      for (let t = k * b; t < k * b + b; t++) s += src[t];
      coarse[k] = s;
    }
    acc.fill(0);
    for (let k = 0; k < len; k++) {
      const v = coarse[k];
      if (v === 0) continue;
      const o = k * P;
      for (let q = 0; q < P; q++) acc[q] += v * R[o + q];
    }
    for (let q = 0; q < P; q++) sig[i * P + q] = acc[q] > 0 ? 1 : 0;
  }
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < N; i++) {
      let h = 0;
      for (let q = 0; q < bits; q++) h = h * 2 + sig[i * P + band * bits + q];
      let a = buckets.get(h);
      if (!a) buckets.set(h, (a = []));
      a.push(i);
    }
    for (const a of buckets.values()) {
      if (a.length < 2 || a.length > maxBucket) continue;
      for (let x = 0; x < a.length; x++) for (let y = x + 1; y < a.length; y++) into.add(pairKey(a[x], a[y]));
    }
  }
  return into;
}
