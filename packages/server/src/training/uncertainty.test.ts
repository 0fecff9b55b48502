import { Frame, Rng } from '@quarry/ml';
import { describe, expect, it } from 'vitest';
import type { ColumnData } from '../datasets/service';
import { featureSpecs } from './split';
import { crossFittedSpread, SPREAD_SHRINK } from './uncertainty';

/** Noise whose sd grows tenfold along x1 (as in test/coverage.test.ts); `oof` is the true mean, so |r| is noise. */
function heteroscedastic(n: number) {
  const rng = new Rng(11);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const y = new Float64Array(n);
  const oof = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = rng.nextFloat();
    x2[i] = 2 * rng.nextFloat() - 1;
    const z = Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
    oof[i] = 3 * Math.sin(2 * Math.PI * x1[i]) + x2[i];
    y[i] = oof[i] + z * (0.2 + 2 * x1[i]);
  }
  const columns: ColumnData[] = [
    { name: 'x1', kind: 'numeric', values: x1 },
    { name: 'x2', kind: 'numeric', values: x2 },
  ];
  return {
    x1,
    data: { features: featureSpecs(columns), seed: 3, trainFrame: new Frame(columns), oof, yTrain: y },
  };
}

const meanWhere = (v: Float64Array, keep: (i: number) => boolean) => {
  let s = 0;
  let k = 0;
  v.forEach((value, i) => {
    if (keep(i)) {
      s += value;
      k++;
    }
  });
  return s / k;
};

describe('crossFittedSpread', () => {
  const { x1, data } = heteroscedastic(800);
  const plain = crossFittedSpread(data, 0);
  const mean = meanWhere(plain.absResidual, () => true);

  it('is unshrunk in the product (decision 40) and follows the noise out of fold', () => {
    expect(SPREAD_SHRINK).toBe(0);
    const noisy = meanWhere(plain.oofSpread, (i) => x1[i] > 0.5);
    const calm = meanWhere(plain.oofSpread, (i) => x1[i] <= 0.5);
    // True E|noise| is 0.8·(0.2 + 2·x1): ≈ 1.36 above x1 = 0.5 and ≈ 0.56 below.
    expect(noisy / calm).toBeGreaterThan(1.8);
  });

  it('pulls σ toward the mean |residual| by the shrink share, and to a constant at 1', () => {
    const half = crossFittedSpread(data, 0.5);
    const flat = crossFittedSpread(data, 1);
    for (let i = 0; i < x1.length; i++) {
      expect(half.oofSpread[i]).toBeCloseTo((plain.oofSpread[i] + mean) / 2, 9);
      expect(flat.oofSpread[i]).toBeCloseTo(mean, 9);
    }
    expect(half.absResidual).toEqual(plain.absResidual);
  });
});
