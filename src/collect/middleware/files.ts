// Reads product config files from disk (-f files/directories) for discovery. Kubernetes manifests
// are left to the manifest loader; everything else is sniffed by content.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiskFile } from './discover.js';
import { sniffFormat } from './config-file.js';

const MAX_BYTES = 2_000_000;

export function readConfigFiles(paths: string[], problems: Array<{ file: string; message: string }> = []): DiskFile[] {
  const out: DiskFile[] = [];
  const walk = (p: string, depth: number) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push({ file: p, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    if (st.isDirectory()) {
      if (depth > 12) return;
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.') && name !== 'node_modules') walk(join(p, name), depth + 1);
      return;
    }
    if (!st.isFile() || st.size > MAX_BYTES) return;
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      return;
    }
    if (sniffFormat(text, p)) out.push({ path: p, text });
  };
  for (const p of paths) if (p !== '-') walk(p, 0);
  return out;
}
