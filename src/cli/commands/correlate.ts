// `hypercas correlate INPUT`: relations discovered from telemetry. INPUT is a long-format CSV
// (timestamp,ci,metric,value), an OpenMetrics text file, or a directory of them. `--store` writes
// the relations to the CMDB (source `inferred`) and compares them with the declared ones.
// Implementation in correlate-run.ts.
import type { Register } from '../main.js';
import { repeatable, clusterNameOption } from '../util.js';
import type { CorrelateOpts } from './correlate-run.js';

export const register: Register = (program, ctx, done) => {
  program
    .command('correlate [input]')
    .description('discover relations between CIs from their metrics: a long CSV (timestamp,ci,metric,value), OpenMetrics text, a directory of them, or Prometheus queries')
    .option('--prom <url>', 'Prometheus base URL: series come from --query (CIs from namespace + workload/pod labels)')
    .option('--query <promql>', 'PromQL range query (repeatable), e.g. sum by (namespace, deployment) (rate(http_requests_total[5m]))', repeatable, [])
    .option('--start <time>', 'range start: RFC 3339, Unix seconds or now-<duration>', 'now-1d')
    .option('--end <time>', 'range end', 'now')
    .option('--prom-step <duration>', 'query resolution', '1m')
    .option('--header <name=value>', 'extra HTTP header for Prometheus (repeatable)', repeatable, [])
    .option('--bearer-token-file <file>', 'file holding a bearer token for Prometheus (also: $HYPERCAS_PROM_TOKEN)')
    .option('--timeout <duration>', 'give up on a Prometheus request after this long (each of up to 4 attempts)', '30s')
    .option('--max-lag <duration>', 'largest lead/lag looked at', '10m')
    .option('--step <duration>', 'resampling grid (default: the coarsest scrape interval)')
    .option('--alpha <q>', 'false-discovery rate across all pairs (Benjamini–Hochberg)', '0.05')
    .option('--min-r <r>', 'least |correlation| reported, however significant', '0.15')
    .option('--method <m>', 'spearman (ranks, robust to spikes) or pearson', 'spearman')
    .option('--candidates <mode>', 'auto | all | namespace | lsh | namespace+lsh (pruning for very many series)', 'auto')
    .option('--no-prune', 'keep indirect relations (chains, common upstreams)')
    .option('--threads <n>', 'worker threads for the all-pairs screen (default: cores)')
    .option('--events <file>', 'events (JSON array or JSON lines of HcEvent) for co-occurrence evidence')
    .option('--events-from-store', 'use the anomaly events stored in the CMDB')
    .option('--event-window <duration>', 'events this close count as co-occurring', '5m')
    .option('--store', 'store the relations in the CMDB (source inferred) and compare with the declared ones')
    .option('--cluster <name>', 'cluster for CI ids derived from OpenMetrics labels', clusterNameOption, 'default')
    .action(async (input: string | undefined, o: CorrelateOpts) => (await import('./correlate-run.js')).correlate(ctx, done, input, o));
};
