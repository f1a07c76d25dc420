// WebtoB `http.m` (source form compiled by wscfl): `*SECTION` lines, entries starting in column 1,
// `Key = value` items separated by commas, continued on indented lines; `#` comments; keys are
// case-insensitive. Unknown sections and keys are kept.
import { excerpt, stripHashComment, unquote, toInt, type ParseIssue, type Parsed } from './types.js';

export interface HttpMItem {
  /** Key as written. */
  key: string;
  value: string;
  line: number;
}

export interface HttpMEntry {
  name: string;
  line: number;
  /** Keyed by lower-case key. */
  items: Record<string, HttpMItem>;
}

export interface HttpM {
  /** Keyed by upper-case section name (`NODE`, `SERVER`...), entries in file order. */
  sections: Record<string, HttpMEntry[]>;
}

export function splitItems(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | undefined;
  for (const c of s) {
    if (q) {
      cur += c;
      if (c === q) q = undefined;
    } else if (c === '"' || c === "'") {
      q = c;
      cur += c;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x.length > 0);
}

export function parseHttpM(text: string, file = 'http.m'): Parsed<HttpM> {
  const sections: Record<string, HttpMEntry[]> = {};
  const errors: ParseIssue[] = [];
  let section: string | undefined;
  let entry: HttpMEntry | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const body = stripHashComment(raw).replace(/\s+$/, '');
    if (body.trim() === '') return;
    if (/^\s*\*/.test(body)) {
      section = body.trim().slice(1).trim().toUpperCase();
      sections[section] ??= [];
      entry = undefined;
      return;
    }
    let rest: string;
    if (/^\S/.test(body)) {
      if (!section) {
        errors.push({ file, line, message: 'entry outside any *SECTION' });
        return;
      }
      const m = /^(\S+)\s*(.*)$/.exec(body)!;
      entry = { name: unquote(m[1]), line, items: {} };
      sections[section].push(entry);
      rest = m[2];
    } else {
      if (!entry) {
        errors.push({ file, line, message: 'continuation line without an entry' });
        return;
      }
      rest = body.trim();
    }
    for (const part of splitItems(rest)) {
      const eq = part.indexOf('=');
      if (eq <= 0) {
        errors.push({ file, line, message: `expected "Key = value", got "${excerpt(part)}"` });
        continue;
      }
      const key = part.slice(0, eq).trim();
      entry!.items[key.toLowerCase()] = { key, value: unquote(part.slice(eq + 1)), line };
    }
  });
  return { file, model: { sections }, errors };
}

/** The linkage view of an http.m: nodes, JSV servers and the URIs that route to them. */
export interface WebtobLinkView {
  nodes: Array<{ name: string; line: number; jsvPort?: number; jsvPortLine?: number; hth?: number; port?: number }>;
  /** `*SERVER` entries whose group is SVRTYPE=JSV. */
  jsvServers: Array<{ name: string; line: number; group: string; minProc?: number; maxProc?: number; maxProcLine?: number }>;
  uris: Array<{ name: string; line: number; uri?: string; svrType?: string; svrName?: string; svrNameLine?: number }>;
}

export function webtobView(m: HttpM): WebtobLinkView {
  const get = (e: HttpMEntry, k: string) => e.items[k.toLowerCase()];
  const jsvGroups = new Set(
    (m.sections.SVRGROUP ?? []).filter((g) => get(g, 'svrtype')?.value.toUpperCase() === 'JSV').map((g) => g.name),
  );
  return {
    nodes: (m.sections.NODE ?? []).map((n) => ({
      name: n.name,
      line: n.line,
      jsvPort: toInt(get(n, 'jsvport')?.value),
      jsvPortLine: get(n, 'jsvport')?.line,
      hth: toInt(get(n, 'hth')?.value),
      port: toInt(get(n, 'port')?.value?.split(',')[0]),
    })),
    jsvServers: (m.sections.SERVER ?? [])
      .filter((s) => jsvGroups.has(get(s, 'svgname')?.value ?? ''))
      .map((s) => ({
        name: s.name,
        line: s.line,
        group: get(s, 'svgname')!.value,
        minProc: toInt(get(s, 'minproc')?.value),
        maxProc: toInt(get(s, 'maxproc')?.value),
        maxProcLine: get(s, 'maxproc')?.line,
      })),
    uris: [...(m.sections.URI ?? []), ...(m.sections.EXT ?? [])].map((u) => ({
      name: u.name,
      line: u.line,
      uri: get(u, 'uri')?.value,
      svrType: get(u, 'svrtype')?.value,
      svrName: get(u, 'svrname')?.value,
      svrNameLine: get(u, 'svrname')?.line,
    })),
  };
}

/** Content sniffing: a `*NODE` section plus WebtoB-only keys. */
export function looksLikeHttpM(text: string): boolean {
  return /^\s*\*NODE\b/im.test(text) && /\b(JSVPORT|WEBTOBDIR|SVRTYPE|SVGNAME)\s*=/i.test(text);
}
