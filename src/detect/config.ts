// The scan config file (YAML): exemptions, severity overrides, disabled checks, options, rule dirs.
// Accepted either at top level or under a `scan:` key, so one hypercas.yaml can serve every command.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { EngineConfig } from './engine.js';
import { lineOf } from './yaml-lines.js';

const severity = z.enum(['critical', 'warning', 'info']);

export const ScanConfigSchema = z.strictObject({
  failOn: z.enum(['warning', 'critical', 'info', 'none']).optional(),
  rulesDirs: z.array(z.string()).optional(),
  /** false: the hypercas.io/ignore annotation is not honoured (central governance). */
  annotationExemptions: z.boolean().optional(),
  severity: z.record(z.string(), severity).optional(),
  disabled: z.array(z.string()).optional(),
  only: z.array(z.string()).optional(),
  exemptions: z.array(z.strictObject({
    checks: z.array(z.string()).optional(),
    namespaces: z.array(z.string()).optional(),
    names: z.array(z.string()).optional(),
    kinds: z.array(z.string()).optional(),
    reason: z.string().optional(),
  })).optional(),
  options: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

export type ScanConfig = z.infer<typeof ScanConfigSchema>;

export interface ConfigProblem {
  file: string;
  line?: number;
  message: string;
}

export interface LoadedConfig {
  config: ScanConfig;
  engine: EngineConfig;
  /** rulesDirs resolved against the config file's directory. */
  rulesDirs: string[];
}

/** Where an issue points; for unknown keys, at the first unknown key. */
export function issuePath(i: z.core.$ZodIssue): Array<string | number> {
  const p = i.path as Array<string | number>;
  return i.code === 'unrecognized_keys' && i.keys.length ? [...p, i.keys[0]] : p;
}

export function toEngineConfig(c: ScanConfig): EngineConfig {
  return { severity: c.severity, exemptions: c.exemptions, annotationExemptions: c.annotationExemptions, disabled: c.disabled, only: c.only, options: c.options };
}

/** Parses a config file; returns problems (with lines) instead of throwing. */
export function parseScanConfig(text: string, file: string): { loaded?: LoadedConfig; problems: ConfigProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) return { problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, message: e.message.split('\n')[0] })) };
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const underScan = raw && typeof raw === 'object' && 'scan' in raw;
  const body = underScan ? raw.scan : raw;
  const prefix = underScan ? ['scan'] : [];
  const parsed = ScanConfigSchema.safeParse(body ?? {});
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({ file, line: lineOf(doc, lc, [...prefix, ...issuePath(i)]), message: `${i.path.join('.') || '(root)'}: ${i.message}` })),
    };
  }
  const rulesDirs = (parsed.data.rulesDirs ?? []).map((d) => resolve(dirname(file), d));
  return { loaded: { config: parsed.data, engine: toEngineConfig(parsed.data), rulesDirs }, problems: [] };
}

export function loadScanConfig(file: string): { loaded?: LoadedConfig; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { problems: [{ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }] };
  }
  return parseScanConfig(text, file);
}
