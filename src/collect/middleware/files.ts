// Reads product config files from disk (-f files/directories) for discovery. Kubernetes manifests
// are left to the manifest loader; everything else is sniffed by content.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeText } from '../decode-text.js';
import type { DiskFile } from './discover.js';
import { sniffFormat } from './config-file.js';
import { redactConfigText } from '../sanitize.js';

const MAX_BYTES = 2_000_000;
/** File names that are product configuration wherever they are found (never Kubernetes manifests). */
const PRODUCT_FILE = /^(nginx\.conf|JEUSMain\.xml|WEBMain\.xml|http\.m|tbdsn\.tbr|[^/]+\.tip|postgresql\.conf|my\.cnf)$/;
/** Also other products' names (WildFly/GlassFish domain.xml, Jetty server.xml): flagged only when not XML at all. */
const XML_PRODUCT_FILE = /^(server|domain)\.xml$/;

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
    if (!st.isFile()) return;
    const product = PRODUCT_FILE.test(basename(p));
    if (st.size > MAX_BYTES) {
      if (product) problems.push({ file: p, message: `larger than ${MAX_BYTES} bytes: not read as configuration` });
      return;
    }
    let text: string;
    try {
      // Same redaction as ConfigMap data, so a file still matches the ConfigMap holding it.
      text = redactConfigText(decodeText(readFileSync(p)));
    } catch (e) {
      if (product) problems.push({ file: p, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    if (sniffFormat(text, p)) out.push({ path: p, text });
    // Other files in a directory are none of ours; but one named like a product's configuration that
    // we cannot recognise (binary, truncated, corrupted) would otherwise vanish without a word.
    else if ((product || (XML_PRODUCT_FILE.test(basename(p)) && (text.includes('\u0000') || !/^\s*</.test(text)))) && !/^\s*$/.test(text)) problems.push({ file: p, message: `named like product configuration but not recognised as one${text.includes('\u0000') ? ' (binary content)' : ''}: skipped` });
  };
  for (const p of paths) if (p !== '-') walk(p, 0);
  return out;
}
