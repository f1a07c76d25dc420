// Reads Kubernetes manifests from files, directories (recursive) and stdin: multi-document YAML,
// JSON, and `kind: List` dumps as `kubectl get -o yaml|json` writes them. A broken document is
// reported with file:line and skipped; every other document still loads.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../model/kube.js';
import type { SourceRef } from '../../model/ci.js';

export interface LoadedObject {
  obj: KubeObject;
  source: SourceRef;
}

export interface LoadProblem {
  file: string;
  line?: number;
  message: string;
  /** 'error': the document could not be read; 'skipped': read but not a Kubernetes object. */
  level: 'error' | 'skipped';
}

export interface LoadResult {
  objects: LoadedObject[];
  problems: LoadProblem[];
  files: string[];
}

const MANIFEST_EXT = new Set(['.yaml', '.yml', '.json']);

/** Expands directories (recursively, sorted, hidden entries skipped) to manifest files. */
export function expandPaths(paths: string[], problems: LoadProblem[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push({ file: p, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, level: 'error' });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        walk(join(p, name), false);
      }
    } else if (explicit || MANIFEST_EXT.has(extname(p).toLowerCase())) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}

export function loadManifests(paths: string[], stdinText?: string): LoadResult {
  const problems: LoadProblem[] = [];
  const objects: LoadedObject[] = [];
  const files: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push('<stdin>');
      parseManifestText(stdinText ?? '', '<stdin>', objects, problems);
      continue;
    }
    for (const file of expandPaths([p], problems)) {
      files.push(file);
      const explicit = file === p;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        problems.push({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, level: 'error' });
        continue;
      }
      parseManifestText(text, file, objects, problems, explicit);
    }
  }
  return { objects, problems, files };
}

/** Parses one file's text; appends objects and problems. Exported for stdin and tests. */
/**
 * `explicit`: the user named this file. Found by walking a directory, a YAML document with neither
 * apiVersion nor kind is some other configuration (Spring's application.yaml, Helm values) and is
 * left to the configuration readers instead of being reported.
 */
export function parseManifestText(text: string, file: string, objects: LoadedObject[], problems: LoadProblem[], explicit = true): void {
  const add = (value: unknown, line: number) => {
    if (!explicit && isForeignDocument(value)) return;
    addDocument(value, file, line, objects, problems);
  };
  const trimmed = text.trimStart();
  // Large `kubectl -o json` dumps: JSON.parse is far faster than a YAML parser and gives exact errors.
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const doc = JSON.parse(text) as unknown;
      add(doc, 1);
      return;
    } catch (e) {
      const m = /position (\d+)/.exec(String(e));
      const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
      // Not valid JSON: YAML is a superset, so fall through and let the YAML parser say where.
      if (!/^\s*[{[]/.test(text) || line === undefined) {
        problems.push({ file, line, message: `invalid JSON: ${(e as Error).message}`, level: 'error' });
        return;
      }
    }
  }
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const start = doc.range?.[0] ?? 0;
    const line = lc.linePos(firstContentOffset(text, start)).line;
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      // An unterminated construct is reported at end of input: point at the last real line instead.
      const at = err.pos ? lc.linePos(Math.max(0, Math.min(err.pos[0], text.trimEnd().length - 1))).line : line;
      problems.push({ file, line: at, message: `invalid YAML: ${err.message.split('\n')[0]}`, level: 'error' });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      problems.push({ file, line, message: `invalid YAML: ${(e as Error).message}`, level: 'error' });
      continue;
    }
    if (value === null || value === undefined) continue; // empty document (`---` at the end)
    add(value, line);
  }
}

function firstContentOffset(text: string, from: number): number {
  // Skip the `---` marker, blank lines and comments so the line points at the object itself.
  const re = /^(?:---[^\n]*|\s*#[^\n]*|\s*)$/;
  let pos = from;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (!re.test(text.slice(pos, end))) return pos;
    if (nl < 0) break;
    pos = nl + 1;
  }
  return from;
}

function isForeignDocument(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(isForeignDocument);
  if (!v || typeof v !== 'object') return true;
  const o = v as Record<string, unknown>;
  // Kubernetes kinds are CamelCase; `kind: healthy` without an apiVersion is someone else's schema.
  return !('apiVersion' in o) && (!('kind' in o) || typeof o.kind !== 'string' || !/^[A-Z]/.test(o.kind));
}

function addDocument(value: unknown, file: string, line: number, objects: LoadedObject[], problems: LoadProblem[]): void {
  if (Array.isArray(value)) {
    for (const v of value) addDocument(v, file, line, objects, problems);
    return;
  }
  if (typeof value !== 'object' || value === null) {
    problems.push({ file, line, message: 'not a Kubernetes object (expected a mapping with apiVersion, kind and metadata)', level: 'skipped' });
    return;
  }
  const o = value as Record<string, unknown>;
  // `kind: List` and typed lists (`PodList`) as kubectl and the API write them.
  if (Array.isArray(o.items) && typeof o.kind === 'string' && o.kind.endsWith('List')) {
    const itemKind = o.kind === 'List' ? undefined : o.kind.slice(0, -4);
    for (const item of o.items as unknown[]) {
      if (item && typeof item === 'object' && itemKind && !(item as Record<string, unknown>).kind) {
        (item as Record<string, unknown>).kind = itemKind;
        (item as Record<string, unknown>).apiVersion ??= o.apiVersion;
      }
      addDocument(item, file, line, objects, problems);
    }
    return;
  }
  const missing = ['apiVersion', 'kind', 'metadata'].filter((k) => !o[k]);
  const meta = o.metadata as Record<string, unknown> | undefined;
  if (missing.length === 0 && (typeof meta !== 'object' || (!meta.name && !meta.generateName))) missing.push('metadata.name');
  if (missing.length > 0) {
    const what = typeof o.kind === 'string' ? `${o.kind} ` : '';
    problems.push({ file, line, message: `${what}object without ${missing.join(', ')}: skipped`, level: 'skipped' });
    return;
  }
  objects.push({ obj: o as unknown as KubeObject, source: { file, line } });
}
