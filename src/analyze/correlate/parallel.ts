// Worker-thread plumbing shared by the screen and the lag scan: whether the compiled worker exists
// (not when running from TypeScript sources under vitest), whitened series in shared memory, and
// the parallel lag scan itself.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { refinePair, type PairStat, type RefineOptions } from './refine.js';
import type { Whitened } from './whiten.js';

export function workerUrl(name: string): URL | undefined {
  const url = new URL(`./${name}.js`, import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

export function threadCount(requested: number | undefined): number {
  return Math.max(1, requested ?? availableParallelism());
}

export interface PackedWhitened {
  N: number;
  T: number;
  K: number;
  z: SharedArrayBuffer;
  valid: SharedArrayBuffer;
  /** per series: nValid, hasGaps, first, last, degenerate, acf[K] */
  meta: SharedArrayBuffer;
}

export function packWhitened(W: Whitened[]): PackedWhitened {
  const N = W.length;
  const T = N ? W[0].z.length : 0;
  const K = N ? W[0].acf.length : 0;
  const z = new SharedArrayBuffer(N * T * 8);
  const valid = new SharedArrayBuffer(N * T);
  const meta = new SharedArrayBuffer(N * (5 + K) * 8);
  const zv = new Float64Array(z);
  const vv = new Uint8Array(valid);
  const mv = new Float64Array(meta);
  W.forEach((w, i) => {
    zv.set(w.z, i * T);
    vv.set(w.valid, i * T);
    mv.set([w.nValid, w.hasGaps ? 1 : 0, w.first, w.last, w.degenerate ? 1 : 0], i * (5 + K));
    mv.set(w.acf, i * (5 + K) + 5);
  });
  return { N, T, K, z, valid, meta };
}

export function unpackWhitened(p: PackedWhitened): Whitened[] {
  const zv = new Float64Array(p.z);
  const vv = new Uint8Array(p.valid);
  const mv = new Float64Array(p.meta);
  const out: Whitened[] = [];
  for (let i = 0; i < p.N; i++) {
    const o = i * (5 + p.K);
    out.push({
      z: zv.subarray(i * p.T, (i + 1) * p.T),
      valid: vv.subarray(i * p.T, (i + 1) * p.T),
      nValid: mv[o],
      hasGaps: mv[o + 1] === 1,
      first: mv[o + 2],
      last: mv[o + 3],
      degenerate: mv[o + 4] === 1,
      acf: mv.subarray(o + 5, o + 5 + p.K),
    });
  }
  return out;
}

/** The exact lag scan of many candidate pairs, over worker threads when there are enough of them. */
export async function refineMany(W: Whitened[], pairs: Array<[number, number]>, o: RefineOptions, threads: number): Promise<PairStat[]> {
  const url = workerUrl('refine-worker');
  if (threads <= 1 || !url || pairs.length < 2000) return pairs.map(([i, j]) => refinePair(W, i, j, o));
  const packed = packWhitened(W);
  const parts: Array<Array<[number, number]>> = Array.from({ length: threads }, () => []);
  pairs.forEach((p, k) => parts[k % threads].push(p));
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<PairStat[]>((resolve, reject) => {
          const w = new Worker(url);
          const flat = new Int32Array(part.length * 2);
          part.forEach(([i, j], k) => ((flat[2 * k] = i), (flat[2 * k + 1] = j)));
          w.once('message', (out: Float64Array) => {
            void w.terminate();
            resolve(
              part.map(([i, j], k) => {
                const b = k * 8;
                return { i, j, lag: out[b], r: out[b + 1], n: out[b + 2], nEff: out[b + 3], p: out[b + 4], directed: out[b + 5] === 1, dirZ: out[b + 6], rOther: out[b + 7] };
              }),
            );
          });
          w.once('error', reject);
          w.postMessage({ packed, pairs: flat, maxLag: o.maxLag, varFactor: o.varFactor, dirZ: o.dirZ });
        }),
    ),
  );
  return results.flat();
}
