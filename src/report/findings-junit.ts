// JUnit XML for CI: one testsuite per check; each finding is a failed testcase, a clean check one
// passing testcase, a skipped check a skipped one (with the reason), a crashed check an error.
import type { ScanResult } from '../detect/engine.js';
import { ciLabel } from './findings-table.js';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');

export function renderFindingsJunit(r: ScanResult): string {
  const suites: string[] = [];
  let tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const o of r.outcomes) {
    const cases: string[] = [];
    let f = 0, e = 0, s = 0;
    if (o.status === 'skipped') {
      cases.push(`    <testcase classname="${esc(o.id)}" name="${esc(o.title)}"><skipped message="${esc(o.reason)}"/></testcase>`);
      s = 1;
    } else if (o.status === 'error') {
      cases.push(`    <testcase classname="${esc(o.id)}" name="${esc(o.title)}"><error message="${esc(o.error)}"/></testcase>`);
      e = 1;
    } else if (!o.findings.length) {
      cases.push(`    <testcase classname="${esc(o.id)}" name="${esc(o.title)}"/>`);
    } else {
      for (const fd of o.findings) {
        const loc = fd.location?.file ? ` file="${esc(fd.location.file)}"${fd.location.line ? ` line="${fd.location.line}"` : ''}` : '';
        cases.push(`    <testcase classname="${esc(o.id)}" name="${esc(ciLabel(fd.cis[0] ?? ''))}"${loc}><failure type="${fd.severity}" message="${esc(fd.message)}">${esc(`${fd.message}\nFix: ${fd.fix}`)}</failure></testcase>`);
        f++;
      }
    }
    tests += cases.length; failures += f; errors += e; skipped += s;
    suites.push(`  <testsuite name="${esc(o.id)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="${s}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="hypercas scan" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}
