// One measured run in a fresh process: load a dump directory, build the inventory (relations),
// store it as a CMDB snapshot in a SQLite file, run every built-in check on it, and print the
// timings and peak RSS as JSON.
import { rmSync } from 'node:fs';
import { collectFiles, storeCollected } from '../../dist/collect/collect.js';
import { SqliteStore } from '../../dist/cmdb/sqlite-store.js';
import { runChecks } from '../../dist/detect/engine.js';
import { allBuiltinChecks as builtinChecks } from '../../dist/detect/registry.js';

const [dir, dbPath] = process.argv.slice(2);
const cpu = () => (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
const t0 = performance.now();
const collected = collectFiles([dir], { cluster: 'bench' });
const t1 = performance.now();
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
const store = new SqliteStore(dbPath);
storeCollected(store, collected);
store.close();
const t2 = performance.now();
const scan = runChecks(collected.inventory, builtinChecks);
const t3 = performance.now();
const objects = collected.inventory.items.length;
console.log(JSON.stringify({
  objects, relations: collected.inventory.relations.length, problems: collected.problems.length,
  checks: builtinChecks.length, findings: scan.findings.length,
  loadAndRelateSeconds: (t1 - t0) / 1000, storeSeconds: (t2 - t1) / 1000, scanSeconds: (t3 - t2) / 1000, totalSeconds: (t3 - t0) / 1000,
  cpuSeconds: cpu(),
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
}));
