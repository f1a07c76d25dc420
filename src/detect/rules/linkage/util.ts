// Small helpers for fix proposals.

/** Levenshtein distance (names are short). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bd = Infinity;
  for (const c of candidates) {
    const dd = editDistance(name.toLowerCase(), c.toLowerCase());
    if (dd < bd) {
      bd = dd;
      best = c;
    }
  }
  return best;
}

const G = 1024 ** 3;
const M = 1024 ** 2;

/** Tibero/JVM style size: whole G when exact, else M (floored). */
export function sizeGM(bytes: number, g = 'G', m = 'M'): string {
  return bytes % G === 0 ? `${bytes / G}${g}` : `${Math.floor(bytes / M)}${m}`;
}

/** PostgreSQL style: GB when exact, else MB. */
export function sizePg(bytes: number): string {
  return bytes % G === 0 ? `${bytes / G}GB` : `${Math.floor(bytes / M)}MB`;
}

/** Kubernetes quantity rounded up to whole Gi. */
export function ceilGi(bytes: number): string {
  return `${Math.ceil(bytes / G)}Gi`;
}

export function human(bytes: number): string {
  if (bytes >= G && bytes % (G / 4) === 0) return `${+(bytes / G).toFixed(2)}Gi`;
  return `${Math.round(bytes / M)}Mi`;
}
