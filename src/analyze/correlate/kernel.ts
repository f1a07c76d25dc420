// The inner loop of the all-pairs screen, shared by the worker threads and the in-thread fallback.
// Rows are unit-norm (so a dot product is a correlation); each tile of rows I × J gets lags −1, 0, +1
// in one pass over time, 2×2 register-blocked, and keeps per pair the largest Fisher z over lags
// and resolution levels. Plain loops over Float64Array: V8 compiles them to tight scalar code.

export interface Level {
  /** Row-major rows × len, each row unit-norm (zeros where missing). */
  data: Float64Array;
  len: number;
  /** Samples behind one correlation at this level (for the Fisher z scale). */
  n: number;
  /** Lags −1..+1 (true) or lag 0 only (a third of the work; the coarser levels cover small lags). */
  lags?: boolean;
}

export interface Tile {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

/** Tiles over the upper triangle (j ≥ i) of an `rows`-square, `size` rows/cols each (size and rows multiples of 4). */
export function triangleTiles(rows: number, size: number): Tile[] {
  const out: Tile[] = [];
  for (let i0 = 0; i0 < rows; i0 += size)
    for (let j0 = i0; j0 < rows; j0 += size) out.push({ i0, i1: Math.min(rows, i0 + size), j0, j1: Math.min(rows, j0 + size) });
  return out;
}

/**
 * Computes one tile on every level and writes max Fisher z into `stat[i*N + j]` for i < j
 * (N = stride). Rows are padded with zero rows to a multiple of 4 by the caller.
 */
export function screenTile(levels: Level[], tile: Tile, stat: Float32Array, N: number): void {
  for (let l = 0; l < levels.length; l++) {
    const { data: Z, len: T, n } = levels[l];
    const scale = Math.sqrt(Math.max(1, n - 3));
    if (levels[l].lags === false) {
      lag0Tile(Z, T, scale, tile, stat, N);
      continue;
    }
    for (let i = tile.i0; i < tile.i1; i += 2) {
      const a0 = i * T;
      const a1 = a0 + T;
      for (let j = tile.j0; j < tile.j1; j += 2) {
        if (j + 1 <= i) continue;
        const b0 = j * T;
        const b1 = b0 + T;
        // s.. lag 0; p.. x(t+1)·y(t) (y leads); m.. x(t)·y(t+1) (x leads)
        let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
        let p00 = 0, p01 = 0, p10 = 0, p11 = 0;
        let m00 = 0, m01 = 0, m10 = 0, m11 = 0;
        let x0 = Z[a0], x1 = Z[a1], y0 = Z[b0], y1 = Z[b1];
        for (let t = 1; t < T; t++) {
          const nx0 = Z[a0 + t], nx1 = Z[a1 + t], ny0 = Z[b0 + t], ny1 = Z[b1 + t];
          s00 += x0 * y0; s01 += x0 * y1; s10 += x1 * y0; s11 += x1 * y1;
          p00 += nx0 * y0; p01 += nx0 * y1; p10 += nx1 * y0; p11 += nx1 * y1;
          m00 += x0 * ny0; m01 += x0 * ny1; m10 += x1 * ny0; m11 += x1 * ny1;
          x0 = nx0; x1 = nx1; y0 = ny0; y1 = ny1;
        }
        s00 += x0 * y0; s01 += x0 * y1; s10 += x1 * y0; s11 += x1 * y1;
        put(stat, N, i, j, s00, p00, m00, scale);
        put(stat, N, i, j + 1, s01, p01, m01, scale);
        put(stat, N, i + 1, j, s10, p10, m10, scale);
        put(stat, N, i + 1, j + 1, s11, p11, m11, scale);
      }
    }
  }
}

/** Lag 0 only, 4×2 register blocked (rows come padded to a multiple of 4). */
function lag0Tile(Z: Float64Array, T: number, scale: number, tile: Tile, stat: Float32Array, N: number): void {
  for (let i = tile.i0; i < tile.i1; i += 4) {
    const a0 = i * T;
    const a1 = a0 + T;
    const a2 = a1 + T;
    const a3 = a2 + T;
    for (let j = tile.j0; j < tile.j1; j += 2) {
      if (j + 1 <= i) continue;
      const b0 = j * T;
      const b1 = b0 + T;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
      for (let t = 0; t < T; t++) {
        const y0 = Z[b0 + t], y1 = Z[b1 + t];
        let x = Z[a0 + t];
        s00 += x * y0; s01 += x * y1;
        x = Z[a1 + t];
        s10 += x * y0; s11 += x * y1;
        x = Z[a2 + t];
        s20 += x * y0; s21 += x * y1;
        x = Z[a3 + t];
        s30 += x * y0; s31 += x * y1;
      }
      put(stat, N, i, j, s00, 0, 0, scale);
      put(stat, N, i, j + 1, s01, 0, 0, scale);
      put(stat, N, i + 1, j, s10, 0, 0, scale);
      put(stat, N, i + 1, j + 1, s11, 0, 0, scale);
      put(stat, N, i + 2, j, s20, 0, 0, scale);
      put(stat, N, i + 2, j + 1, s21, 0, 0, scale);
      put(stat, N, i + 3, j, s30, 0, 0, scale);
      put(stat, N, i + 3, j + 1, s31, 0, 0, scale);
    }
  }
}

function put(stat: Float32Array, N: number, i: number, j: number, a: number, b: number, c: number, scale: number): void {
  if (j <= i || i >= N || j >= N) return;
  let r = Math.abs(a);
  if (Math.abs(b) > r) r = Math.abs(b);
  if (Math.abs(c) > r) r = Math.abs(c);
  const z = Math.atanh(Math.min(r, 0.9999999)) * scale;
  const k = i * N + j;
  if (z > stat[k]) stat[k] = z;
}
