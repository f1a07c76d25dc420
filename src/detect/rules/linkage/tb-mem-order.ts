import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, tipOf } from './shared.js';
import { tmaxStack } from './examples.js';
import { sizeGM } from './util.js';

const meta: CheckMeta = {
  id: 'tibero-memory-order',
  title: 'Tibero memory parameters out of order',
  category: 'linkage',
  severity: 'critical',
  aliases: ['TB-MEM-ORDER'],
  needs: [],
  docs: {
    why: 'Tibero carves DB_CACHE_SIZE out of TOTAL_SHM_SIZE, and TOTAL_SHM_SIZE out of MEMORY_TARGET (the rest goes to process memory); a part larger than its whole stops the instance from booting.',
    fix: 'Keep DB_CACHE_SIZE < TOTAL_SHM_SIZE < MEMORY_TARGET.',
  },
  examples: { fail: tmaxStack({ tip: (s) => s.replace('TOTAL_SHM_SIZE=1G', 'TOTAL_SHM_SIZE=3G') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const a of apps(inv, 'tibero')) {
      const t = tipOf(a);
      if (!t) continue;
      const { memoryTarget: mt, totalShmSize: shm, dbCacheSize: cache } = t.params;
      const raw = (k: string) => t.file.parsed.format === 'tibero.tip' ? t.file.parsed.model.params[k]?.value ?? '' : '';
      if (mt && shm && shm.value >= mt.value) {
        const want = sizeGM(Math.floor(mt.value / 2));
        out.push(linkFinding(meta, {
          cis: [a.id],
          message: `Tibero ${label(a)}: TOTAL_SHM_SIZE ${raw('TOTAL_SHM_SIZE')} is not below MEMORY_TARGET ${raw('MEMORY_TARGET')}`,
          evidence: { TOTAL_SHM_SIZE: raw('TOTAL_SHM_SIZE'), MEMORY_TARGET: raw('MEMORY_TARGET') },
          fix: `set TOTAL_SHM_SIZE to ${want} (half of MEMORY_TARGET) or raise MEMORY_TARGET above it`,
          patch: diffPatch(t.file, [{ line: shm.line, from: raw('TOTAL_SHM_SIZE'), to: want }]),
          file: t.file,
          line: shm.line,
        }));
      } else if (shm && cache && cache.value >= shm.value) {
        const want = sizeGM(Math.floor(shm.value / 2));
        out.push(linkFinding(meta, {
          cis: [a.id],
          message: `Tibero ${label(a)}: DB_CACHE_SIZE ${raw('DB_CACHE_SIZE')} is not below TOTAL_SHM_SIZE ${raw('TOTAL_SHM_SIZE')}`,
          evidence: { DB_CACHE_SIZE: raw('DB_CACHE_SIZE'), TOTAL_SHM_SIZE: raw('TOTAL_SHM_SIZE') },
          fix: `set DB_CACHE_SIZE to ${want} (half of TOTAL_SHM_SIZE) or raise TOTAL_SHM_SIZE`,
          patch: diffPatch(t.file, [{ line: cache.line, from: raw('DB_CACHE_SIZE'), to: want }]),
          file: t.file,
          line: cache.line,
        }));
      }
    }
    return out;
  },
};
