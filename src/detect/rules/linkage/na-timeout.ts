import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, naLinks, nginxOf } from './shared.js';
import { springGet } from '../../../collect/middleware/spring.js';
import { ossStack } from './examples.js';

const meta: CheckMeta = {
  id: 'nginx-timeout-shorter-than-app',
  title: 'nginx proxy_read_timeout shorter than the application may wait for a DB connection',
  category: 'linkage',
  severity: 'warning',
  aliases: ['NA-TIMEOUT'],
  needs: [],
  docs: {
    why: 'A request can wait up to the pool connectionTimeout for a DB connection before it even runs its query; if nginx gives up earlier (proxy_read_timeout, default 60s) the user gets 504 while the application later succeeds or fails with the real error.',
    fix: 'Make proxy_read_timeout longer than the pool wait plus the slowest query (or shorten the pool timeout).',
  },
  examples: { fail: ossStack({ nginx: (s) => s.replace('proxy_read_timeout 45s', 'proxy_read_timeout 15s') }), pass: ossStack() },
};

/** Hikari connection-timeout in seconds (default 30 s). */
function poolWaitS(a: ReturnType<typeof apps>[number]): number | undefined {
  if (!a.spring) return undefined;
  const p = springGet(a.spring, 'spring.datasource.hikari.connection-timeout');
  if (!p) return 30;
  const m = /^(\d+)\s*(ms|s|m)?$/.exec(p.value.trim());
  if (!m) return undefined;
  return m[2] === 's' ? Number(m[1]) : m[2] === 'm' ? Number(m[1]) * 60 : Number(m[1]) / 1000;
}

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    const links = naLinks(inv);
    for (const ng of apps(inv, 'nginx')) {
      const n = nginxOf(ng);
      if (!n) continue;
      for (const p of n.view.proxies) {
        const backends = links.filter((l) => l.nginx === ng && (p.upstream ? l.upstream === p.upstream : l.line === p.line)).map((l) => l.backend).filter((b) => b !== undefined);
        const waits = backends.map((b) => ({ b, w: poolWaitS(b) })).filter((x) => x.w !== undefined);
        if (!waits.length) continue;
        const worst = waits.reduce((m, x) => (x.w! > m.w! ? x : m));
        if (p.readTimeoutS > worst.w!) continue;
        const want = `${Math.ceil(worst.w! + 30)}s`;
        const file = ng.files.find((f) => (f.diskPath ?? f.display) === p.file || f.mountPath === p.file) ?? n.file;
        const lineText = p.readTimeoutLine ? file.text.split('\n')[p.readTimeoutLine - 1] : undefined;
        const cur = lineText ? /proxy_read_timeout\s+([^;\s]+)/.exec(lineText)?.[1] : undefined;
        const indent = /^\s*/.exec(file.text.split('\n')[p.line - 1] ?? '')?.[0] ?? '';
        out.push(
          linkFinding(meta, {
            cis: [ng.id, worst.b!.id],
            message: `nginx ${label(ng)} location ${p.location ?? '?'} waits ${p.readTimeoutS}s for ${label(worst.b!)}, which may wait ${worst.w}s for a pooled DB connection alone`,
            evidence: { 'nginx.proxy_read_timeout_s': p.readTimeoutS, 'app.hikari.connection-timeout_s': worst.w },
            fix: `set proxy_read_timeout ${want} in location ${p.location ?? ''} (or lower the pool connection-timeout)`,
            patch: p.readTimeoutLine && cur && lineText ? diffPatch(file, [{ line: p.readTimeoutLine, from: cur, to: want }]) : diffPatch(file, [{ line: p.line, from: '', to: `${indent}proxy_read_timeout ${want};`, insertAfter: true }]),
            file,
            line: p.readTimeoutLine ?? p.line,
          }),
        );
      }
    }
    return out;
  },
};
