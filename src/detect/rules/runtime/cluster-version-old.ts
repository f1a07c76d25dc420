// Kubernetes minor versions past the end of upstream support: the control plane's (the API server's
// `GET /version`, carried in inventory.coverage.serverVersion when collected live) and the nodes'
// kubelets (Node status.nodeInfo.kubeletVersion). Nodes on the control plane's minor are covered by
// the control-plane finding; a node pool lagging behind it is reported on its own, also when it is
// outside the supported kubelet ↔ API server version skew.
import type { Check, CheckMeta } from '../../check.js';
import type { Inventory, InventoryItem } from '../../../cmdb/inventory.js';
import type { Severity } from '../../../model/finding.js';
import { ciId } from '../../../model/ci.js';
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

/**
 * Oldest kubelet minor an API server of this minor supports: n−3 from 1.28 on (KEP-3935), n−2
 * before; a kubelet newer than the API server is never supported (kubernetes.io/releases/version-skew-policy).
 */
export function maxKubeletLag(apiMinor: number): number {
  return apiMinor >= 28 ? 3 : 2;
}

/** The cluster's control plane as a finding anchor: there is no object for it in the API. */
function controlPlane(inv: Inventory, version: string): InventoryItem {
  const source = inv.items.find((i) => i.source?.url)?.source;
  const name = inv.cluster;
  return {
    ci: { id: ciId(inv.cluster, 'Cluster', '', name), cluster: inv.cluster, kind: 'Cluster', type: 'k8s', namespace: '', name, labels: {}, annotations: {}, config: { serverVersion: version }, hash: '', ...(source ? { source } : {}) },
    obj: { apiVersion: 'v1', kind: 'Cluster', metadata: { name } },
    ...(source ? { source } : {}),
  };
}

type Support = { severity: Severity; text: string; endOfLife: string };

/** Where a 1.x minor stands against its end of life at `now`: undefined while well supported. */
function support(minor: number, now: number): Support | undefined {
  const eol = endOfLife(minor);
  if (eol === undefined) return undefined;
  if (eol === 'past') return { severity: 'warning', text: `reached end of upstream support before ${END_OF_LIFE[OLDEST]}`, endOfLife: `before ${END_OF_LIFE[OLDEST]}` };
  if (Date.parse(eol) <= now) return { severity: 'warning', text: `reached end of upstream support on ${eol}`, endOfLife: eol };
  const days = Math.ceil((Date.parse(eol) - now) / DAY);
  return days <= SOON_DAYS ? { severity: 'info', text: `reaches end of upstream support on ${eol} (in ${days} days)`, endOfLife: eol } : undefined;
}

const meta: CheckMeta = {
  id: 'cluster-version-old',
  title: 'Kubernetes version past end of upstream support',
  category: 'runtime',
  severity: 'warning',
  aliases: ['popeye:405'],
  needs: ['live'],
  docs: {
    why: `A Kubernetes minor version past its end of life gets no more security or bug fixes upstream, and the longer it stays the more versions one upgrade must cross (one minor at a time for the control plane). Read from the API server's version (GET /version) and each node's kubelet version against the end-of-life dates of kubernetes.io/releases (table as of ${TABLE_DATE}, 1.${OLDEST}–1.${NEWEST}; newer minors count as supported). Nodes on the control plane's minor are part of the control-plane finding; a node pool on an older minor is reported on its own when that minor is past (or near) its end of life, or when it lags the API server by more than the version skew policy allows (3 minors from 1.28, 2 before; a kubelet newer than the API server is unsupported). Vendor extended support may still cover the version: check your provider. Option \`now\` (ISO date) evaluates against another date.`,
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
    const inv = ctx.inv;
    const now = nowFrom(ctx.options);
    const api = parseKubeVersion(inv.coverage.serverVersion);
    const nodesRead = inv.coverage.kinds.has('Node') && !inv.coverage.denied.has('Node');
    if (!api && !nodesRead) {
      ctx.note?.(`not checked: neither the API server version nor the Nodes were read${inv.coverage.denied.has('Node') ? ` (Node: ${inv.coverage.denied.get('Node')})` : ''}`);
      return [];
    }
    if (!api) ctx.note?.('API server version unknown (not collected live or /version unreadable): judged from the kubelets only');
    const byMinor = new Map<string, InventoryItem[]>();
    let unreadable = 0;
    for (const n of inv.byKind('Node')) {
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
    const table = `kubernetes.io/releases as of ${TABLE_DATE}`;
    const kubelets = (nodes: InventoryItem[]) => [...new Set(nodes.map((n) => String(n.obj.status?.nodeInfo?.kubeletVersion)))].sort();

    if (api?.major === 1) {
      const s = support(api.minor, now);
      const same = byMinor.get(`1.${api.minor}`) ?? [];
      if (s) {
        const with_ = same.length ? `; ${same.length === 1 ? `node ${same[0].ci.name} runs` : `${same.length} nodes run`} the same minor` : '';
        out.push(finding(meta, controlPlane(inv, api.text), {
          severity: s.severity,
          message: `The control plane (API server) runs Kubernetes 1.${api.minor} (${api.text}), which ${s.text}${with_}`,
          evidence: { component: 'control-plane', version: `1.${api.minor}`, serverVersion: api.text, endOfLife: s.endOfLife, nodesOnThisMinor: same.length, nodes: same.slice(0, 10).map((n) => n.ci.name), table },
          also: same.slice(0, 4),
        }));
      }
    }

    for (const [k, nodes] of byMinor) {
      const [major, minor] = k.split('.').map(Number);
      if (major !== 1) continue;
      if (api?.major === 1 && minor === api.minor) continue; // judged with the control plane above
      const s = support(minor, now);
      // Skew: how far this pool lags the API server (negative: newer than it).
      const lag = api?.major === 1 ? api.minor - minor : undefined;
      const skewBad = lag !== undefined && api ? lag < 0 || lag > maxKubeletLag(api.minor) : false;
      if (!s && !skewBad) continue;
      const versions = kubelets(nodes);
      const who = nodes.length === 1 ? `node ${nodes[0].ci.name} runs` : `${nodes.length} nodes run`;
      const clauses: string[] = [];
      if (s) clauses.push(`which ${s.text}`);
      if (lag !== undefined && api) {
        clauses.push(lag > 0 ? `${lag} minor version${lag > 1 ? 's' : ''} behind the control plane (${api.text})` : `newer than the control plane (${api.text})`);
        if (skewBad) clauses.push(lag < 0 ? 'a kubelet newer than the API server is not supported' : `outside the supported version skew (kubelets at most ${maxKubeletLag(api.minor)} minors older than the API server)`);
      }
      const severity: Severity = skewBad ? 'warning' : s!.severity;
      out.push(finding(meta, nodes[0], {
        severity,
        message: `${who} Kubernetes ${k} (${versions.join(', ')}), ${clauses.join('; ')}`,
        evidence: {
          component: 'node', version: k, kubeletVersions: versions, nodes: nodes.slice(0, 10).map((n) => n.ci.name), nodeCount: nodes.length,
          ...(s ? { endOfLife: s.endOfLife } : {}), ...(api ? { serverVersion: api.text, minorsBehind: lag, skewSupported: !skewBad } : {}), table,
        },
        also: nodes.slice(1, 5),
        ...(skewBad && lag !== undefined && lag < 0 ? { fix: 'Upgrade the control plane first (one minor at a time) or roll these nodes back to the API server\'s minor: a kubelet must never be newer than the API server.' } : {}),
      }));
    }
    return out;
  },
};
