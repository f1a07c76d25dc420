import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, num, tipOf } from './shared.js';
import { tmaxStack, container } from './examples.js';
import { human, sizeGM } from './util.js';

const meta: CheckMeta = {
  id: 'tibero-memory-exceeds-limit',
  title: 'Tibero MEMORY_TARGET does not fit the container memory limit',
  category: 'linkage',
  severity: 'critical',
  aliases: ['TB-MEM-LIMIT'],
  needs: [],
  docs: {
    why: 'Tibero shared memory and process memory are charged to the container cgroup; MEMORY_TARGET close to or above the memory limit ends in OOMKilled and CrashLoopBackOff.',
    fix: 'Keep MEMORY_TARGET at most ~90% of the container memory limit: lower it or raise the limit (and the namespace quota).',
  },
  examples: { fail: tmaxStack({ k8s: (o) => void (container(o, 'StatefulSet', 'ledger').resources = { requests: { memory: '2Gi' }, limits: { memory: '2Gi' } }) }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv, options }) {
    const ratio = num(options.maxRatioPercent) ?? 90;
    const out: Finding[] = [];
    for (const a of apps(inv, 'tibero')) {
      const t = tipOf(a);
      const mt = t?.params.memoryTarget;
      if (!t || !mt || !a.memoryLimit) continue;
      if (mt.value * 100 <= a.memoryLimit * ratio) continue;
      const raw = t.file.parsed.format === 'tibero.tip' ? t.file.parsed.model.params.MEMORY_TARGET.value : '';
      const want = sizeGM(Math.floor((a.memoryLimit * 0.75) / 1024 ** 2) * 1024 ** 2);
      out.push(
        linkFinding(meta, {
          cis: [a.id, a.workload],
          message: `Tibero ${label(a)}: MEMORY_TARGET ${raw} does not fit the container memory limit ${human(a.memoryLimit)} (max ${ratio}%)`,
          evidence: { MEMORY_TARGET: raw, 'container.limits.memory': human(a.memoryLimit) },
          fix: `set MEMORY_TARGET to ${want} (75% of the limit) or raise the memory limit to ≥ ${human(Math.ceil((mt.value * 100) / ratio / 1024 ** 3) * 1024 ** 3)}`,
          patch: diffPatch(t.file, [{ line: mt.line, from: raw, to: want }]),
          file: t.file,
          line: mt.line,
        }),
      );
    }
    return out;
  },
};
