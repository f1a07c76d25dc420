// Scale benchmark: synthetic clusters up to the Kubernetes scalability envelope (5,000 nodes,
// 150,000 pods): collect + relation building + CMDB store + every built-in check, each size in a
// fresh process.
//   npm run build && node bench/scale/run.mjs [--sizes small,medium,full]
// Last line: the largest size's objects/s and peak RSS.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = { small: { pods: 3000, nodes: 100 }, medium: { pods: 30000, nodes: 1000 }, full: { pods: 150000, nodes: 5000 } };
const arg = process.argv.indexOf('--sizes');
const chosen = (arg > 0 ? process.argv[arg + 1] : 'small,medium,full').split(',');
const root = '.bench-out/scale';
mkdirSync(root, { recursive: true });
let last = '';
for (const name of chosen) {
  const size = SIZES[name];
  if (!size) throw new Error(`unknown size ${name} (${Object.keys(SIZES).join(', ')})`);
  const dir = join(root, `${name}-${size.pods}`);
  if (!existsSync(join(dir, 'cluster.json'))) {
    process.stderr.write(`generating ${name}: ${size.pods} pods, ${size.nodes} nodes …\n`);
    execFileSync(process.execPath, ['bench/scale/generate.mjs', '--pods', String(size.pods), '--nodes', String(size.nodes), '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const out = execFileSync(process.execPath, ['--max-old-space-size=6144', 'bench/scale/collect.mjs', dir, join(root, `${name}.db`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const r = JSON.parse(out.trim().split('\n').pop());
  const ops = r.objects / r.totalSeconds;
  console.log(`${name.padEnd(6)} pods=${size.pods} nodes=${size.nodes} objects=${r.objects} relations=${r.relations} load+relate=${r.loadAndRelateSeconds.toFixed(1)}s store=${r.storeSeconds.toFixed(1)}s scan=${r.scanSeconds.toFixed(1)}s (${r.checks} checks, ${r.findings} findings) total=${r.totalSeconds.toFixed(1)}s cpu=${r.cpuSeconds.toFixed(1)}s objects/s=${Math.round(ops)} peakRSS=${Math.round(r.maxRssMiB)}MiB`);
  last = `scale ${name}: objects=${r.objects} total=${r.totalSeconds.toFixed(1)}s objects/s=${Math.round(ops)} peakRSS=${Math.round(r.maxRssMiB)}MiB`;
}
console.log(last);
