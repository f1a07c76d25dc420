// A generated log stream for memory-bound tests (shared by the miner and CLI tests).
import { mulberry32 as rng } from '../../random.js';

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
