// Reads `timestamp,value` CSV files (a header row; extra columns ignored). Bad rows are reported
// with their line number and skipped; they never stop the read.
import type { Series } from '../../model/telemetry.js';
import { parseTimestamp } from './timestamp.js';

export interface InputProblem {
  /** `file:line` or `file`. */
  where: string;
  message: string;
}

export interface ReadResult {
  series: Series[];
  problems: InputProblem[];
}

export interface CsvOptions {
  /** Name of the value column when the file has several (default: the second column). */
  valueColumn?: string;
  metric?: string;
  /**
   * Keep rows whose timestamp or value is bad as NaN samples (still reported), so that every data
   * row has a place in the output: the `--scores` contract is one score per data row.
   */
  keepBadRows?: boolean;
}

/** An empty value cell, `NaN`, `null` or `NA` is a missing sample (kept as NaN), not a bad row. */
const MISSING = new Set(['', 'nan', 'null', 'na', 'none']);
const TIME_COLUMNS = new Set(['timestamp', 'time', 'ts', 'date', 'datetime']);

export function readMetricCsv(text: string, file = '<csv>', opts: CsvOptions = {}): ReadResult {
  const problems: InputProblem[] = [];
  const ts: number[] = [];
  const vs: number[] = [];
  let pos = 0;
  let line = 0;
  let header: string[] | undefined;
  let vcol = 1;
  let tcol = 0;
  let last = -Infinity;
  let rows = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let row = text.slice(pos, end);
    pos = end + 1;
    line++;
    if (row.endsWith('\r')) row = row.slice(0, -1);
    if (row.trim() === '' || row.startsWith('#')) continue;
    const cells = row.split(',');
    if (!header) {
      header = cells.map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
      if (Number.isFinite(parseTimestamp(header[0] ?? '')) && header.length >= 2) {
        problems.push({ where: `${file}:${line}`, message: 'no header row (expected `timestamp,value`); reading it as data' });
        header = ['timestamp', 'value'];
        pos = 0; // re-read this line as data
        line = 0;
        continue;
      }
      // `value,timestamp` (columns swapped) would read values as epoch seconds: find the time column by name.
      const named = header.findIndex((h) => TIME_COLUMNS.has(h));
      if (named > 0) {
        tcol = named;
        const v = header.indexOf('value');
        vcol = v >= 0 ? v : header.findIndex((_, i) => i !== named);
      }
      if (opts.valueColumn) {
        vcol = header.indexOf(opts.valueColumn.toLowerCase());
        if (vcol < 0) {
          problems.push({ where: `${file}:${line}`, message: `no column "${opts.valueColumn}" in header` });
          return { series: [], problems };
        }
      } else if (header.length < 2) {
        problems.push({ where: `${file}:${line}`, message: 'header has fewer than two columns (expected `timestamp,value`)' });
        return { series: [], problems };
      }
      continue;
    }
    const bad = (message: string) => {
      problems.push({ where: `${file}:${line}`, message });
      if (opts.keepBadRows) {
        ts.push(NaN);
        vs.push(NaN);
      }
    };
    rows++;
    if (cells.length <= Math.max(vcol, tcol)) {
      bad(`expected at least ${Math.max(vcol, tcol) + 1} columns, got ${cells.length}`);
      continue;
    }
    const t = parseTimestamp(cells[tcol].replace(/^"|"$/g, ''));
    if (!Number.isFinite(t)) {
      bad(`bad timestamp "${cells[tcol].slice(0, 40)}"`);
      continue;
    }
    const raw = cells[vcol].trim().replace(/^"|"$/g, '');
    let v: number;
    if (MISSING.has(raw.toLowerCase())) v = NaN;
    else {
      v = Number(raw);
      if (!Number.isFinite(v)) {
        bad(`bad value "${raw.slice(0, 40)}"`);
        continue;
      }
    }
    if (t < last) {
      problems.push({ where: `${file}:${line}`, message: 'timestamp earlier than the previous row (kept in file order)' });
    }
    last = Math.max(last, t);
    ts.push(t);
    vs.push(v);
  }
  if (!header) problems.push({ where: file, message: 'empty file' });
  else if (rows === 0) problems.push({ where: file, message: 'no data rows after the header' });
  const metric = opts.metric ?? (header && header[vcol] && header[vcol] !== 'value' ? header[vcol] : baseName(file));
  return {
    series: [{ metric, labels: {}, timestamps: Float64Array.from(ts), values: Float64Array.from(vs) }],
    problems,
  };
}

function baseName(file: string): string {
  const b = file.split(/[\\/]/).pop() ?? file;
  return b.replace(/\.csv$/i, '') || 'value';
}
