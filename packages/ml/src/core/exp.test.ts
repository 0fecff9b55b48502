import { describe, expect, it } from 'vitest';
import { exp } from './exp';
import { Rng } from './rng';

const view = new DataView(new ArrayBuffer(8));
function bits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigInt64(0);
}
/** How many doubles apart two positive finite doubles are. */
function ulpsApart(a: number, b: number): number {
  return Math.abs(Number(bits(a) - bits(b)));
}

/**
 * e^x to 200 fraction bits, with integer arithmetic: x is an exact binary fraction, e^(x/2^s) comes from its Taylor
 * series and is squared s times. Returned as the error of `approx` in units of approx's last place.
 */
function errorInUlps(x: number, approx: number): number {
  const F = 200n;
  const ONE = 1n << F;
  const s = 12;
  // x·2^F / 2^s exactly enough: x has at most 53 significant bits and |x| < 2^10.
  const scaled = BigInt(Math.round(x * 2 ** 40)) << (F - 40n - BigInt(s));
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; k < 40n; k++) {
    term = (term * scaled) / (k << F);
    sum += term;
  }
  for (let i = 0; i < s; i++) sum = (sum * sum) >> F;
  // approx = m·2^e with m an integer of 53 bits; compare in units of 2^e.
  const e = Math.floor(Math.log2(approx)) - 52;
  const ulp = e >= 0 ? ONE << BigInt(e) : ONE >> BigInt(-e);
  const approxFixed = e >= 0 ? BigInt(approx) << F : (BigInt(approx * 2 ** -e) << F) >> BigInt(-e);
  const diff = approxFixed - sum;
  return Number(((diff < 0n ? -diff : diff) * 1000n) / ulp) / 1000;
}

describe('exp', () => {
  it('is within half an ulp and a little of e^x, worked out exactly', () => {
    const rng = new Rng(3);
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      // Multiples of 2^-40 in (−40, 40): exactly representable, and exactly scaled in errorInUlps.
      const x = Math.round((rng.nextFloat() - 0.5) * 80 * 2 ** 40) / 2 ** 40;
      worst = Math.max(worst, errorInUlps(x, exp(x)));
    }
    expect(worst).toBeLessThan(0.52);
  });

  it('agrees with Math.exp to one ulp over the range where it computes', () => {
    const rng = new Rng(11);
    let worst = 0;
    let differ = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (rng.nextFloat() - 0.5) * (i % 2 === 0 ? 1416 : 40);
      const d = ulpsApart(exp(x), Math.exp(x));
      worst = Math.max(worst, d);
      if (d !== 0) differ++;
    }
    expect(worst).toBeLessThanOrEqual(1);
    // Not a copy of Math.exp under another name: the two round differently now and then.
    expect(differ).toBeGreaterThan(0);
  });

  it('is exact where e^x is, and leaves NaN, infinities and the extremes to Math.exp', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(1)).toBe(Math.E);
    expect(Number.isNaN(exp(Number.NaN))).toBe(true);
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-746)).toBe(0);
    expect(exp(-745)).toBe(Math.exp(-745)); // a subnormal
    expect(exp(708)).toBeGreaterThan(3e307);
    expect(exp(-708)).toBeGreaterThan(2.2250738585072014e-308); // still a normal double
  });
});
