// Worker thread for the all-pairs screen: computes the tiles it is given into the shared stat matrix.
import { parentPort } from 'node:worker_threads';
import { screenTile, type Tile } from './kernel.js';

interface Job {
  levels: Array<{ buf: SharedArrayBuffer; len: number; n: number; lags: boolean }>;
  statBuf: SharedArrayBuffer;
  N: number;
  tiles: Tile[];
}

parentPort?.on('message', (job: Job) => {
  const levels = job.levels.map((l) => ({ data: new Float64Array(l.buf), len: l.len, n: l.n, lags: l.lags }));
  const stat = new Float32Array(job.statBuf);
  for (const t of job.tiles) screenTile(levels, t, stat, job.N);
  parentPort?.postMessage('done');
});
