// `hypercas scan`: collect (files or live), run every applicable check, render the findings.
// Implementation in scan-run.ts (it loads the check registry).
import type { Register } from '../main.js';
import { repeatable, clusterNameOption } from '../util.js';
import type { ScanOpts } from './scan-run.js';

export type Format = 'table' | 'json' | 'yaml' | 'html' | 'sarif' | 'junit';
export const FORMATS: Format[] = ['table', 'json', 'yaml', 'html', 'sarif', 'junit'];

export const register: Register = (program, ctx, done) => {
  program
    .command('scan')
    .description('run the detection-as-code checks on manifests or a live cluster and report findings with fixes')
    .option('-f, --file <path>', 'manifest file or directory (recursive), "-" for stdin; repeatable', repeatable, [])
    .option('--context <name>', 'kubeconfig context to scan live (repeatable); default when no -f: current context', repeatable, [])
    .option('--kubeconfig <path>', 'kubeconfig file (default $KUBECONFIG or ~/.kube/config)')
    .option('--in-cluster', 'use the pod service account (when running inside Kubernetes)')
    .option('--cluster <name>', 'cluster name for file input', clusterNameOption, 'local')
    .option('--rules <dir>', 'directory (or file) of YAML/CEL user rules; repeatable', repeatable, [])
    .option('--config <file>', 'scan config: exemptions, severity overrides, disabled checks, options, rulesDirs')
    .option('--format <format>', `report format: ${FORMATS.join('|')} (default: the global -o)`)
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding at or above this severity remains: warning|critical|info|none')
    .option('--previous <path>', 'the previous state for history checks (change-detaches-relation): manifests, or a stored snapshot @ID/@latest; repeatable', repeatable, [])
    .option('--store', 'record the scanned state as a CMDB snapshot and the findings as events (the previous snapshot becomes the history)')
    .option('--no-annotation-exemptions', `ignore the hypercas.io/ignore annotation (central governance)`)
    .option('--only <ids>', 'comma-separated check ids or aliases to run')
    .option('-v, --verbose', 'list every skipped check')
    .addHelpText('after', `
Examples:
  hypercas scan -f k8s/                           # table grouped by severity, with fixes
  hypercas scan -f k8s/ --format sarif --out hypercas.sarif --fail-on critical
  hypercas scan -f k8s/ --previous base/k8s/      # also flag relations the change breaks
  hypercas scan --context prod --format html --out report.html
Exemptions: annotate an object or namespace with hypercas.io/ignore: "check-id,check-id", or list them in --config.
Exit codes: 0 ok; 1 findings at/above --fail-on (wins over 3); 3 input, rule or config problems were reported (the scan
used the rest); 2 nothing usable / bad usage; 4 cluster unreachable; 70 a check crashed (internal error).`)
    .action(async (opts: ScanOpts) => (await import('./scan-run.js')).scan(ctx, done, opts));
};
