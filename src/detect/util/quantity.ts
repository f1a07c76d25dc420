// Kubernetes resource quantities ("500m", "1.5Gi", "2e3") as plain numbers (cores, bytes, counts).
const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};
const RE = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

/** Parses a quantity; undefined for anything that is not one (so callers can skip bad input). */
export function parseQuantity(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = RE.exec(v.trim());
  if (!m) return undefined;
  return Number(m[1]) * SUFFIX[m[2] ?? ''];
}

/** Bytes as a short binary-suffixed string: 17Gi, 1.5Gi, 768Mi. */
export function formatBytes(n: number): string {
  for (const [s, f] of [['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (Math.abs(n) >= f) return `${+(n / f).toFixed(2)}${s}`;
  }
  return String(Math.round(n));
}

export function formatCpu(n: number): string {
  return Number.isInteger(n) ? String(n) : `${Math.round(n * 1000)}m`;
}

/** Formats a resource amount the way it is written in manifests. */
export function formatResource(resource: string, n: number): string {
  if (/memory|storage/.test(resource)) return formatBytes(n);
  if (/cpu/.test(resource)) return formatCpu(n);
  return String(+n.toFixed(3));
}
