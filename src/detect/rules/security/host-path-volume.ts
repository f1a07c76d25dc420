import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import type { FindingInput } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';

const SENSITIVE = /^\/(var\/run\/docker\.sock|run\/containerd|var\/run\/crio|etc|proc|sys|root|var\/lib\/kubelet|boot|dev)?\/?$|docker\.sock|containerd\.sock|crio\.sock/;

const meta: CheckMeta = {
  id: 'host-path-volume',
  title: 'hostPath volume',
  category: 'security',
  severity: 'warning',
  aliases: ['polaris:hostPathSet', 'kube-linter:sensitive-host-mounts', 'kube-linter:docker-sock'],
  needs: [],
  docs: {
    why: 'hostPath mounts node directories into the pod; the container runtime socket, /, /etc or /proc give full control of the node (critical), any other path ties the pod to one node\'s disk.',
    fix: 'Use a PersistentVolumeClaim, ConfigMap or emptyDir instead; node agents that truly need it should be exempted explicitly.',
  },
  examples: {
    fail: yamlDocs(deployment('web', { volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }] })),
    pass: yamlDocs(deployment('web', { volumes: [{ name: 'tmp', emptyDir: {} }] })),
  },
};

export const check = perTemplate(meta, (tpl) => {
  const out: FindingInput[] = [];
  for (const v of (Array.isArray(tpl.spec?.volumes) ? tpl.spec.volumes : []) as Array<{ name?: string; hostPath?: { path?: string } }>) {
    const path = v?.hostPath?.path;
    if (path === undefined) continue;
    const bad = SENSITIVE.test(path);
    out.push({ severity: bad ? 'critical' : 'warning', message: `volume ${v.name} mounts host path ${path}${bad ? ' (node-sensitive)' : ''}`, evidence: { volume: v.name, hostPath: path } });
  }
  return out;
});
