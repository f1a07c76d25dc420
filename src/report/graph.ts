// Relation graphs for people (table, Mermaid for Markdown, Graphviz DOT) and machines (JSON).
import type { Relation } from '../model/relation.js';
import { parseCiId } from '../model/ci.js';
import { renderTable } from './format.js';

export type GraphFormat = 'table' | 'json' | 'dot' | 'mermaid';

/** Short label: `kind/ns/name` without the cluster when there is only one. */
function label(id: string, multiCluster: boolean): string {
  const p = parseCiId(id);
  if (!p) return id;
  const ns = p.namespace ? `${p.namespace}/` : '';
  return `${multiCluster ? p.cluster + '/' : ''}${p.kind}/${ns}${p.name}`;
}

function evidenceText(r: Relation): string {
  const parts: string[] = [];
  if (r.source === 'inferred') parts.push(`inferred${r.confidence !== undefined ? ` ${r.confidence.toFixed(2)}` : ''}`);
  if (r.dangling) parts.push('MISSING TARGET');
  if (r.evidence) {
    for (const [k, v] of Object.entries(r.evidence)) {
      if (v === undefined || v === false) continue;
      parts.push(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    }
  }
  return parts.join(' ');
}

export function renderGraph(relations: Relation[], format: GraphFormat): string {
  const clusters = new Set(relations.map((r) => parseCiId(r.from)?.cluster));
  const multi = clusters.size > 1;
  const sorted = [...relations].sort((a, b) => a.from.localeCompare(b.from) || a.type.localeCompare(b.type) || a.to.localeCompare(b.to));
  switch (format) {
    case 'json':
      return JSON.stringify({ relations: sorted }, null, 2) + '\n';
    case 'table':
      if (sorted.length === 0) return 'no relations\n';
      return renderTable(sorted, [
        { header: 'FROM', get: (r) => label(r.from, multi) },
        { header: 'RELATION', get: (r) => r.type },
        { header: 'TO', get: (r) => label(r.to, multi) },
        { header: 'EVIDENCE', get: (r) => evidenceText(r), max: 80 },
      ]);
    case 'dot': {
      const ids = new Map<string, string>();
      const node = (id: string) => {
        if (!ids.has(id)) ids.set(id, `n${ids.size}`);
        return ids.get(id)!;
      };
      const edges = sorted.map((r) => {
        const style = r.dangling ? ', color=red, style=dashed' : r.source === 'inferred' ? ', style=dotted' : '';
        return `  ${node(r.from)} -> ${node(r.to)} [label="${r.type}"${style}];`;
      });
      const nodes = [...ids].map(([id, n]) => `  ${n} [label="${label(id, multi).replace(/"/g, '\\"')}"${relations.some((r) => r.to === id && r.dangling) ? ', color=red' : ''}];`);
      return ['digraph hypercas {', '  rankdir=LR;', '  node [shape=box, fontsize=10];', ...nodes, ...edges, '}', ''].join('\n');
    }
    case 'mermaid': {
      const ids = new Map<string, string>();
      const node = (id: string) => {
        if (!ids.has(id)) ids.set(id, `n${ids.size}`);
        return ids.get(id)!;
      };
      const edges = sorted.map((r) => `  ${node(r.from)} ${r.source === 'inferred' ? '-.' : '--'} ${r.type} ${r.source === 'inferred' ? '.->' : '-->'} ${node(r.to)}`);
      const nodes = [...ids].map(([id, n]) => `  ${n}["${label(id, multi).replace(/"/g, '#quot;')}"]`);
      const dangling = [...ids].filter(([id]) => relations.some((r) => r.to === id && r.dangling)).map(([, n]) => `  style ${n} stroke:#d00,stroke-dasharray: 4 2`);
      return ['flowchart LR', ...nodes, ...edges, ...dangling, ''].join('\n');
    }
  }
}
