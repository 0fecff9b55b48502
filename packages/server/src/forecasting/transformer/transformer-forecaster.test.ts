import { Rng } from '@quarry/ml';
import { describe, expect, it } from 'vitest';
import { TransformerForecaster } from './transformer-forecaster';

const small = {
  inputSize: 48,
  dModel: 16,
  heads: 4,
  ffn: 32,
  epochs: 3,
  windowsPerSeries: 16,
  batchSize: 32,
};
/** Six seeded hourly-like series: levels 10 to 1000, a daily cycle of their own phase, multiplicative noise. */
const rng = new Rng(11);
const train = Array.from({ length: 6 }, (_, s) =>
  Float64Array.from({ length: 200 }, (_, t) => {
    const level = 10 ** (1 + (2 * s) / 5);
    return (
      level * (1 + 0.4 * Math.sin((2 * Math.PI * (t + 3 * s)) / 24)) * (1 + 0.05 * (rng.nextFloat() - 0.5))
    );
  }),
);

describe('TransformerForecaster', () => {
  it('gives identical forecasts for the same seed, different ones for another seed', async () => {
    const fit = (randomState: number) =>
      new TransformerForecaster({ ...small, randomState }).fitPanel(train, { season: 24, horizon: 12 });
    const [a, b, c] = [await fit(5), await fit(5), await fit(6)];
    expect(a.steps_).toBe(9); // 3 epochs of ceil(6 · 16 / 32) batches
    const [fa, fb, fc] = [await a.predictPanel(12), await b.predictPanel(12), await c.predictPanel(12)];
    expect(fa).toHaveLength(6);
    expect(fa.map((f) => Array.from(f.mean))).toEqual(fb.map((f) => Array.from(f.mean)));
    expect(fa.map((f) => Array.from(f.upper?.[95] ?? []))).toEqual(
      fb.map((f) => Array.from(f.upper?.[95] ?? [])),
    );
    expect(fa[0].mean).not.toEqual(fc[0].mean);
    for (const f of fa) {
      expect(f.mean.every(Number.isFinite)).toBe(true);
      for (let h = 0; h < 12; h++) {
        expect(f.lower?.[95][h]).toBeLessThanOrEqual(f.lower?.[80][h] as number);
        expect(f.lower?.[80][h]).toBeLessThanOrEqual(f.mean[h]);
        expect(f.upper?.[80][h]).toBeGreaterThanOrEqual(f.mean[h]);
        expect(f.upper?.[95][h]).toBeGreaterThanOrEqual(f.upper?.[80][h] as number);
      }
    }
    // The learned state alone reproduces the forecasts.
    const copy = new TransformerForecaster({ ...small, randomState: 5 }).setState(a.getState());
    expect((await copy.predictPanel(12)).map((f) => Array.from(f.mean))).toEqual(
      fa.map((f) => Array.from(f.mean)),
    );
  });

  it('refuses what it cannot do, saying what to change', async () => {
    await expect(
      new TransformerForecaster({ dModel: 30, heads: 4 }).fitPanel(train, { season: 24, horizon: 12 }),
    ).rejects.toThrow(/multiple of 'heads'/);
    const model = await new TransformerForecaster({ ...small, epochs: 1 }).fitPanel(train, {
      season: 24,
      horizon: 12,
    });
    await expect(model.predictPanel(24)).rejects.toThrow(/forecasts 1 to 12 steps/);
    await expect(model.predictPanel(12, { levels: [90] })).rejects.toThrow(/No quantile outputs for 90%/);
  });
});
