// The command list. Add a command: write commands/<name>.ts exporting `register`, add it here.
// Keep <name>.ts light (options and help; `import type` only from the library) and put the work in
// <name>-run.ts, imported by the action: every invocation loads all these modules (startup.test.ts).
import type { Register } from '../main.js';
import { register as kb } from './kb.js';
import { register as diagnose } from './diagnose.js';
import { register as collect } from './collect.js';
import { register as ci } from './ci.js';
import { register as graph } from './graph.js';
import { register as diff } from './diff.js';
import { register as snapshots } from './snapshots.js';
import { register as anomaly } from './anomaly.js';
import { register as correlate } from './correlate.js';
import { register as logs } from './logs.js';
import { register as scan } from './scan.js';
import { register as rules } from './rules.js';

export const commands: Register[] = [collect, ci, graph, diff, snapshots, kb, diagnose, anomaly, correlate, scan, rules, logs];
