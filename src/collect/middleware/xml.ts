// A small, tolerant XML reader for product config files (domain.xml, server.xml...): elements,
// attributes, text and line numbers. No DTD/entities beyond the five predefined ones. Mismatched
// tags are reported and recovered from, so the rest of the file is still read.
import type { ParseIssue } from './types.js';

export interface XmlNode {
  /** Local name (namespace prefix dropped). */
  name: string;
  attrs: Record<string, string>;
  /** Line of each attribute (tags may span lines). */
  attrLines?: Record<string, number>;
  children: XmlNode[];
  /** Concatenated text content directly inside this element, trimmed. */
  text: string;
  line: number;
  /** Line of the text content (first non-blank), for patches. */
  textLine: number;
}

const ENT: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENT[e],
  );
const local = (n: string) => n.slice(n.indexOf(':') + 1);

export function parseXml(text: string, file = 'file.xml'): { root?: XmlNode; errors: ParseIssue[] } {
  const errors: ParseIssue[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const docRoot: XmlNode = { name: '#document', attrs: {}, children: [], text: '', line: 1, textLine: 1 };
  const stack: XmlNode[] = [docRoot];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk.trim()) {
      const top = stack[stack.length - 1];
      if (!top.text) top.textLine = lineOf(i + chunk.search(/\S/));
      top.text += decode(chunk.trim());
    }
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) {
        errors.push({ file, line: lineOf(lt), message: 'unterminated comment' });
        break;
      }
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      const top = stack[stack.length - 1];
      top.text += text.slice(lt + 9, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text[lt + 1] === '?' || text[lt + 1] === '!') {
      const end = text.indexOf('>', lt);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    const gt = findTagEnd(text, lt);
    if (gt < 0) {
      errors.push({ file, line: lineOf(lt), message: 'unterminated tag' });
      break;
    }
    const tag = text.slice(lt + 1, gt);
    const line = lineOf(lt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = local(tag.slice(1).trim());
      const idx = findOpen(stack, name);
      if (idx < 0) {
        errors.push({ file, line, message: `closing tag </${name}> without an opening tag` });
        continue;
      }
      if (idx !== stack.length - 1) {
        errors.push({ file, line, message: `</${name}> closes <${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) that was never closed` });
      }
      stack.length = idx;
      continue;
    }
    const selfClose = tag.endsWith('/');
    const body = selfClose ? tag.slice(0, -1) : tag;
    const m = /^\s*([^\s/>]+)/.exec(body);
    if (!m) {
      errors.push({ file, line, message: 'malformed tag' });
      continue;
    }
    const node: XmlNode = { name: local(m[1]), attrs: {}, children: [], text: '', line, textLine: line };
    const attrRe = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    let a: RegExpExecArray | null;
    const rest = body.slice(m[0].length);
    node.attrLines = {};
    while ((a = attrRe.exec(rest))) {
      node.attrs[local(a[1])] = decode(a[3] ?? a[4] ?? '');
      node.attrLines[local(a[1])] = lineOf(lt + 1 + m[0].length + a.index);
    }
    stack[stack.length - 1].children.push(node);
    if (!selfClose) stack.push(node);
  }
  for (let k = stack.length - 1; k > 0; k--) errors.push({ file, line: stack[k].line, message: `<${stack[k].name}> is never closed` });
  const root = docRoot.children[0];
  if (!root) errors.push({ file, line: 1, message: 'no XML element found' });
  return { root, errors };
}

function findTagEnd(text: string, from: number): number {
  let q: string | undefined;
  for (let j = from + 1; j < text.length; j++) {
    const c = text[j];
    if (q) {
      if (c === q) q = undefined;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return j;
    else if (c === '<') return -1;
  }
  return -1;
}

function findOpen(stack: XmlNode[], name: string): number {
  for (let k = stack.length - 1; k > 0; k--) if (stack[k].name === name) return k;
  return -1;
}

export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n?.children.find((c) => c.name === name);
}

export function children(n: XmlNode | undefined, name: string): XmlNode[] {
  return n ? n.children.filter((c) => c.name === name) : [];
}

/** Follows a `a/b/c` path of first children. */
export function at(n: XmlNode | undefined, path: string): XmlNode | undefined {
  let cur = n;
  for (const p of path.split('/')) cur = child(cur, p);
  return cur;
}

export function textAt(n: XmlNode | undefined, path: string): string | undefined {
  const t = at(n, path);
  return t ? t.text : undefined;
}

/** All descendants named `name` (document order). */
export function descendants(n: XmlNode | undefined, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of n?.children ?? []) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
