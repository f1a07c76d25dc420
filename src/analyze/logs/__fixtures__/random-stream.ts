// A generated log stream for memory-bound tests (shared by the miner and CLI tests).
/** Deterministic PRNG (mulberry32), so the stream is the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An unending-looking stream: every line carries never-seen words (letters only, so masking keeps them). */
export function* randomStream(n: number, seed = 1): Generator<string> {
  const r = rng(seed);
  const word = () => {
    let w = '';
    const len = 4 + Math.floor(r() * 6);
    for (let k = 0; k < len; k++) w += String.fromCharCode(97 + Math.floor(r() * 26));
    return w;
  };
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.6) yield `connection ${word()} closed by peer`;
    else if (x < 0.9) yield `user ${word()} logged in from 10.0.${i % 256}.${i % 7} after ${i % 1000} ms`;
    else {
      const k = 1 + Math.floor(r() * 8);
      const ws: string[] = [];
      for (let j = 0; j < k; j++) ws.push(word());
      yield ws.join(' ');
    }
  }
}
