// Loading user-owned YAML packs: parse with line numbers, validate with zod, and report every
// problem as `file:line: message` (the line of the offending value), keeping the valid parts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';

export interface PackProblem {
  file: string;
  line: number;
  message: string;
}

export const problemText = (p: PackProblem) => `${p.file}:${p.line}: ${p.message}`;

/** Parses one YAML text against a schema. Returns the value (undefined when invalid) and problems. */
export function loadYamlPack<S extends z.ZodType>(text: string, file: string, schema: S): { value?: z.infer<S>; problems: PackProblem[]; lineOf: (path: Array<string | number>) => number } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const lineOf = (path: Array<string | number>): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
    }
    return 1;
  };
  if (doc.errors.length) {
    return { problems: doc.errors.map((e) => ({ file, line: lc.linePos(e.pos[0]).line, message: `invalid YAML: ${e.message.split('\n')[0]}` })), lineOf };
  }
  const r = schema.safeParse(doc.toJS());
  if (r.success) return { value: r.data, problems: [], lineOf };
  return {
    problems: r.error.issues.map((i) => ({ file, line: lineOf(i.path as Array<string | number>), message: `${i.path.join('.') || '(root)'}: ${i.message}` })),
    lineOf,
  };
}

/** `*.yaml`/`*.yml` files of a directory (sorted), or the file itself. */
export function yamlFiles(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  return readdirSync(path)
    .filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('.'))
    .sort()
    .map((n) => join(path, n));
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The knowledge/ directory shipped with the package (repo root; dist/ and src/ both sit beside it). */
export function builtinKnowledgeDir(sub: string): string {
  return new URL(`../../knowledge/${sub}/`, import.meta.url).pathname;
}
