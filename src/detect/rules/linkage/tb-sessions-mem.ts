import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, tipOf } from './shared.js';
import { tmaxStack } from './examples.js';
import { sizeGM } from './util.js';

const MB = 1024 ** 2;

const meta: CheckMeta = {
  id: 'tibero-sessions-memory',
  title: 'Tibero shared pool too small for MAX_SESSION_COUNT',
  category: 'linkage',
  severity: 'warning',
  aliases: ['TB-SESSIONS-MEM'],
  needs: [],
  docs: {
    why: 'Tibero sizing guidance keeps about 1 MB of shared pool per session; the shared pool is roughly TOTAL_SHM_SIZE − DB_CACHE_SIZE − LOG_BUFFER. Below that, sessions compete for shared pool memory.',
    fix: 'Raise TOTAL_SHM_SIZE (within MEMORY_TARGET) or lower MAX_SESSION_COUNT.',
  },
  examples: { fail: tmaxStack({ tip: (s) => s.replace('MAX_SESSION_COUNT=100', 'MAX_SESSION_COUNT=800') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const a of apps(inv, 'tibero')) {
      const t = tipOf(a);
      const p = t?.params;
      if (!t || !p?.totalShmSize || !p.dbCacheSize || !p.maxSessionCount) continue;
      const pool = p.totalShmSize.value - p.dbCacheSize.value - (p.logBuffer?.value ?? 0);
      const need = p.maxSessionCount.value * MB;
      if (pool >= need) continue;
      const raw = t.file.parsed.format === 'tibero.tip' ? t.file.parsed.model.params.TOTAL_SHM_SIZE.value : '';
      const wantBytes = Math.ceil((p.dbCacheSize.value + (p.logBuffer?.value ?? 0) + need) / (256 * MB)) * 256 * MB;
      const want = sizeGM(wantBytes);
      out.push(
        linkFinding(meta, {
          cis: [a.id],
          message: `Tibero ${label(a)}: shared pool ≈ ${Math.floor(pool / MB)}MB for MAX_SESSION_COUNT ${p.maxSessionCount.value} (≈1MB per session wanted)`,
          evidence: { TOTAL_SHM_SIZE: raw, shared_pool_mb: Math.floor(pool / MB), MAX_SESSION_COUNT: p.maxSessionCount.value },
          fix: `set TOTAL_SHM_SIZE to ${want}${p.memoryTarget && wantBytes >= p.memoryTarget.value ? ' and raise MEMORY_TARGET above it' : ''}, or lower MAX_SESSION_COUNT to ${Math.floor(pool / MB)}`,
          patch: diffPatch(t.file, [{ line: p.totalShmSize.line, from: raw, to: want }]),
          file: t.file,
          line: p.totalShmSize.line,
        }),
      );
    }
    return out;
  },
};
