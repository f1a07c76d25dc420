// Worker thread for the exact lag scan: refines its share of candidate pairs over shared memory.
import { parentPort } from 'node:worker_threads';
import { refinePair } from './refine.js';
import { unpackWhitened, type PackedWhitened } from './parallel.js';

interface Job {
  packed: PackedWhitened;
  pairs: Int32Array; // i0, j0, i1, j1, ...
  maxLag: number;
  varFactor: number;
  dirZ?: number;
}

parentPort?.on('message', (job: Job) => {
  const W = unpackWhitened(job.packed);
  const n = job.pairs.length / 2;
  // per pair: lag, r, n, nEff, p, directed, dirZ, rOther
  const out = new Float64Array(n * 8);
  for (let k = 0; k < n; k++) {
    const s = refinePair(W, job.pairs[2 * k], job.pairs[2 * k + 1], { maxLag: job.maxLag, varFactor: job.varFactor, dirZ: job.dirZ });
    out.set([s.lag, s.r, s.n, s.nEff, s.p, s.directed ? 1 : 0, s.dirZ, s.rOther], k * 8);
  }
  parentPort?.postMessage(out, [out.buffer]);
});
