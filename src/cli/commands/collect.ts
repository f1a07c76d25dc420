// `hypercas collect`: read cluster state (files or live) and store it as a CMDB snapshot.
// Implementation in collect-run.ts.
import type { Register } from '../main.js';
import { repeatable, clusterNameOption } from '../util.js';
import type { CollectOpts } from './collect-run.js';

export const register: Register = (program, ctx, done) => {
  program
    .command('collect')
    .description('read cluster state (live API or manifest files) and store it in the CMDB as a snapshot')
    .option('-f, --file <path>', 'manifest file or directory (recursive), "-" for stdin; repeatable', repeatable, [])
    .option('--context <name>', 'kubeconfig context to collect (repeatable, one cluster each); default: current context', repeatable, [])
    .option('--kubeconfig <path>', 'kubeconfig file (default $KUBECONFIG or ~/.kube/config)')
    .option('--in-cluster', 'use the pod service account (when running inside Kubernetes)')
    .option('--cluster <name>', 'cluster name for file input (CI ids are cluster/kind/namespace/name)', clusterNameOption, 'local')
    .option('--graph [format]', 'print the relation graph afterwards (table|json|dot|mermaid)')
    .addHelpText('after', `
Examples:
  hypercas collect -f k8s/                      # a directory of manifests
  kubectl get all -A -o json | hypercas collect -f -
  hypercas collect --context prod --context staging
Exit codes: 0 ok, 3 some input was bad or unreadable (reported, the rest stored), 2 nothing usable or a
bad kubeconfig, 4 cluster unreachable or credentials rejected.`)
    .action(async (opts: CollectOpts) => (await import('./collect-run.js')).collect(ctx, done, opts));
};
