import { load, evaluate, fmt, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
function onset2(sur, o = {}) {
  const holdDecay = o.holdDecay ?? 0.998, damp = o.repeatDamp ?? 0.3, refire = o.refireMargin ?? 2, refractory = o.refractory ?? 60, fireLevel = o.fireLevel ?? 2;
  const n = sur.length, out = new Float64Array(n);
  let hold = 0, lastFire = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = sur[i];
    if (s > hold + (i - lastFire < refractory ? refire : 0)) { out[i] = s; hold = s; if (s >= fireLevel) lastFire = i; }
    else { out[i] = s * damp; hold = o.track ? Math.max(hold * holdDecay, s * o.track) : hold * holdDecay; }
  }
  return out;
}
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - (f.seen[i] > 1000 ? 0.25 * Math.log10(f.seen[i] / 1000) : 0));
  return toScore(onset2(s, o));
}
const show = (label, o) => console.log(label.padEnd(34), fmt(evaluate(files, (f) => run(f, o))));
show('base', {});
for (const t of [0.5, 0.8, 1]) for (const hd of [0.998, 0.99, 0.95]) show(`track${t} hd${hd}`, { track: t, holdDecay: hd });
