// KB matcher throughput: every line of the Loghub development logs (plus a few middleware error
// lines) through matchLine(); the machine is shared, so treat the speed as indicative.
//   npm run build && node bench/kb-match/run.mjs
// Last line: lines/s over all passes and the share of lines with a KB match.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../dist/knowledge/kb.js';

const root = process.env.LOGHUB_DIR ?? '../shared/bench/loghub-dev';
const lines = [];
for (const d of existsSync(root) ? readdirSync(root) : []) {
  const f = join(root, d, `${d}_2k.log`);
  if (existsSync(f)) lines.push(...readFileSync(f, 'utf8').split('\n').filter(Boolean));
}
const mw = [
  '2026/11/22 10:00:01 [error] 7#7: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1',
  'HikariPool-1 - Connection is not available, request timed out after 30000ms.',
  'org.postgresql.util.PSQLException: FATAL: sorry, too many clients already',
  '[ds_shop] TBR-2131: Generic I/O error',
];
for (let i = 0; i < 200; i++) lines.push(...mw);
const kb = loadKnowledgeBase();
let matched = 0;
for (const l of lines) if (kb.matchLine(l).length) matched++;
const passes = 5;
const t0 = performance.now();
for (let p = 0; p < passes; p++) for (const l of lines) kb.matchLine(l);
const s = (performance.now() - t0) / 1000;
console.log(`entries=${kb.entries.length} lines=${lines.length} passes=${passes} seconds=${s.toFixed(2)}`);
console.log(`kb-match: ${Math.round((lines.length * passes) / s)} lines/s, ${((100 * matched) / lines.length).toFixed(1)}% of lines matched (${matched}/${lines.length})`);
