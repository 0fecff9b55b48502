import { MlError } from './errors';

/**
 * A seeded pseudo-random generator: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/), whose
 * 128-bit state is seeded from one integer with SplitMix32. It only uses 32-bit integer operations, so it is fast
 * in JavaScript and gives the same stream in every engine. The library never calls `Math.random`.
 */
export class Rng {
  readonly #state = new Uint32Array(4);

  constructor(seed = 0) {
    // SplitMix32 spreads any seed (even 0) over the whole state, which xoshiro needs to be non-zero.
    let z = seed >>> 0;
    for (let k = 0; k < 4; k++) {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
      this.#state[k] = (t ^ (t >>> 16)) >>> 0;
    }
  }

  /** A generator with the given raw 128-bit state (for reference test vectors); the state must not be all zero. */
  static fromState(state: ArrayLike<number>): Rng {
    const rng = new Rng();
    for (let k = 0; k < 4; k++) rng.#state[k] = state[k] >>> 0;
    return rng;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s = this.#state;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A float uniform in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** An integer uniform in [0, n), without modulo bias (rejection sampling). */
  nextInt(n: number): number {
    if (!(n >= 1 && n <= 0x100000000)) {
      throw new MlError('INVALID_PARAMETER', `nextInt needs an integer n with 1 <= n <= 2^32, got ${n}.`);
    }
    const limit = 0x100000000 - (0x100000000 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T extends Int32Array | Float64Array>(values: T): T {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
    return values;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
