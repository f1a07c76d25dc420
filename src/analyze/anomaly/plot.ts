// A self-contained HTML page with an inline SVG chart: the series, its expected value and band,
// and the anomalies found. No scripts, no external resources. Long series are bucketed (min/max
// per pixel column) so the page stays small.
import type { Anomaly } from './episodes.js';

export interface PlotInput {
  title: string;
  timestamps: ArrayLike<number>;
  values: ArrayLike<number>;
  expected: ArrayLike<number>;
  band: ArrayLike<number>;
  anomalies: Anomaly[];
}

const W = 1200;
const H = 420;
const PAD = { l: 70, r: 20, t: 30, b: 40 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderPlotHtml(p: PlotInput): string {
  const n = p.values.length;
  let t0 = Infinity;
  let t1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = p.timestamps[i];
    if (!Number.isFinite(t)) continue;
    t0 = Math.min(t0, t);
    t1 = Math.max(t1, t);
    for (const v of [p.values[i], p.expected[i] - p.band[i], p.expected[i] + p.band[i]]) if (Number.isFinite(v)) (y0 = Math.min(y0, v)), (y1 = Math.max(y1, v));
  }
  if (!Number.isFinite(t0)) (t0 = 0), (t1 = 1);
  if (!Number.isFinite(y0)) (y0 = 0), (y1 = 1);
  if (t1 === t0) t1 = t0 + 1;
  if (y1 === y0) (y1 += 1), (y0 -= 1);
  const pw = W - PAD.l - PAD.r;
  const ph = H - PAD.t - PAD.b;
  const X = (t: number) => PAD.l + ((t - t0) / (t1 - t0)) * pw;
  const Y = (v: number) => PAD.t + (1 - (v - y0) / (y1 - y0)) * ph;
  const f = (v: number) => v.toFixed(1);

  // Bucket per pixel column: the value line keeps min and max, expected and band their mean.
  const cols = Math.min(n, pw);
  const val: string[] = [];
  const exp: string[] = [];
  const upper: string[] = [];
  const lower: string[] = [];
  for (let c = 0; c < cols; c++) {
    const a = Math.floor((c * n) / cols);
    const b = Math.max(a + 1, Math.floor(((c + 1) * n) / cols));
    let mn = Infinity;
    let mx = -Infinity;
    let es = 0;
    let bs = 0;
    let k = 0;
    let tm = NaN;
    for (let i = a; i < b; i++) {
      const v = p.values[i];
      if (Number.isFinite(p.timestamps[i])) tm = p.timestamps[i];
      if (Number.isFinite(v)) (mn = Math.min(mn, v)), (mx = Math.max(mx, v));
      if (Number.isFinite(p.expected[i]) && Number.isFinite(p.band[i])) (es += p.expected[i]), (bs += p.band[i]), k++;
    }
    if (!Number.isFinite(tm)) continue;
    const x = f(X(tm));
    if (Number.isFinite(mn)) val.push(mn === mx ? `${x},${f(Y(mn))}` : `${x},${f(Y(mn))} ${x},${f(Y(mx))}`);
    if (k) {
      exp.push(`${x},${f(Y(es / k))}`);
      upper.push(`${x},${f(Y(es / k + bs / k))}`);
      lower.push(`${x},${f(Y(es / k - bs / k))}`);
    }
  }
  const bandPath = upper.length ? `<polygon points="${upper.join(' ')} ${lower.reverse().join(' ')}" fill="#9ecae1" fill-opacity="0.45" stroke="none"/>` : '';
  const marks = p.anomalies
    .map((a) => {
      const xa = X(a.start);
      const xb = Math.max(X(a.end), xa + 2);
      const title = esc(`${new Date(a.start).toISOString()} – ${new Date(a.end).toISOString()}\nscore ${a.peakScore.toFixed(4)}\n${a.explanation}`);
      return `<g><title>${title}</title><rect x="${f(xa)}" y="${PAD.t}" width="${f(xb - xa)}" height="${ph}" fill="#e6550d" fill-opacity="0.18"/><circle cx="${f(X(a.start))}" cy="${f(Y(a.observed))}" r="4" fill="#e6550d"/></g>`;
    })
    .join('');
  const ticks: string[] = [];
  for (let k = 0; k <= 5; k++) {
    const v = y0 + ((y1 - y0) * k) / 5;
    ticks.push(`<text x="${PAD.l - 6}" y="${f(Y(v) + 4)}" text-anchor="end">${esc(Number(v.toPrecision(4)).toString())}</text><line x1="${PAD.l}" x2="${W - PAD.r}" y1="${f(Y(v))}" y2="${f(Y(v))}" stroke="#eee"/>`);
    const t = t0 + ((t1 - t0) * k) / 5;
    ticks.push(`<text x="${f(X(t))}" y="${H - PAD.b + 18}" text-anchor="middle">${esc(new Date(t).toISOString().slice(0, 16).replace('T', ' '))}</text>`);
  }
  const rows = p.anomalies
    .map((a) => `<tr><td>${esc(new Date(a.start).toISOString())}</td><td>${esc(new Date(a.end).toISOString())}</td><td>${a.peakScore.toFixed(4)}</td><td>${esc(a.explanation)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${esc(p.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:20px}svg text{font-size:11px;fill:#555}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}</style></head>
<body><h2>${esc(p.title)}</h2>
<p>${n} points · ${p.anomalies.length} anomalies · <span style="color:#3182bd">expected ± band</span> · <span style="color:#e6550d">anomalies</span></p>
<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
${ticks.join('\n')}
${bandPath}
<polyline points="${exp.join(' ')}" fill="none" stroke="#3182bd" stroke-width="1" stroke-dasharray="4 2"/>
<polyline points="${val.join(' ')}" fill="none" stroke="#222" stroke-width="1"/>
${marks}
</svg>
<table><tr><th>start</th><th>end</th><th>peak score</th><th>explanation</th></tr>
${rows}
</table></body></html>
`;
}
