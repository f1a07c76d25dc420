// All-pairs screen: for every pair of series, the strongest Fisher z over lags −1..+1 at several time
// resolutions (block sums of 1, 4, 16 … points, so lags up to about ±the block size are seen at
// the coarse levels). One pass of blocked matrix products per level, spread over worker threads.
import { Worker } from 'node:worker_threads';
import { screenTile, triangleTiles, type Level, type Tile } from './kernel.js';
import { threadCount, workerUrl } from './parallel.js';

export interface ScreenOptions {
  /** Block sizes of the resolution levels. Default [1, 4, 16] (levels with < 32 points are skipped). */
  blocks?: number[];
  /** Also lags ±1 at full resolution (3× the work of the finest level). Default false: lag 0 there, ±1 on the coarse levels. */
  fineLags?: boolean;
  /** Worker threads; 0 or 1 computes in this thread. Default: available cores. */
  threads?: number;
  tileSize?: number;
}

export interface ScreenResult {
  /** N×N, upper triangle: max Fisher z of pair (i, j), i < j. */
  stat: Float32Array;
  N: number;
  /** How many (level × lag) looks the max was taken over (for a Bonferroni correction). */
  looks: number;
  levels: Array<{ block: number; len: number }>;
  threads: number;
}

/** Unit-norm rows at block size b, in a (shared) buffer with rows padded to a multiple of 4. */
export function buildLevel(z: Float64Array[], T: number, b: number, shared: boolean): Level & { buf: ArrayBufferLike } {
  const N = z.length;
  const rows = padRows(N);
  const len = Math.floor(T / b);
  const bytes = rows * len * 8;
  const buf = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const data = new Float64Array(buf);
  for (let i = 0; i < N; i++) {
    const src = z[i];
    const o = i * len;
    let ss = 0;
    for (let k = 0; k < len; k++) {
      let s = 0;
      for (let t = k * b; t < k * b + b; t++) s += src[t];
      data[o + k] = s;
      ss += s * s;
    }
    const inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (let k = 0; k < len; k++) data[o + k] *= inv;
  }
  return { data, len, n: len, buf };
}

export const padRows = (n: number): number => (n + 3) & ~3;

export async function screenAllPairs(z: Float64Array[], T: number, opts: ScreenOptions = {}): Promise<ScreenResult> {
  const N = z.length;
  const blocks = (opts.blocks ?? [1, 4, 16]).filter((b, k) => k === 0 || T / b >= 32);
  const url = workerUrl('screen-worker');
  let threads = threadCount(opts.threads);
  // From TypeScript sources (tests) there is no compiled worker: compute in this thread.
  if (!url) threads = 1;
  if (N < 64) threads = 1;
  const shared = threads > 1;
  const levels = blocks.map((b) => ({ ...buildLevel(z, T, b, shared), lags: b > 1 || Boolean(opts.fineLags) }));
  const statBuf = shared ? new SharedArrayBuffer(N * N * 4) : new ArrayBuffer(N * N * 4);
  const stat = new Float32Array(statBuf);
  const rows = padRows(N);
  const tiles = triangleTiles(rows, Math.max(4, (opts.tileSize ?? 64) & ~3));
  if (threads <= 1) {
    for (const t of tiles) screenTile(levels, t, stat, N);
  } else {
    // Interleave tiles so every worker gets a similar mix of diagonal and off-diagonal ones.
    const parts: Tile[][] = Array.from({ length: threads }, () => []);
    tiles.forEach((t, k) => parts[k % threads].push(t));
    await Promise.all(
      parts.map(
        (part) =>
          new Promise<void>((resolve, reject) => {
            const w = new Worker(url!);
            w.once('message', () => {
              void w.terminate();
              resolve();
            });
            w.once('error', reject);
            w.postMessage({ levels: levels.map((l) => ({ buf: l.buf, len: l.len, n: l.n, lags: l.lags })), statBuf, N, tiles: part });
          }),
      ),
    );
  }
  return { stat, N, looks: levels.reduce((a, l) => a + (l.lags ? 3 : 1), 0), levels: levels.map((l, k) => ({ block: blocks[k], len: l.len })), threads };
}
