// Line numbers for YAML nodes, so config and rule errors point at file:line.
import { isMap, isSeq, LineCounter, type Document, type Node } from 'yaml';

export function lineOf(doc: Document, lc: LineCounter, path: Array<string | number>): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeLine(node as Node, lc);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) break;
      best = rangeLine(pair.key as Node, lc) ?? best;
      node = pair.value;
      best = rangeLine(node as Node, lc) ?? best;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      best = rangeLine(node as Node, lc) ?? best;
    } else break;
  }
  return best;
}

function rangeLine(n: Node | undefined | null, lc: LineCounter): number | undefined {
  const r = (n as { range?: [number, number, number] } | undefined)?.range;
  return r ? lc.linePos(r[0]).line : undefined;
}
