// Kubernetes minor versions past the end of upstream support, read from the nodes' kubelet version
// (Node status.nodeInfo.kubeletVersion): the collector keeps the API server version outside the
// inventory, and a node lagging behind a patched control plane is the risk that matters anyway.
import type { Check, CheckMeta } from '../../check.js';
import type { InventoryItem } from '../../../cmdb/inventory.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { obj, yamlDocs } from '../../util/examples.js';

/**
 * End of upstream support (end of life) per minor version, from https://kubernetes.io/releases/
 * (the release pages' "End Of Life Date"), table as of 2026-11. Vendors (EKS/GKE/AKS extended
 * support, OpenShift) may support a version longer: the finding says "upstream".
 * Minors newer than the table are treated as supported; older than the table as past end of life.
 */
export const END_OF_LIFE: Record<number, string> = {
  19: '2021-10-28', 20: '2022-02-28', 21: '2022-06-28', 22: '2022-10-28', 23: '2023-02-28', 24: '2023-07-28',
  25: '2023-10-28', 26: '2024-02-28', 27: '2024-06-28', 28: '2024-10-28', 29: '2025-02-28', 30: '2025-06-28',
  31: '2025-10-28', 32: '2026-02-28', 33: '2026-06-28', 34: '2026-10-27', 35: '2027-02-28', 36: '2027-06-28', 37: '2027-10-28',
};
export const TABLE_DATE = '2026-11';
const MINORS = Object.keys(END_OF_LIFE).map(Number);
const OLDEST = Math.min(...MINORS);
const NEWEST = Math.max(...MINORS);
/** Days before end of life from which an info finding suggests planning the upgrade. */
const SOON_DAYS = 60;
const DAY = 86_400_000;

/** `v1.29.3-eks-abc`, `v1.30.5-gke.100`, `v1.28.9+k3s1` → { major: 1, minor: 29 }. */
export function parseKubeVersion(v: unknown): { major: number; minor: number; text: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^v?(\d+)\.(\d+)(\.\d+)?/.exec(v.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), text: v.trim() } : undefined;
}

/** End-of-life date of a 1.x minor: a date, 'past' (older than the table) or undefined (newer). */
export function endOfLife(minor: number): string | 'past' | undefined {
  if (END_OF_LIFE[minor]) return END_OF_LIFE[minor];
  return minor < OLDEST ? 'past' : undefined;
}

export function nowFrom(options: Record<string, unknown>): number {
  const v = options.now;
  const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : Date.now();
}

const node = (name: string, kubeletVersion: string) => obj('v1', 'Node', name, { status: { nodeInfo: { kubeletVersion }, conditions: [{ type: 'Ready', status: 'True' }] } }, null);

const meta: CheckMeta = {
  id: 'cluster-version-old',
  title: 'Kubernetes version past end of upstream support',
  category: 'runtime',
  severity: 'warning',
  aliases: ['popeye:405'],
  needs: ['live', 'kind:Node'],
  docs: {
    why: `A Kubernetes minor version past its end of life gets no more security or bug fixes upstream, and the longer it stays the more versions one upgrade must cross (one minor at a time for the control plane). Read from each node's kubelet version against the end-of-life dates of kubernetes.io/releases (table as of ${TABLE_DATE}, 1.${OLDEST}–1.${NEWEST}; newer minors count as supported). Vendor extended support may still cover the version: check your provider. Option \`now\` (ISO date) evaluates against another date.`,
    fix: 'Plan the upgrade: control plane one minor version at a time, then the node pools (kubelets may lag the API server by up to three minors); check deprecated APIs first (`hypercas scan` reports them as deprecated-api-version).',
  },
  examples: {
    fail: yamlDocs(node('n1', 'v1.27.16'), node('n2', 'v1.27.16')),
    pass: yamlDocs(node('n1', `v1.${NEWEST}.2`)),
  },
};

export const check: Check = {
  meta,
  run(ctx) {
    const now = nowFrom(ctx.options);
    const byMinor = new Map<string, InventoryItem[]>();
    let unreadable = 0;
    for (const n of ctx.inv.byKind('Node')) {
      const v = parseKubeVersion(n.obj.status?.nodeInfo?.kubeletVersion);
      if (!v) {
        unreadable++;
        continue;
      }
      const k = `${v.major}.${v.minor}`;
      byMinor.set(k, [...(byMinor.get(k) ?? []), n]);
    }
    if (unreadable) ctx.note?.(`${unreadable} node(s) without status.nodeInfo.kubeletVersion were not checked`);
    const out: Finding[] = [];
    for (const [k, nodes] of byMinor) {
      const [major, minor] = k.split('.').map(Number);
      if (major !== 1) continue;
      const eol = endOfLife(minor);
      if (eol === undefined) continue;
      const versions = [...new Set(nodes.map((n) => String(n.obj.status?.nodeInfo?.kubeletVersion)))].sort();
      const evidence = { version: k, kubeletVersions: versions, nodes: nodes.slice(0, 10).map((n) => n.ci.name), nodeCount: nodes.length, endOfLife: eol === 'past' ? `before ${END_OF_LIFE[OLDEST]}` : eol, table: `kubernetes.io/releases as of ${TABLE_DATE}` };
      const who = nodes.length === 1 ? `node ${nodes[0].ci.name} runs` : `${nodes.length} nodes run`;
      const also = nodes.slice(1, 5);
      if (eol === 'past' || Date.parse(eol) <= now) {
        const since = eol === 'past' ? `before ${END_OF_LIFE[OLDEST]}` : `on ${eol}`;
        out.push(finding(meta, nodes[0], { message: `${who} Kubernetes ${k} (${versions.join(', ')}), which reached end of upstream support ${since}`, evidence, also }));
      } else {
        const days = Math.ceil((Date.parse(eol) - now) / DAY);
        if (days <= SOON_DAYS) out.push(finding(meta, nodes[0], { severity: 'info', message: `${who} Kubernetes ${k} (${versions.join(', ')}), which reaches end of upstream support on ${eol} (in ${days} days)`, evidence, also }));
      }
    }
    return out;
  },
};
