// Small helpers shared by command modules.
import { UserError } from './exit-codes.js';
import { writeFileSync } from 'node:fs';
import { decodeText } from '../collect/decode-text.js';

/** commander collector for repeatable options. */
export function repeatable(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  // Same decoding as files: `Get-Content x.yaml | hypercas collect -f -` on Windows pipes UTF-16.
  return decodeText(Buffer.concat(chunks));
}

export function parsePositiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${v}`);
  return n;
}

/**
 * commander parser for counts and ids: `Number('abc')` is NaN and `--limit -5` would silently mean
 * "no limit" in the store, so reject both as usage errors naming the flag.
 */
export function positiveIntOption(flag: string): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!/^\s*\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UserError(`${flag} wants a positive integer, got "${v}"`);
    return n;
  };
}

/** Writes an output file the user named (`--out`, `--plot`); a bad path is a usage error naming it, not a crash. */
export function writeUserFile(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UserError(`${flag} ${path}: cannot write (${err.code ?? err.message})`);
  }
}

/** commander parser for a cluster name that goes into CI ids (`cluster/kind/namespace/name`): not empty. */
export function clusterNameOption(v: string): string {
  if (!/\S/.test(v) || /[\s\u0000-\u001f]/.test(v)) throw new UserError(`--cluster wants a non-empty name without spaces, got ${JSON.stringify(v)}`);
  return v;
}
