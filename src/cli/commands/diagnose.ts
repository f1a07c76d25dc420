// `hypercas diagnose SYMPTOM -f PATH`: walk a diagnosis playbook over manifests and product config
// files; print the chain of evidence step by step, ending in the concrete fix. Implementation in diagnose-run.ts.
import type { Register } from '../main.js';
import type { DiagnoseOpts } from './diagnose-run.js';

const collect = (v: string, prev: string[]) => [...prev, v];

export const register: Register = (program, ctx, done) => {
  program
    .command('diagnose')
    .description('guided diagnosis of a symptom (http-5xx, db-connection-errors, pod-not-ready): linkage config first, then the environment')
    .argument('[symptom]', 'playbook id; omit to list the playbooks')
    .option('-f, --file <path>', 'manifests and product config files or directories (repeatable)', collect, [])
    .option('--target <target>', 'Ingress/Service/workload (Kind/name or Kind/namespace/name) or URL to scope the diagnosis')
    .option('--logs <file>', 'log file to match against the knowledge base (repeatable)', collect, [])
    .option('--kb <dir>', 'additional knowledge-base pack directory (repeatable)', collect, [])
    .option('--playbooks <dir>', 'additional playbook directory (repeatable)', collect, [])
    .option('--config-space <dir>', 'additional ConfigSpace pack directory (repeatable)', collect, [])
    .option('--prometheus <url>', 'Prometheus base URL for metric signals')
    .option('--context <name>', 'kubeconfig context to diagnose live (default when no -f: current context)')
    .option('--kubeconfig <path>', 'kubeconfig file (default $KUBECONFIG or ~/.kube/config)')
    .option('--in-cluster', 'use the pod service account (when running inside Kubernetes)')
    .action(async (symptom: string | undefined, opts: DiagnoseOpts) => (await import('./diagnose-run.js')).diagnose(ctx, done, symptom, opts));
};
