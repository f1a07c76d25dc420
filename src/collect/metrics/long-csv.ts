// Long-format metric CSV (`timestamp,ci,metric,value`), one file or a directory of them, into Series
// grouped per (ci, metric). Bad rows are reported with file:line and skipped; the rest is kept.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { decodeText } from '../decode-text.js';
import { join } from 'node:path';
import type { Series } from '../../model/telemetry.js';

export interface LongCsvProblem {
  file: string;
  line: number;
  message: string;
}

export interface LongCsvResult {
  series: Series[];
  problems: LongCsvProblem[];
  files: string[];
  rows: number;
}

const HEADER = ['timestamp', 'ci', 'metric', 'value'];

/** Unix milliseconds from RFC 3339 or Unix seconds (fractional allowed); undefined when neither. */
export function parseTimestamp(s: string): number | undefined {
  const t = s.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const v = Number(t);
    return Number.isFinite(v) ? v * 1000 : undefined;
  }
  // RFC 3339 needs a date, a time and a zone; Date.parse alone accepts too much (e.g. "2024").
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/.test(t)) return undefined;
  const v = Date.parse(t.replace(' ', 'T'));
  return Number.isFinite(v) ? v : undefined;
}

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"') {
        if (line[i + 1] === '"') (cur += '"'), i++;
        else q = false;
      } else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}

interface Acc {
  ci: string;
  metric: string;
  ts: number[];
  vs: number[];
}

/** Parses one file's text into the accumulator; `file` is only used in problem reports. */
export function parseLongCsv(text: string, file: string, acc: Map<string, Acc> = new Map(), problems: LongCsvProblem[] = []): { acc: Map<string, Acc>; problems: LongCsvProblem[]; rows: number } {
  const lines = text.split(/\r?\n/);
  let rows = 0;
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cells = splitCsvLine(raw).map((c) => c.trim());
    if (!headerSeen) {
      headerSeen = true;
      if (cells.length !== 4 || cells.some((c, k) => c.toLowerCase() !== HEADER[k])) {
        problems.push({ file, line: i + 1, message: `expected header "${HEADER.join(',')}", got ${JSON.stringify(raw.slice(0, 80))}` });
        return { acc, problems, rows };
      }
      continue;
    }
    const bad = (message: string) => problems.push({ file, line: i + 1, message });
    if (cells.length !== 4) {
      bad(`expected 4 fields, got ${cells.length}`);
      continue;
    }
    const [tsS, ci, metric, valS] = cells;
    const ts = parseTimestamp(tsS);
    if (ts === undefined) {
      bad(`bad timestamp "${tsS.slice(0, 40)}" (want RFC 3339 or Unix seconds)`);
      continue;
    }
    if (!ci) {
      bad('empty ci');
      continue;
    }
    if (!metric) {
      bad('empty metric');
      continue;
    }
    // Prometheus spellings of special values; NaN marks a gap and is dropped like a missing row.
    const v = /^[+-]?inf$/i.test(valS) ? NaN : Number(valS);
    if (valS === '' || Number.isNaN(v)) {
      if (!/^nan$/i.test(valS)) bad(`bad value "${valS.slice(0, 40)}"`);
      continue;
    }
    const key = `${ci}\u0000${metric}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { ci, metric, ts: [], vs: [] }));
    a.ts.push(ts);
    a.vs.push(v);
    rows++;
  }
  if (!headerSeen) problems.push({ file, line: 1, message: 'empty file (no header)' });
  return { acc, problems, rows };
}

/** Sorted by time; duplicate timestamps keep the last value seen. */
export function accToSeries(acc: Map<string, Acc>): Series[] {
  const out: Series[] = [];
  for (const a of acc.values()) {
    const idx = a.ts.map((_, i) => i).sort((x, y) => a.ts[x] - a.ts[y] || x - y);
    const ts: number[] = [];
    const vs: number[] = [];
    for (const i of idx) {
      if (ts.length && ts[ts.length - 1] === a.ts[i]) vs[vs.length - 1] = a.vs[i];
      else ts.push(a.ts[i]), vs.push(a.vs[i]);
    }
    out.push({ ci: a.ci, metric: a.metric, labels: {}, timestamps: Float64Array.from(ts), values: Float64Array.from(vs) });
  }
  out.sort((x, y) => (x.ci! < y.ci! ? -1 : x.ci! > y.ci! ? 1 : x.metric < y.metric ? -1 : x.metric > y.metric ? 1 : 0));
  return out;
}

/** The file itself, or every file under a directory (recursively, in name order) whose name `accept`s. */
export function listFiles(path: string, accept: (name: string) => boolean): string[] {
  const files: string[] = [];
  const walk = (p: string) => {
    for (const name of readdirSync(p).sort()) {
      const q = join(p, name);
      let st;
      try {
        st = statSync(q);
      } catch {
        if (accept(name)) files.push(q); // a broken link: readText reports it with its name
        continue;
      }
      if (st.isDirectory()) walk(q);
      // Regular files only: a named pipe in the directory would block the read forever.
      else if (st.isFile() && accept(name)) files.push(q);
    }
  };
  if (statSync(path).isDirectory()) walk(path);
  else files.push(path);
  return files;
}

/** A file's text, or undefined with the reason added to `problems`. */
export function readText(file: string, problems: LongCsvProblem[]): string | undefined {
  try {
    return decodeText(readFileSync(file));
  } catch (e) {
    problems.push({ file, line: 0, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
}

/** Reads a CSV file, or every *.csv file under a directory (recursively, in name order). */
export function readLongCsv(path: string): LongCsvResult {
  const files = listFiles(path, (name) => name.toLowerCase().endsWith('.csv'));
  const acc = new Map<string, Acc>();
  const problems: LongCsvProblem[] = [];
  let rows = 0;
  for (const f of files) {
    const text = readText(f, problems);
    if (text !== undefined) rows += parseLongCsv(text, f, acc, problems).rows;
  }
  return { series: accToSeries(acc), problems, files, rows };
}
