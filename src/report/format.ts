// Plain renderers shared by every command: aligned tables for people, JSON/YAML for machines.
import { stringify as toYaml } from 'yaml';

export type OutputFormat = 'table' | 'json' | 'yaml';

export interface Column<T> {
  header: string;
  get: (row: T) => unknown;
  /** Right-align (numbers). */
  right?: boolean;
  /** Truncate cells longer than this. */
  max?: number;
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  return JSON.stringify(v);
}

export function renderTable<T>(rows: T[], cols: Column<T>[]): string {
  const data = rows.map((r) =>
    cols.map((c) => {
      const s = cell(c.get(r)).replace(/\s*\n\s*/g, ' ');
      return c.max && s.length > c.max ? s.slice(0, c.max - 1) + '…' : s;
    }),
  );
  const widths = cols.map((c, i) => Math.max(c.header.length, ...data.map((d) => d[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((s, i) => (cols[i].right ? s.padStart(widths[i]) : i === cells.length - 1 ? s : s.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(cols.map((c) => c.header)), ...data.map(line)].join('\n') + '\n';
}

export function renderData(data: unknown, format: Exclude<OutputFormat, 'table'>): string {
  return format === 'json' ? JSON.stringify(data, null, 2) + '\n' : toYaml(data, { lineWidth: 0 });
}
