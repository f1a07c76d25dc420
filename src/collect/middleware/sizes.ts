// Memory sizes as each product writes them, in bytes.

const K = 1024;

/** Kubernetes quantity (`2Gi`, `512Mi`, `1G`, `1500m` for CPU is not handled here) → bytes. */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (typeof q === 'number') return q;
  const m = /^\s*([0-9.]+)\s*(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E|m)?\s*$/.exec(q);
  if (!m) return undefined;
  const n = Number(m[1]);
  const mult: Record<string, number> = {
    Ki: K, Mi: K ** 2, Gi: K ** 3, Ti: K ** 4, Pi: K ** 5, Ei: K ** 6,
    k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, m: 1e-3,
  };
  return Math.round(n * (m[2] ? mult[m[2]] : 1));
}

/** `4G`, `200M`, `64K`, `1024` (Tibero .tip, MySQL my.cnf, JVM -Xmx: binary multiples, bare = bytes). */
export function parseBinarySize(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const m = /^\s*([0-9.]+)\s*([kKmMgGtT])?[bB]?\s*$/.exec(s.replace(/^["']|["']$/g, ''));
  if (!m) return undefined;
  const e = { k: 1, m: 2, g: 3, t: 4 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 0;
  return Math.round(Number(m[1]) * K ** e);
}

/**
 * PostgreSQL memory setting → bytes. Units kB/MB/GB/TB (binary, case-sensitive in PostgreSQL);
 * a bare number is in the parameter's base unit (8kB blocks for shared_buffers, kB for work_mem).
 */
export function parsePgMemory(s: string | undefined, baseUnitBytes: number): number | undefined {
  if (s === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|MB|GB|TB)?\s*$/.exec(s.replace(/^'|'$/g, ''));
  if (!m) return undefined;
  const mult: Record<string, number> = { B: 1, kB: K, MB: K ** 2, GB: K ** 3, TB: K ** 4 };
  return Math.round(Number(m[1]) * (m[2] ? mult[m[2]] : baseUnitBytes));
}

/** Base unit of the PostgreSQL memory parameters we read. */
export const PG_BASE_UNIT: Record<string, number> = {
  shared_buffers: 8 * K,
  effective_cache_size: 8 * K,
  wal_buffers: 8 * K,
  work_mem: K,
  maintenance_work_mem: K,
  temp_buffers: 8 * K,
};

/** Human form: the largest binary unit that keeps an integer (`3GB`→ `3G` style with the given suffixes). */
export function formatBinary(bytes: number, style: 'tibero' | 'pg' | 'k8s' | 'jvm' = 'k8s'): string {
  const units = style === 'pg' ? ['B', 'kB', 'MB', 'GB', 'TB'] : style === 'k8s' ? ['', 'Ki', 'Mi', 'Gi', 'Ti'] : style === 'jvm' ? ['', 'k', 'm', 'g', 't'] : ['', 'K', 'M', 'G', 'T'];
  let i = 0;
  let v = bytes;
  while (i < 4 && v >= K && Number.isInteger(v / K)) {
    v /= K;
    i++;
  }
  if (!Number.isInteger(v)) v = Math.floor(v);
  return `${v}${units[i]}`;
}

/** Rounds down to a whole number of MiB. */
export function floorMiB(bytes: number): number {
  return Math.floor(bytes / K ** 2) * K ** 2;
}
