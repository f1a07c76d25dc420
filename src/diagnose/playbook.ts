// Diagnosis playbooks: declarative YAML (knowledge/playbooks/*.yaml, plus user directories).
import { z } from 'zod';
import { builtinKnowledgeDir, loadYamlPack, readText, yamlFiles, type PackProblem } from '../knowledge/yaml-load.js';

export const SIGNALS = ['config-space', 'pod-state', 'events', 'logs', 'metrics', 'dns', 'calico', 'metallb'] as const;
export type Signal = (typeof SIGNALS)[number];

const Step = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    /** Check ids or reference rule ids (aliases); run through the detection engine. */
    checks: z.array(z.string()).default([]),
    /** What to look at when there is nothing (more) to check in the configuration. */
    signals: z.array(z.enum(SIGNALS)).default([]),
    /** End the walk when this step finds a cause (its fixes are the answer). */
    stop: z.boolean().default(false),
  })
  .refine((s) => s.checks.length + s.signals.length > 0, { message: 'a step needs checks or signals' });

export const PlaybookSchema = z.object({
  id: z.string().min(1),
  symptom: z.string().min(1),
  description: z.string().optional(),
  steps: z.array(Step).min(1),
});

export type Playbook = z.infer<typeof PlaybookSchema> & { file: string };

export function loadPlaybooks(dirs: string[] = [], opts: { builtin?: boolean } = {}): { playbooks: Map<string, Playbook>; problems: PackProblem[] } {
  const playbooks = new Map<string, Playbook>();
  const problems: PackProblem[] = [];
  for (const p of [...(opts.builtin === false ? [] : [builtinKnowledgeDir('playbooks')]), ...dirs]) {
    let files: string[];
    try {
      files = yamlFiles(p);
    } catch (e) {
      problems.push({ file: p, line: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      continue;
    }
    for (const file of files) {
      const r = loadYamlPack(readText(file), file, PlaybookSchema);
      problems.push(...r.problems);
      if (r.value) playbooks.set(r.value.id, { ...r.value, file });
    }
  }
  return { playbooks, problems };
}
