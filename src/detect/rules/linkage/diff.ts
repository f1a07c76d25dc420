// Unified diffs of config files for linkage fixes: replace a value on the lines that hold it.

export interface LineEdit {
  /** 1-based line. */
  line: number;
  /** The value as written on that line (replaced once, as a whole token). */
  from: string;
  to: string;
  /** Instead of replacing: insert `to` as a new line after `line` (`from` unused). */
  insertAfter?: boolean;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces `from` on the line as a token (not inside a longer word/number). */
export function replaceToken(line: string, from: string, to: string): string | undefined {
  const re = new RegExp(`(^|[^\\w.-])${esc(from)}(?![\\w])`);
  const m = re.exec(line);
  if (!m) return undefined;
  const at = m.index + m[1].length;
  return line.slice(0, at) + to + line.slice(at + from.length);
}

/** A unified diff (3 lines of context) of `text` after the edits; undefined when an edit cannot be placed. */
export function unifiedDiff(path: string, text: string, edits: LineEdit[]): string | undefined {
  const lines = text.split('\n');
  const changed = new Map<number, string>();
  const inserted = new Map<number, string[]>();
  for (const e of edits) {
    if (e.insertAfter) {
      if (e.line < 1 || e.line > lines.length) return undefined;
      inserted.set(e.line, [...(inserted.get(e.line) ?? []), e.to]);
      continue;
    }
    const cur = changed.get(e.line) ?? lines[e.line - 1];
    if (cur === undefined) return undefined;
    const next = replaceToken(cur, e.from, e.to);
    if (next === undefined) return undefined;
    changed.set(e.line, next);
  }
  const nums = [...new Set([...changed.keys(), ...inserted.keys()])].sort((a, b) => a - b);
  let shift = 0;
  const hunks: string[] = [];
  let i = 0;
  while (i < nums.length) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] - nums[j] <= 6) j++;
    const start = Math.max(1, nums[i] - 3);
    const end = Math.min(lines.length, nums[j] + 3);
    const body: string[] = [];
    let added = 0;
    for (let n = start; n <= end; n++) {
      const c = changed.get(n);
      if (c !== undefined) body.push(`-${lines[n - 1]}`, `+${c}`);
      else body.push(` ${lines[n - 1]}`);
      for (const ins of inserted.get(n) ?? []) {
        body.push(`+${ins}`);
        added++;
      }
    }
    const len = end - start + 1;
    hunks.push(`@@ -${start},${len} +${start + shift},${len + added} @@`, ...body);
    shift += added;
    i = j + 1;
  }
  return [`--- a/${path}`, `+++ b/${path}`, ...hunks].join('\n') + '\n';
}
