// The one seeded random generator of the model: sfc32 (Chris Doty-Humphrey's Small Fast
// Counter, PractRand-tested), seeded through splitmix32. Only 32-bit integer arithmetic with
// Math.imul and >>> is used, so every JavaScript engine produces the same sequence for a seed.
// State is four uint32 words, so a generator can be saved and restored (keyframes, replays).

export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private s: RngState;

  constructor(seed: number) {
    const next = splitmix32(seed);
    this.s = { a: next(), b: next(), c: next(), d: next() };
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const s = this.s;
    const t = (((s.a + s.b) >>> 0) + s.d) >>> 0;
    s.d = (s.d + 1) >>> 0;
    s.a = s.b ^ (s.b >>> 9);
    s.b = (s.c + (s.c << 3)) >>> 0;
    s.c = ((s.c << 21) | (s.c >>> 11)) >>> 0;
    s.c = (s.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1) with 32 bits of randomness. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n) for 0 < n <= 2^32 (multiply-shift; bias below 2^-32 * n). */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  save(): RngState {
    return { ...this.s };
  }

  restore(state: RngState): void {
    this.s = { ...state };
  }
}

/** A stable 32-bit mix of integers, for content identities (not randomness). */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return h >>> 0;
}
