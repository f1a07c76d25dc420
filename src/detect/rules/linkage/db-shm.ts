import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, label, linkFinding, pgOf } from './shared.js';
import { ossStack, obj } from './examples.js';

const meta: CheckMeta = {
  id: 'postgres-shm-not-mounted',
  title: 'PostgreSQL pod has the default 64MB /dev/shm',
  category: 'linkage',
  severity: 'warning',
  aliases: ['DB-SHM'],
  needs: [],
  docs: {
    why: 'With dynamic_shared_memory_type = posix (the default) PostgreSQL parallel queries allocate in /dev/shm, which a container limits to 64MB: queries fail with "could not resize shared memory segment … No space left on device".',
    fix: 'Mount an emptyDir with medium: Memory at /dev/shm in the PostgreSQL pod.',
  },
  examples: {
    fail: ossStack({ k8s: (o) => { const s = obj(o, 'StatefulSet', 'pg').spec.template.spec; s.containers[0].volumeMounts = s.containers[0].volumeMounts.filter((m: { name: string }) => m.name !== 'shm'); s.volumes = s.volumes.filter((v: { name: string }) => v.name !== 'shm'); } }),
    pass: ossStack(),
  },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const a of apps(inv, 'postgresql')) {
      const pg = pgOf(a);
      if (!pg || !a.template || !a.container) continue;
      if ((pg.conf.settings.dynamic_shared_memory_type?.value ?? 'posix') !== 'posix') continue;
      const vols = new Map<string, { emptyDir?: { medium?: string } }>();
      for (const v of a.template.spec.volumes ?? []) vols.set(v.name, v);
      const shm = (a.container.volumeMounts ?? []).find((m: { mountPath?: string; name: string }) => m.mountPath === '/dev/shm' && vols.get(m.name)?.emptyDir?.medium === 'Memory');
      if (shm) continue;
      const owner = a.template.owner;
      out.push(
        linkFinding(meta, {
          cis: [a.id, owner],
          message: `PostgreSQL ${label(a)} uses POSIX dynamic shared memory but ${owner.ci.kind} ${owner.ci.name} mounts no memory emptyDir at /dev/shm (64MB default)`,
          evidence: { dynamic_shared_memory_type: pg.conf.settings.dynamic_shared_memory_type?.value ?? 'posix (default)', 'dev-shm': 'container default (64MB)' },
          fix: `add a volume {name: dshm, emptyDir: {medium: Memory, sizeLimit: 256Mi}} mounted at /dev/shm in container ${a.container.name}`,
          patch: { type: 'kubectl', target: owner.ci.id, content: `kubectl -n ${owner.ci.namespace} patch ${owner.ci.kind.toLowerCase()} ${owner.ci.name} --type=json -p '[{"op":"add","path":"/spec/template/spec/volumes/-","value":{"name":"dshm","emptyDir":{"medium":"Memory","sizeLimit":"256Mi"}}},{"op":"add","path":"/spec/template/spec/containers/0/volumeMounts/-","value":{"name":"dshm","mountPath":"/dev/shm"}}]'` },
        }),
      );
    }
    return out;
  },
};
