// `hypercas logs parse|templates|anomalies|redact`: log analytics on files or stdin.
// Implementation in logs-run.ts (loaded when a subcommand runs).
//
// The global `-o/--output` only takes table|json|yaml (commander checks choices on the root
// program before the subcommand sees the value), so the benchmark's "only the template per
// line" output is `logs parse FILE --print templates`.
import type { Register } from '../main.js';
import { positiveIntOption, clusterNameOption } from '../util.js';
import { UserError } from '../exit-codes.js';
import type { CommonOpts } from './logs-run.js';

const collectList = (v: string, prev: string[]) => [...prev, ...v.split(',').filter(Boolean)];
const collectRepeat = (v: string, prev: string[]) => [...prev, v];

export const register: Register = (program, ctx, done) => {
  const logs = program.command('logs').description('log analytics: templates, tags, anomalies, PII redaction (files, or - for stdin)');

  const common = (c: ReturnType<typeof logs.command>) =>
    c
      .option('--format <fmt>', 'auto | plain | json | cri | a header format such as "<Date> <Time> <Level> <Component>: <Content>"', 'auto')
      .option('--no-redact', 'do not redact PII before mining and printing')
      .option('--store', 'load and save templates in the CMDB (see --db) so template ids stay stable across runs')
      .option('--scope <name>', 'template scope in the store (default: --ci or the file name)')
      .option('--ci <id>', 'the CI the lines come from (cluster/kind/namespace/name)')
      .option('--max-shapes <n>', 'memory bound: distinct line shapes (hence templates) kept, default 50000; beyond it the least recently seen templates are evicted into <*>; with --store also the templates held from the store (the least recently seen are saved and dropped from memory)', (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 16) throw new UserError(`--max-shapes wants an integer >= 16, got ${v}`);
        return n;
      });

  common(logs.command('parse [file]'))
    .description('one record per input line with its template id and template')
    .option('--print <what>', 'records (default) | templates: only the template string per line, in input order', 'records')
    .action(async (file: string | undefined, o: CommonOpts & { print: string; maxShapes?: number }) => (await import('./logs-run.js')).logsParse(ctx, done, file, o));

  const backends = (c: ReturnType<typeof logs.command>) =>
    c
      .option('--loki <url>', 'read from Loki (query_range) instead of a file; with --query')
      .option('--query <logql>', 'LogQL log query for --loki, e.g. {namespace="shop"}')
      .option('--org-id <tenant>', 'Loki tenant (X-Scope-OrgID)')
      .option('--elastic <url>', 'read from Elasticsearch/OpenSearch (_search, search_after); with --index')
      .option('--index <pattern>', 'index pattern for --elastic, e.g. logs-*')
      .option('--es-query <json>', 'extra query clause for --elastic (JSON)')
      .option('--pod <namespace/name>', 'read a pod\'s logs through the Kubernetes API')
      .option('--container <name>', 'container of --pod')
      .option('--context <name>', 'kubeconfig context for --pod')
      .option('--kubeconfig <file>', 'kubeconfig for --pod')
      .option('--start <time>', 'range start for a backend: RFC 3339, epoch, now-<duration>', 'now-1h')
      .option('--end <time>', 'range end for a backend', 'now')
      .option('--cluster <name>', 'cluster name for CI ids of backend records', clusterNameOption, 'default')
      .option('--header <name=value>', 'extra HTTP header for Loki/Elasticsearch (repeatable)', collectRepeat, []);

  backends(common(logs.command('templates [file]')))
    .description('the templates of a log: counts, ids, an example each (most frequent first)')
    .option('--limit <n>', 'at most n templates', positiveIntOption('--limit'))
    .action(async (file: string | undefined, o: CommonOpts & { limit?: number; maxShapes?: number }) => (await import('./logs-run.js')).logsTemplates(ctx, done, file, o));

  backends(common(logs.command('anomalies [file]')))
    .description('log anomalies as events: new templates, rates off their hour-of-week baseline, missing templates, error bursts, broken sequences')
    .option('--since <time>', 'start of the window under test (RFC 3339 or epoch); default: the last hour of the data')
    .option('--sequence-window <seconds>', 'Δt for "a is followed by b" rules', (v) => Number(v), 60)
    .option('--store-events', 'add the events to the CMDB event store (see --db)')
    .option('--fail', 'exit 1 when anomalies are found')
    .action(async (file: string | undefined, o: CommonOpts & { since?: string; sequenceWindow: number; storeEvents?: boolean; fail?: boolean; maxShapes?: number }) => (await import('./logs-run.js')).logsAnomalies(ctx, done, file, o));

  logs
    .command('redact [file]')
    .description('filter: copy lines with PII redacted (stdin to stdout by default); counts per rule on stderr')
    .option('--rules <names>', 'comma-separated rules (default: all but IPs): url-password (URL user-info: user and password),jwt,bearer,kv-secret,email,rrn,card,phone-kr,phone-intl,ipv4,ipv6', collectList, [])
    .option('--ip', 'also redact IP addresses')
    .action(async (file: string | undefined, o: { rules: string[]; ip?: boolean }) => (await import('./logs-run.js')).logsRedact(ctx, done, file, o));
};
