import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, filesOf, label, linkFinding, num, type AppInstance, type ConfigFile } from './shared.js';
import { parseBinarySize } from '../../../collect/middleware/sizes.js';
import { tmaxStack } from './examples.js';
import { human } from './util.js';

const meta: CheckMeta = {
  id: 'jvm-heap-near-limit',
  title: 'JVM heap leaves no room below the container memory limit',
  category: 'linkage',
  severity: 'warning',
  aliases: ['APP-HEAP-LIMIT'],
  needs: [],
  docs: {
    why: 'The JVM needs memory beyond the heap (metaspace, threads, direct buffers, GC); with -Xmx (or MaxRAMPercentage) above ~80% of the container limit the kernel kills the pod (OOMKilled) before Java can report an OutOfMemoryError.',
    fix: 'Keep -Xmx at about 75% of the memory limit (or use -XX:MaxRAMPercentage=75).',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('-Xmx700m', '-Xmx1g') }), pass: tmaxStack() },
};

interface HeapSetting {
  bytes: number;
  text: string;
  origin: string;
  file?: ConfigFile;
  line?: number;
}

function heapOf(a: AppInstance): HeapSetting | undefined {
  for (const f of filesOf(a, 'jeus.xml')) {
    for (const s of f.parsed.model.servers) for (const o of s.jvmOptions) {
      const m = /-Xmx(\d+[kKmMgG]?)/.exec(o.value);
      if (m) return { bytes: parseBinarySize(m[1])!, text: `-Xmx${m[1]}`, origin: `domain.xml server ${s.name}`, file: f, line: o.line };
    }
  }
  const sources: Array<[string, string | undefined]> = [
    ...['JAVA_TOOL_OPTIONS', 'JAVA_OPTS', 'JDK_JAVA_OPTIONS', 'CATALINA_OPTS', 'JVM_OPTS'].map((k) => [`env ${k}`, a.env[k]] as [string, string | undefined]),
    ['args', a.args.join(' ')],
  ];
  for (const [origin, v] of sources) {
    if (!v) continue;
    const m = /-Xmx(\d+[kKmMgG]?)/.exec(v);
    if (m) return { bytes: parseBinarySize(m[1])!, text: `-Xmx${m[1]}`, origin };
    const p = /-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)/.exec(v);
    if (p && a.memoryLimit) return { bytes: Math.round((a.memoryLimit * Number(p[1])) / 100), text: `-XX:MaxRAMPercentage=${p[1]}`, origin };
  }
  return undefined;
}

export const check: Check = {
  meta,
  run({ inv, options }) {
    const ratio = num(options.maxRatioPercent) ?? 80;
    const out: Finding[] = [];
    for (const a of apps(inv).filter((x) => ['jeus', 'spring', 'tomcat'].includes(x.product))) {
      if (!a.memoryLimit) continue;
      const h = heapOf(a);
      if (!h || h.bytes * 100 <= a.memoryLimit * ratio) continue;
      const wantMb = Math.floor((a.memoryLimit * 0.75) / 1024 ** 2);
      const want = h.text.startsWith('-XX:') ? '-XX:MaxRAMPercentage=75' : `-Xmx${wantMb}m`;
      out.push(
        linkFinding(meta, {
          cis: [a.id, a.workload],
          message: `${a.product} ${label(a)}: heap ${h.text} (${human(h.bytes)}, from ${h.origin}) is over ${ratio}% of the container memory limit ${human(a.memoryLimit)}`,
          evidence: { heap: h.text, origin: h.origin, 'container.limits.memory': human(a.memoryLimit) },
          fix: `set ${want} (75% of the limit) or raise the memory limit`,
          patch: h.file && h.line ? diffPatch(h.file, [{ line: h.line, from: h.text, to: want }]) : undefined,
          file: h.file,
          line: h.line,
        }),
      );
    }
    return out;
  },
};
