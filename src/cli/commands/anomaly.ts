// `hypercas anomaly FILE | --prom URL --query Q`: metric anomalies with their explanation.
// `--scores` prints exactly one score in [0, 1] per data row and nothing else (the NAB contract).
// Implementation in anomaly-run.ts.
import type { Register } from '../main.js';
import { clusterNameOption } from '../util.js';
import type { AnomalyOpts } from './anomaly-run.js';

const collect = (v: string, prev: string[]) => [...prev, v];

export const register: Register = (program, ctx, done) => {
  program
    .command('anomaly [file]')
    .description('find anomalies in a metric series: a CSV (timestamp,value), an OpenMetrics text file, or a Prometheus query')
    .option('--scores', 'print exactly one anomaly score in [0, 1] per data row, nothing else')
    .option('--prom <url>', 'Prometheus base URL (query_range API)')
    .option('--query <promql>', 'PromQL query (with --prom)')
    .option('--start <time>', 'range start: RFC 3339, Unix seconds or now-<duration>', 'now-1d')
    .option('--end <time>', 'range end', 'now')
    .option('--step <duration>', 'resolution, e.g. 30s, 5m', '1m')
    .option('--header <name=value>', 'extra HTTP header for Prometheus (repeatable)', collect, [])
    .option('--bearer-token-file <file>', 'file holding a bearer token for Prometheus (also: $HYPERCAS_PROM_TOKEN)')
    .option('--timeout <duration>', 'give up on a Prometheus request after this long (each of up to 4 attempts)', '30s')
    .option('--counter', 'the series is a counter (resets allowed): analyse its per-second rate')
    .option('--no-seasonal', 'do not learn hour-of-day / day-of-week profiles')
    .option('--threshold <score>', 'score at which an anomaly is reported (1 − p: 0.999 ≈ one false alarm per 1,000 normal points; NAB optimum ≈ 0.99)', '0.999')
    .option('--driver <file.csv>', 'driver series (timestamp,value) the metric should follow (repeatable)', collect, [])
    .option('--plot <out.html>', 'write a chart of the series, expected band and anomalies')
    .option('--store', 'store the anomalies as events in the CMDB (see --db)')
    .option('--cluster <name>', 'cluster name for CI ids derived from series labels', clusterNameOption, 'default')
    .option('--fail', 'exit 1 when anomalies are found')
    .action(async (file: string | undefined, o: AnomalyOpts) => (await import('./anomaly-run.js')).anomaly(ctx, done, file, o));
};
