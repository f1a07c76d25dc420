// Synthetic ops/NAB-like scenarios: false alarms per 10k normal points and anomalies found,
// at thresholds 0.99 and 0.999. Usage: node bench/nab/explore/scenarios.mjs [--dist DIR] [--opts JSON] [--only name]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
const args = process.argv.slice(2);
const get = (k, d) => (args.indexOf(k) >= 0 ? args[args.indexOf(k) + 1] : d);
const dist = resolve(get('--dist', new URL('../../../dist', import.meta.url).pathname));
const { scoreSeries } = await import(pathToFileURL(`${dist}/analyze/anomaly/detector.js`).href);
const opts = JSON.parse(get('--opts', '{}'));
const only = get('--only', '');
const seeds = Number(get('--seeds', '3'));
const verbose = args.includes('--verbose');

function rng(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const gauss = (r) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
const poisson = (r, l) => { let k = 0, p = Math.exp(-l), s = p; const u = r(); while (u > s && k < 1000) { k++; p *= l / k; s += p; } return k; };
const T0 = Date.UTC(2024, 0, 1);
const S10 = 10_000, M1 = 60_000, M5 = 300_000, H1 = 3_600_000, DAY = 86_400_000;
const hod = (t) => ((t % DAY) / DAY);

// Each scenario: (seed) => { step, vs, anomalies: [[start, end]] } ; end inclusive, detection may come up to `slack` after end.
const S = {};
// Disk usage: linear growth + small noise, quantised to 0.01 (%), 1 min; no anomalies.
S['disk-trend-1m'] = (r) => { const n = 30000; const vs = []; for (let i = 0; i < n; i++) vs.push(Math.round((20 + 60 * i / n + 0.05 * gauss(r)) * 100) / 100); return { step: M1, vs, an: [] }; };
// Disk usage sawtooth: grows, daily logrotate cleanup at 03:00; 5 min; anomaly: sudden +8% dump.
S['disk-sawtooth-5m'] = (r) => { const n = 20000; const vs = []; let v = 30; for (let i = 0; i < n; i++) { const t = T0 + i * M5; v += 0.02 + 0.005 * gauss(r); if (new Date(t).getUTCHours() === 3 && new Date(t).getUTCMinutes() === 0) v -= 5.5 + 0.3 * gauss(r); if (i === 15000) v += 8; vs.push(Math.round(v * 100) / 100); } return { step: M5, vs, an: [[15000, 15000]] }; };
// Counter-like gauge (cumulative requests, not converted), 10 s.
S['counter-gauge-10s'] = (r) => { const n = 20000; const vs = []; let c = 1e6; for (let i = 0; i < n; i++) { c += poisson(r, 20); vs.push(c); } return { step: S10, vs, an: [] }; };
// Slow monotonic growth with noise (e.g. RSS memory leak), 1 h.
S['growth-noisy-1h'] = (r) => { const n = 8000; const vs = []; for (let i = 0; i < n; i++) vs.push(500 + 0.05 * i + 3 * gauss(r)); return { step: H1, vs, an: [] }; };
// Sparse counts (errors/min): Poisson 0.1, 1 min, 50k; anomaly: a burst of Poisson 6 for 5 points.
S['sparse-counts-1m'] = (r) => { const n = 50000; const vs = []; for (let i = 0; i < n; i++) vs.push(poisson(r, i >= 40000 && i < 40005 ? 6 : 0.1)); return { step: M1, vs, an: [[40000, 40004]] }; };
// Low counts with daily seasonality: Poisson(0.5..4), 5 min, 20k.
S['low-counts-seasonal-5m'] = (r) => { const n = 20000; const vs = []; for (let i = 0; i < n; i++) { const t = T0 + i * M5; vs.push(poisson(r, 0.3 + 3 * Math.max(0, Math.sin(2 * Math.PI * hod(t))))); } return { step: M5, vs, an: [] }; };
// Very sparse counts (Poisson 0.02), 10 s, 60k points: long zero runs whose record grows.
S['very-sparse-10s'] = (r) => { const n = 60000; const vs = []; for (let i = 0; i < n; i++) vs.push(poisson(r, 0.02)); return { step: S10, vs, an: [] }; };
// Cron job square wave: every hour a 5-min job (value 80 vs 10), 1 min, 30k; anomalies: the job at hour 400 is missing; the job at hour 450 runs 30 min.
S['cron-square-1m'] = (r) => { const n = 30000; const vs = []; for (let i = 0; i < n; i++) { const h = Math.floor(i / 60), m = i % 60; let on = m < 5; if (h === 400) on = false; if (h === 450) on = m < 30; vs.push((on ? 80 : 10) + gauss(r)); } return { step: M1, vs, an: [[400 * 60, 400 * 60 + 10], [450 * 60 + 5, 450 * 60 + 29]] }; };
// Step-like gauge: replica count (integers 2..8) changing at random times (mean hold 300 points), 1 min.
S['replicas-steps-1m'] = (r) => { const n = 30000; const vs = []; let v = 4; for (let i = 0; i < n; i++) { if (r() < 1 / 300) v = Math.max(2, Math.min(8, v + (r() < 0.5 ? -1 : 1))); vs.push(v); } return { step: M1, vs, an: [] }; };
// Batch cron (clean square wave, exact values): 0 idle, 1 while a nightly job runs 1 h, 5 min.
S['batch-flag-5m'] = (r) => { const n = 15000; const vs = []; for (let i = 0; i < n; i++) { const t = T0 + i * M5; const hh = new Date(t).getUTCHours(); vs.push(hh === 2 ? 1 : 0); } return { step: M5, vs, an: [] }; };
// Maintenance window: noisy series, constant (last value) for 600 points at 20000, then resumes; 10 s.
S['maintenance-10s'] = (r) => { const n = 30000; const vs = []; let last = 0; for (let i = 0; i < n; i++) { if (i >= 20000 && i < 20600) { vs.push(last); continue; } last = 100 + 5 * gauss(r); vs.push(last); } return { step: S10, vs, an: [[20000, 20700]] }; };
// Maintenance to zero: goes to 0 for 360 points (1 h at 10 s) then resumes.
S['maintenance-zero-10s'] = (r) => { const n = 30000; const vs = []; for (let i = 0; i < n; i++) vs.push(i >= 20000 && i < 20360 ? 0 : 100 + 5 * gauss(r)); return { step: S10, vs, an: [[20000, 20460]] }; };
// Long quiet series with rare 8-SD spikes: 60k, 1 min.
S['quiet-long-spikes-1m'] = (r) => { const n = 60000; const vs = []; const sp = [15000, 25000, 35000, 45000, 55000]; for (let i = 0; i < n; i++) vs.push(50 + gauss(r) + (sp.includes(i) ? 8 : 0)); return { step: M1, vs, an: sp.map((s) => [s, s]) }; };
// Strongly seasonal (daily + weekly) with noise, 5 min, 20k; anomalies: spike, dip, missing daily peak, level shift.
S['seasonal-5m'] = (r) => { const n = 20000; const vs = []; const day = 288; for (let i = 0; i < n; i++) { const t = T0 + i * M5; const d = Math.floor(i / day); const wk = (d % 7) >= 5 ? 0.6 : 1; let peak = 40 * wk * Math.exp(-((hod(t) - 0.55) ** 2) / 0.01); if (d === 50) peak = 0; let v = 100 + peak + 2 * gauss(r); if (i === 9000) v += 30; if (i === 11000) v -= 30; if (i >= 17000) v += 15; vs.push(v); } return { step: M5, vs, an: [[9000, 9000], [11000, 11000], [50 * 288 + 80, 50 * 288 + 220], [17000, 17050]] }; };
// Flat run with NaN gaps: a gauge stuck at one value with missing scrapes, normal otherwise; 1 min.
S['flat-with-nan-1m'] = (r) => { const n = 20000; const vs = []; for (let i = 0; i < n; i++) { let v = 20 + gauss(r); if (i >= 15000 && i < 15400) v = 20.5; if (r() < 0.02 || (i >= 15100 && i < 15150)) v = NaN; vs.push(v); } return { step: M1, vs, an: [[15000, 15400]] }; };
// Sparse-gauge with NaNs inside normal zero runs (scrape failures), Poisson 0.05, 1 min.
S['sparse-nan-1m'] = (r) => { const n = 30000; const vs = []; for (let i = 0; i < n; i++) vs.push(r() < 0.05 ? NaN : poisson(r, 0.05)); return { step: M1, vs, an: [] }; };
// Temperature: slow random-walk drift + daily cycle, quantised to 0.1 °C, 5 min, 20k.
S['temperature-drift-5m'] = (r) => { const n = 20000; const vs = []; let d = 0; for (let i = 0; i < n; i++) { const t = T0 + i * M5; d += 0.01 * gauss(r); vs.push(Math.round((21 + d + 1.5 * Math.sin(2 * Math.PI * hod(t)) + 0.1 * gauss(r)) * 10) / 10); } return { step: M5, vs, an: [] }; };
// Temperature coarse quantisation 0.5 °C, 1 min (long identical runs at the turning points).
S['temperature-coarse-1m'] = (r) => { const n = 40000; const vs = []; let d = 0; for (let i = 0; i < n; i++) { const t = T0 + i * M1; d += 0.003 * gauss(r); vs.push(Math.round((21 + d + 2 * Math.sin(2 * Math.PI * hod(t)) + 0.05 * gauss(r)) * 2) / 2); } return { step: M1, vs, an: [] }; };
// Classic anomalies on AR(1) noise, 5 min, 12k: stuck value, spike, dip, level shift, variance burst.
S['classic-ar1-5m'] = (r) => { const n = 12000; const vs = []; let e = 0; for (let i = 0; i < n; i++) { e = 0.7 * e + gauss(r); let v = 200 + 5 * e; if (i === 4000) v += 40; if (i === 5000) v -= 40; if (i >= 8000) v += 20; if (i >= 10000 && i < 10200) v += 5 * 5 * gauss(r); vs.push(v); } for (let i = 6000; i < 6300; i++) vs[i] = vs[5999]; return { step: M5, vs, an: [[4000, 4000], [5000, 5000], [6000, 6300], [8000, 8050], [10000, 10100]] }; };
// Same at 1 h and 10 s.
S['classic-ar1-1h'] = (r) => { const o = S['classic-ar1-5m'](r); return { ...o, step: H1 }; };
S['classic-ar1-10s'] = (r) => { const o = S['classic-ar1-5m'](r); return { ...o, step: S10 }; };
// Trend + rare spikes: a growing series (1 min) with 4 spikes of 10 SD: are spikes found, does range fire at every max?
S['trend-spikes-1m'] = (r) => { const n = 30000; const vs = []; const sp = [12000, 18000, 24000, 29000]; for (let i = 0; i < n; i++) vs.push(100 + 0.01 * i + 2 * gauss(r) + (sp.includes(i) ? 20 : 0)); return { step: M1, vs, an: sp.map((s) => [s, s]) }; };

// Request rate at 10 s over 12 days: Poisson counts with a daily cycle (noise grows with load), 100k points.
S['rate-daily-10s'] = (r) => { const n = 100000; const vs = []; for (let i = 0; i < n; i++) { const t = T0 + i * S10; vs.push(poisson(r, 30 + 25 * Math.sin(2 * Math.PI * hod(t)))); } return { step: S10, vs, an: [] }; };
// Latency p99 (ms): lognormal, heavy-tailed, 1 min, 30k; anomaly: a 30-point latency regression ×3.
S['latency-lognormal-1m'] = (r) => { const n = 30000; const vs = []; for (let i = 0; i < n; i++) vs.push(Math.round(120 * Math.exp(0.4 * gauss(r)) * (i >= 25000 && i < 25030 ? 3 : 1))); return { step: M1, vs, an: [[25000, 25029]] }; };
// Mostly-constant gauge with rare small changes (config value / queue depth 0 with rare 1-3), 1 min, 60k.
S['rare-blips-1m'] = (r) => { const n = 60000; const vs = []; for (let i = 0; i < n; i++) vs.push(r() < 0.003 ? 1 + Math.floor(3 * r()) : 0); return { step: M1, vs, an: [] }; };

const thrs = [0.99, 0.999];
const names = Object.keys(S).filter((k) => !only || k.includes(only));
const rows = [];
for (const name of names) {
  const acc = { fa: [0, 0], normal: 0, found: [0, 0], total: 0, comps: [{}, {}] };
  for (let s = 0; s < seeds; s++) {
    const { step, vs, an } = S[name](rng(1000 + 17 * s + name.length));
    const n = vs.length;
    const ts = Float64Array.from({ length: n }, (_, i) => T0 + i * step);
    const res = scoreSeries(ts, Float64Array.from(vs), opts, true);
    const sc = res.scores, ex = res.explanation;
    const prob = Math.min(Math.floor(0.15 * n), 750);
    const slack = 100;
    const inAn = (i) => an.some(([a, b]) => i >= a && i <= b + slack);
    let normal = 0;
    for (let i = prob; i < n; i++) if (!inAn(i)) normal++;
    acc.normal += normal; acc.total += an.length;
    thrs.forEach((thr, k) => {
      for (let i = prob; i < n; i++) if (sc[i] >= thr && !inAn(i)) { acc.fa[k]++; const c = ex.component[i]; acc.comps[k][c] = (acc.comps[k][c] ?? 0) + 1; if (verbose && k === Number(get("--vk", "1"))) console.log(name, s, i, c, vs[i], ex.z[i].toFixed(2), sc[i].toFixed(5)); }
      for (const [a, b] of an) { let hit = -1; for (let i = a; i <= b + slack && i < n; i++) if (sc[i] >= thr) { hit = i; break; } if (hit >= 0) acc.found[k]++; if (args.includes('--hits')) console.log(name, s, thr, `[${a},${b}]`, hit >= 0 ? `hit ${hit} ${ex.component[hit]}` : 'MISS'); }
    });
  }
  const per10k = (k) => ((acc.fa[k] / acc.normal) * 1e4).toFixed(2);
  const cs = (k) => Object.entries(acc.comps[k]).map(([c, v]) => `${c}:${v}`).join(' ');
  rows.push([name, per10k(0), `${acc.found[0]}/${acc.total}`, per10k(1), `${acc.found[1]}/${acc.total}`, cs(0), "|", cs(1)]);
}
console.log(['scenario', 'FA/10k@.99', 'found@.99', 'FA/10k@.999', 'found@.999', 'FA components @.99'].join('\t'));
for (const r of rows) console.log(r.join('\t'));
