// -f inputs → inventory with application CIs: manifests through the shared loader, product config
// files through readConfigFiles, then discovery. The one entry point the CLI commands use offline.
import { loadManifests, type LoadProblem } from '../files/load-manifests.js';
import { buildInventory } from '../../cmdb/build-inventory.js';
import type { Inventory } from '../../cmdb/inventory.js';
import { discoverApplications, withApplications, type Discovery } from './discover.js';
import { readConfigFiles } from './files.js';
import { issueText } from './types.js';

export interface LoadedStack {
  inv: Inventory;
  discovery: Discovery;
  /** Input problems, one line each (`file:line: message`). */
  problems: string[];
}

export function loadStack(paths: string[], opts: { cluster?: string } = {}): LoadedStack {
  const res = loadManifests(paths);
  const problems: string[] = res.problems
    .filter((p: LoadProblem) => p.level === 'error')
    .map((p: LoadProblem) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  const fileProblems: Array<{ file: string; message: string }> = [];
  const files = readConfigFiles(paths, fileProblems);
  problems.push(...fileProblems.map((p) => `${p.file}: ${p.message}`));
  const base = buildInventory(res.objects, { cluster: opts.cluster ?? 'local', live: false });
  const discovery = discoverApplications(base, { files });
  problems.push(...discovery.problems.map(issueText));
  return { inv: withApplications(base, discovery), discovery, problems: [...new Set(problems)] };
}
