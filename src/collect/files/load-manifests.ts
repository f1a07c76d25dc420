// Reads Kubernetes manifests from files, directories (recursive) and stdin: multi-document YAML,
// JSON, and `kind: List` dumps as `kubectl get -o yaml|json` writes them. A broken document is
// reported with file:line and skipped; every other document still loads.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../model/kube.js';
import type { SourceRef } from '../../model/ci.js';
import { decodeText, looksBinary } from '../decode-text.js';
import { pathText, shapeProblems } from './shape.js';

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
    } else if (explicit || (st.isFile() && MANIFEST_EXT.has(extname(p).toLowerCase()))) {
      // Found by a walk, only regular files: reading a named pipe nobody writes to blocks forever.
      // (Named ones are read whatever they are: `-f <(kubectl get ... -o yaml)` is a pipe.)
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
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        problems.push({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, level: 'error' });
        continue;
      }
      // A binary file (an image, a .tgz chart) named or found by extension: say so, not "invalid YAML at line 1".
      if (looksBinary(bytes)) {
        problems.push({ file, message: 'binary file (not YAML or JSON): skipped', level: 'error' });
        continue;
      }
      const text = decodeText(bytes);
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
  // Aliases (hence shared or cyclic nodes) need an anchor `&name` somewhere in the text.
  const mayAlias = text.includes('&');
  const add = (value: unknown, line: number, locate?: (path: Array<string | number>) => number | undefined) => {
    // Both parse fine but break every recursive reader downstream (stack overflow = exit 70).
    if (nestedDeeperThan(value, MAX_NESTING, mayAlias)) {
      problems.push({ file, line, message: `nested deeper than ${MAX_NESTING} levels: skipped`, level: 'error' });
      return;
    }
    if (mayAlias && isCyclic(value)) {
      problems.push({ file, line, message: 'invalid YAML: an alias refers to a node that contains it (the document would be infinite)', level: 'error' });
      return;
    }
    if (!explicit && isForeignDocument(value)) return;
    addDocument(value, file, line, objects, problems, locate);
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
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const start = doc.range?.[0] ?? 0;
    const line = lc.linePos(firstContentOffset(text, start)).line;
    // A duplicate key is ambiguous (kubectl rejects the file): report each one, then load the
    // document as YAML parsers do (the last value wins) rather than lose the whole object.
    const errors = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
    for (const e of doc.errors) {
      if (e.code !== 'DUPLICATE_KEY') continue;
      const key = /^[^:\n]*/.exec(text.slice(e.pos[0]))![0].trim().slice(0, 60);
      problems.push({ file, line: lc.linePos(e.pos[0]).line, message: `duplicate key "${key}": the last value is used (kubectl rejects this file)`, level: 'error' });
    }
    if (errors.length > 0) {
      const err = errors[0];
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
    add(value, line, (path) => {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lc.linePos(node.range[0]).line : undefined;
    });
  }
}

/** Far beyond any real manifest (CRDs with OpenAPI schemas nest a few dozen levels). */
const MAX_NESTING = 512;

/**
 * Iterative (a recursive walk is what overflows). `shared`: the value may hold YAML alias nodes,
 * walked once each (a Set costs as much as the walk, so plain JSON trees go without).
 */
function nestedDeeperThan(root: unknown, max: number, shared: boolean): boolean {
  const seen = shared ? new Set<object>() : undefined;
  const nodes: object[] = [];
  const depths: number[] = [];
  if (root && typeof root === 'object') (nodes.push(root), depths.push(0));
  while (nodes.length) {
    const v = nodes.pop()!;
    const d = depths.pop()!;
    if (seen) {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    if (d >= max) return true;
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c === 'object') (nodes.push(c as object), depths.push(d + 1));
    } else {
      for (const k in v) {
        const c = (v as Record<string, unknown>)[k];
        if (c && typeof c === 'object') (nodes.push(c), depths.push(d + 1));
      }
    }
  }
  return false;
}

/** `&a [*a]` is legal YAML but an infinite value: everything downstream would recurse forever. */
function isCyclic(root: unknown): boolean {
  const onPath = new Set<object>();
  const acyclic = new Set<object>(); // shared (aliased) nodes are walked once
  const visit = (v: unknown): boolean => {
    if (!v || typeof v !== 'object' || acyclic.has(v)) return false;
    if (onPath.has(v)) return true;
    onPath.add(v);
    const found = (Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)).some(visit);
    onPath.delete(v);
    if (!found) acyclic.add(v);
    return found;
  };
  return visit(root);
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

function addDocument(value: unknown, file: string, line: number, objects: LoadedObject[], problems: LoadProblem[], locate?: (path: Array<string | number>) => number | undefined): void {
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
  // Kept (nothing is lost), but a shape kubectl would reject is said with the path and its line.
  for (const sp of shapeProblems(o)) {
    const name = `${o.kind} ${typeof meta?.namespace === 'string' ? `${meta.namespace}/` : ''}${String(meta?.name ?? meta?.generateName)}`.replace(/[\u0000-\u001f]/g, '?');
    problems.push({ file, line: locate?.(sp.path) ?? line, message: `${name}: ${pathText(sp.path)} ${sp.message}`, level: 'error' });
  }
  objects.push({ obj: o as unknown as KubeObject, source: { file, line } });
}
