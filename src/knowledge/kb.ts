// Error-code knowledge base: YAML packs mapping codes and message patterns to meaning, likely
// causes (each with the checks that confirm it) and fixes. Built-in packs live in knowledge/kb/,
// users add their own with --kb DIR. `matchLine` finds codes in a log line fast: one combined
// regex for literal codes, and a keyword prefilter before any message pattern is tried.
import { z } from 'zod';
import { builtinKnowledgeDir, loadYamlPack, readText, yamlFiles, type PackProblem } from './yaml-load.js';

const Cause = z.object({
  cause: z.string().min(1),
  /** Check ids or reference rule ids (aliases) that confirm or rule out this cause. */
  checks: z.array(z.string()).default([]),
});

export const KbEntrySchema = z.object({
  id: z.string().min(1),
  /** Literal codes as they appear in logs (`TBR-2131`, `OOMKilled`, `ERROR 1040`). */
  codes: z.array(z.string().min(1)).default([]),
  /** Message regexes (case-insensitive) for errors without a code or with a generic one. */
  patterns: z.array(z.string().min(1)).default([]),
  title: z.string().min(1),
  meaning: z.string().min(1),
  causes: z.array(Cause).default([]),
  fixes: z.array(z.string()).default([]),
  refs: z.array(z.string()).default([]),
}).refine((e) => e.codes.length + e.patterns.length > 0, { message: 'an entry needs at least one code or pattern' });

export const KbPackSchema = z.object({
  pack: z.string().min(1),
  product: z.string().min(1),
  entries: z.array(KbEntrySchema),
});

export type KbEntry = z.infer<typeof KbEntrySchema> & { product: string; pack: string; file: string; line: number };

export interface KnowledgeBase {
  entries: KbEntry[];
  problems: PackProblem[];
  byId: Map<string, KbEntry>;
  matchLine(line: string): KbMatch[];
}

export interface KbMatch {
  code: string;
  entryId: string;
}

function validPattern(p: string): RegExp | undefined {
  try {
    return new RegExp(p, 'i');
  } catch {
    return undefined;
  }
}

/** Loads packs from the given files/directories (built-in knowledge/kb first unless `builtin: false`). */
export function loadKnowledgeBase(dirs: string[] = [], opts: { builtin?: boolean } = {}): KnowledgeBase {
  const paths = [...(opts.builtin === false ? [] : [builtinKnowledgeDir('kb')]), ...dirs];
  const entries: KbEntry[] = [];
  const problems: PackProblem[] = [];
  for (const p of paths) {
    let files: string[];
    try {
      files = yamlFiles(p);
    } catch (e) {
      problems.push({ file: p, line: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      continue;
    }
    for (const file of files) {
      const text = readText(file);
      const r = loadYamlPack(text, file, KbPackSchema);
      problems.push(...r.problems);
      if (!r.value) {
        // Keep the valid entries of a pack with a bad one: validate entry by entry.
        const loose = z.object({ pack: z.string().default('?'), product: z.string().default('?'), entries: z.array(z.unknown()).default([]) }).safeParse(loadYamlPack(text, file, z.unknown()).value);
        if (!loose.success) continue;
        loose.data.entries.forEach((raw, i) => {
          const e = KbEntrySchema.safeParse(raw);
          if (e.success) entries.push({ ...e.data, product: loose.data.product, pack: loose.data.pack, file, line: r.lineOf(['entries', i]) });
        });
        continue;
      }
      r.value.entries.forEach((e, i) => {
        for (const [j, p] of e.patterns.entries()) if (!validPattern(p)) problems.push({ file, line: r.lineOf(['entries', i, 'patterns', j]), message: `invalid regex: ${p}` });
        entries.push({ ...e, product: r.value!.product, pack: r.value!.pack, file, line: r.lineOf(['entries', i]) });
      });
    }
  }
  // A later pack (user --kb) overrides a built-in entry with the same id.
  const byId = new Map<string, KbEntry>();
  for (const e of entries) byId.set(e.id, e);
  const list = [...byId.values()];
  return { entries: list, problems, byId, matchLine: buildMatcher(list) };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The longest literal run of a regex (lower-cased): a word every matching line must contain. */
export function requiredKeyword(pattern: string): string | undefined {
  // Top-level alternation: no single required word. Alternation inside a group is fine, the group is dropped.
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) return undefined;
  }
  const literal = pattern
    .replace(/\\[dDwWsSbB]/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*\]|\([^)]*\)|\S[?*]|[.*+?^${}()|]/g, ' ');
  const words = literal.split(/\s+/).filter((w) => w.length >= 4);
  return words.sort((a, b) => b.length - a.length)[0]?.toLowerCase();
}

export function buildMatcher(entries: KbEntry[]): (line: string) => KbMatch[] {
  const codeToEntries = new Map<string, string[]>();
  for (const e of entries) for (const c of e.codes) codeToEntries.set(c, [...(codeToEntries.get(c) ?? []), e.id]);
  const codes = [...codeToEntries.keys()].sort((a, b) => b.length - a.length);
  const codeRe = codes.length ? new RegExp(`(?<![\\w-])(${codes.map(esc).join('|')})(?![\\w])`, 'g') : undefined;
  const withKw: Array<{ kw: string; re: RegExp; e: KbEntry }> = [];
  const always: Array<{ re: RegExp; e: KbEntry }> = [];
  for (const e of entries) {
    for (const p of e.patterns) {
      const re = validPattern(p);
      if (!re) continue;
      const kw = requiredKeyword(p);
      if (kw) withKw.push({ kw, re, e });
      else always.push({ re, e });
    }
  }
  const kws = [...new Set(withKw.map((x) => x.kw))];
  const kwRe = kws.length ? new RegExp(kws.map(esc).join('|'), 'gi') : undefined;
  return (line: string) => {
    const out: KbMatch[] = [];
    const seen = new Set<string>();
    const add = (code: string, entryId: string) => {
      const k = `${code}|${entryId}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push({ code, entryId });
      }
    };
    if (codeRe) {
      codeRe.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = codeRe.exec(line))) for (const id of codeToEntries.get(m[1]) ?? []) add(m[1], id);
    }
    const tryPat = (re: RegExp, e: KbEntry) => {
      if (seen.has(`${e.codes[0] ?? e.id}|${e.id}`)) return;
      if (re.test(line)) add(e.codes[0] ?? e.id, e.id);
    };
    if (kwRe) {
      kwRe.lastIndex = 0;
      const hit = new Set((line.match(kwRe) ?? []).map((s) => s.toLowerCase()));
      if (hit.size) for (const x of withKw) if (hit.has(x.kw)) tryPat(x.re, x.e);
    }
    for (const x of always) tryPat(x.re, x.e);
    return out;
  };
}

/** Entries whose id, code, title or meaning contain every word of the query. */
export function searchKb(kb: KnowledgeBase, text: string): KbEntry[] {
  const fromLine = new Set(kb.matchLine(text).map((m) => m.entryId));
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = (e: KbEntry) => [e.id, ...e.codes, ...e.patterns, e.title, e.meaning, e.product, ...e.causes.map((c) => c.cause)].join(' ').toLowerCase();
  return kb.entries.filter((e) => fromLine.has(e.id) || words.every((w) => hay(e).includes(w)));
}

/** An entry by id or by one of its codes (case-insensitive). */
export function findKbEntry(kb: KnowledgeBase, code: string): KbEntry | undefined {
  const c = code.toLowerCase();
  return kb.entries.find((e) => e.id.toLowerCase() === c) ?? kb.entries.find((e) => e.codes.some((x) => x.toLowerCase() === c));
}

let defaultKb: KnowledgeBase | undefined;

/** The built-in knowledge base, loaded once. For the log engineer: `defaultMatchLine(line)`. */
export function builtinKnowledgeBase(): KnowledgeBase {
  return (defaultKb ??= loadKnowledgeBase());
}

export function matchLine(line: string): KbMatch[] {
  return builtinKnowledgeBase().matchLine(line);
}
