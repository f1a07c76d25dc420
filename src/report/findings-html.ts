// One self-contained HTML report: inline CSS/JS, no network. Filters by severity, namespace and
// check, a search box, and the fix shown per finding. Data is embedded as JSON and rendered with
// textContent (no HTML injection from object names or messages).
import type { ScanResult } from '../detect/engine.js';
import { toScanReport, type ScanReportMeta } from './findings-json.js';
import { summaryLine } from './findings-table.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:14px 24px}header h1{font-size:18px;margin:0 0 4px}header p{margin:0;opacity:.85}
main{padding:16px 24px}.cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:14px}
.card{background:#fff;border-radius:8px;padding:10px 14px;box-shadow:0 1px 2px #0002;min-width:110px}.card b{font-size:22px;display:block}
.filters{display:flex;gap:10px;flex-wrap:wrap;align-items:center;background:#fff;padding:10px 14px;border-radius:8px;box-shadow:0 1px 2px #0002;margin-bottom:12px}
.filters input[type=search]{flex:1;min-width:200px;padding:6px 8px;border:1px solid #ccd;border-radius:6px}
select{padding:5px;border:1px solid #ccd;border-radius:6px}
.f{background:#fff;border-radius:8px;box-shadow:0 1px 2px #0002;margin-bottom:8px;padding:10px 14px;border-left:5px solid #999}
.f.critical{border-color:#c62828}.f.warning{border-color:#ef8f00}.f.info{border-color:#1976d2}
.f .h{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}.sev{font-weight:700;text-transform:uppercase;font-size:11px}
.critical .sev{color:#c62828}.warning .sev{color:#b36b00}.info .sev{color:#1976d2}
.id{font-family:ui-monospace,monospace;font-weight:600}.ci{font-family:ui-monospace,monospace;color:#456}.loc{color:#789;font-size:12px}
.fix{margin-top:4px;background:#eef6ee;padding:4px 8px;border-radius:4px}.fix::before{content:"fix: ";font-weight:600}
details{margin-top:4px;font-size:12px}pre{white-space:pre-wrap;background:#f3f4f6;padding:6px;border-radius:4px;margin:4px 0}
table{border-collapse:collapse;background:#fff;width:100%;margin:8px 0 16px}td,th{border-bottom:1px solid #e3e5e8;padding:4px 8px;text-align:left;font-size:13px}
.muted{color:#789}h2{font-size:15px;margin:18px 0 6px}
`;

const JS = `
const R = JSON.parse(document.getElementById('data').textContent);
const $ = (s) => document.querySelector(s);
const el = (t, cls, txt) => { const e = document.createElement(t); if (cls) e.className = cls; if (txt !== undefined) e.textContent = txt; return e; };
const nsOf = (ci) => { const p = ci.split('/'); return p.length > 3 ? (p[2] === '_' ? '(cluster)' : p[2]) : ''; };
const short = (ci) => { const p = ci.split('/'); return p.length > 3 ? (p[2] === '_' ? p[1] + '/' + p.slice(3).join('/') : p[2] + '/' + p[1] + '/' + p.slice(3).join('/')) : ci; };
function fill(sel, values) { for (const v of values) { const o = el('option', '', v); o.value = v; sel.appendChild(o); } }
fill($('#ns'), [...new Set(R.findings.map((f) => nsOf(f.cis[0] || '')))].sort());
fill($('#check'), [...new Set(R.findings.map((f) => f.checkId))].sort());
function render() {
  const sev = new Set([...document.querySelectorAll('.sevbox:checked')].map((x) => x.value));
  const ns = $('#ns').value, ck = $('#check').value, q = $('#q').value.toLowerCase();
  const list = $('#list'); list.textContent = '';
  let n = 0;
  for (const f of R.findings) {
    if (!sev.has(f.severity) || (ns && nsOf(f.cis[0] || '') !== ns) || (ck && f.checkId !== ck)) continue;
    const hay = (f.checkId + ' ' + (f.aliases || []).join(' ') + ' ' + f.message + ' ' + f.fix + ' ' + f.cis.join(' ')).toLowerCase();
    if (q && !hay.includes(q)) continue;
    n++;
    const d = el('div', 'f ' + f.severity);
    const h = el('div', 'h');
    h.append(el('span', 'sev', f.severity), el('span', 'id', f.checkId), el('span', 'ci', short(f.cis[0] || '')));
    if (f.aliases && f.aliases.some((a) => /^[A-Z0-9]+-[A-Z0-9-]+$/.test(a))) h.append(el('span', 'muted', f.aliases.filter((a) => /^[A-Z0-9]+-[A-Z0-9-]+$/.test(a)).join(' ')));
    if (f.location && f.location.file) h.append(el('span', 'loc', f.location.file + (f.location.line ? ':' + f.location.line : '')));
    d.append(h, el('div', '', f.message), el('div', 'fix', f.fix));
    const det = el('details'); det.append(el('summary', '', 'evidence, objects' + (f.patch ? ', patch' : '')));
    det.append(el('pre', '', JSON.stringify({ cis: f.cis, evidence: f.evidence }, null, 2)));
    if (f.patch) det.append(el('pre', '', f.patch.content));
    d.append(det); list.append(d);
  }
  $('#count').textContent = n + ' of ' + R.findings.length + ' findings';
}
for (const x of document.querySelectorAll('input,select')) x.addEventListener('input', render);
const tb = $('#scores');
for (const s of R.summary.namespaces) { const tr = el('tr'); tr.append(el('td', '', s.namespace), el('td', '', String(s.score)), el('td', '', String(s.critical)), el('td', '', String(s.warning)), el('td', '', String(s.info))); tb.append(tr); }
const ob = $('#outcomes');
for (const o of R.outcomes) { const tr = el('tr'); tr.append(el('td', 'id', o.id), el('td', '', o.status), el('td', '', String(o.findings)), el('td', 'muted', o.reason || o.error || (o.notes || []).join('; '))); ob.append(tr); }
render();
`;

const escHtml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

export function renderFindingsHtml(r: ScanResult, meta: ScanReportMeta & { title?: string }): string {
  const report = toScanReport(r, meta);
  // Inside <script type="application/json">, only "</" (and <!--) can break out.
  const data = JSON.stringify(report).replace(/</g, '\\u003c');
  const s = report.summary;
  const title = meta.title ?? `HyperCAS scan — ${r.cluster}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escHtml(title)}</title><style>${CSS}</style></head>
<body><header><h1>${escHtml(title)}</h1><p>${escHtml(summaryLine(r))} · ${escHtml(report.generatedAt)} · ${r.live ? 'live cluster' : 'manifest files'}</p></header>
<main>
<div class="cards"><div class="card"><b style="color:#c62828">${s.critical}</b>critical</div><div class="card"><b style="color:#b36b00">${s.warning}</b>warning</div><div class="card"><b style="color:#1976d2">${s.info}</b>info</div><div class="card"><b>${s.checks.ran}</b>checks ran</div><div class="card"><b>${s.checks.skipped}</b>skipped</div></div>
<div class="filters">
<label><input type="checkbox" class="sevbox" value="critical" checked> critical</label>
<label><input type="checkbox" class="sevbox" value="warning" checked> warning</label>
<label><input type="checkbox" class="sevbox" value="info" checked> info</label>
<select id="ns"><option value="">all namespaces</option></select>
<select id="check"><option value="">all checks</option></select>
<input type="search" id="q" placeholder="search message, object, fix, rule id…">
<span id="count" class="muted"></span>
</div>
<div id="list"></div>
<h2>Score per namespace</h2><table><thead><tr><th>namespace</th><th>score</th><th>critical</th><th>warning</th><th>info</th></tr></thead><tbody id="scores"></tbody></table>
<h2>Checks</h2><table><thead><tr><th>check</th><th>status</th><th>findings</th><th>reason / notes</th></tr></thead><tbody id="outcomes"></tbody></table>
</main>
<script type="application/json" id="data">${data}</script>
<script>${JS}</script>
</body></html>
`;
}
