import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from '../core/column';
import { Frame } from '../core/frame';
import type { Matrix } from '../core/matrix';
import { KFold } from '../model-selection/k-fold';
import { TargetEncoder } from './target-encoder';

const CITIES = ['lyon', 'nice', 'paris', 'rome', 'oslo'];
const n = 50;
const cities = Array.from({ length: n }, (_, i) =>
  i % 17 === 3 ? null : CITIES[(i * 7) % 5 === 4 && i > 40 ? 4 : (i * 3) % 4],
);
const X = new Frame([categoricalColumn('city', cities)]);
const yCont = Float64Array.from({ length: n }, (_, i) => ((i * 13) % 11) + (cities[i] === 'paris' ? 5 : 0));
const yBin = Int32Array.from(yCont, (v) => (v > 6 ? 1 : 0));

/** The encoding by the textbook formula, over the rows `rows`, with plain arrays (independent of the code). */
function formula(rows: number[], y: ArrayLike<number>, city: string | null, smooth: 'auto' | number): number {
  const ys = rows.map((i) => y[i]);
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  const variance = ys.reduce((a, b) => a + (b - mean) ** 2, 0) / ys.length;
  const mine = rows.filter((i) => cities[i] === city).map((i) => y[i]);
  if (mine.length === 0) return mean;
  const catMean = mine.reduce((a, b) => a + b, 0) / mine.length;
  if (smooth !== 'auto') return (mine.reduce((a, b) => a + b, 0) + smooth * mean) / (mine.length + smooth);
  const catVar = mine.reduce((a, b) => a + (b - catMean) ** 2, 0) / mine.length;
  const lambda = (variance * mine.length) / (variance * mine.length + catVar);
  return Number.isNaN(lambda) ? mean : lambda * catMean + (1 - lambda) * mean;
}

const all = Array.from({ length: n }, (_, i) => i);

describe('TargetEncoder full-data encodings (transform)', () => {
  it.each([['auto'], [0], [2.5]] as const)(
    'follow the formula for a continuous target (smooth %s)',
    (smooth) => {
      const out = new TargetEncoder({ smooth }).fit(X, yCont).transform(X);
      for (let i = 0; i < n; i++)
        expect(out.get(i, 0)).toBeCloseTo(formula(all, yCont, cities[i], smooth), 12);
    },
  );

  it('follow the formula for a binary target (the indicator of the second class)', () => {
    const encoder = new TargetEncoder().fit(X, yBin);
    expect(encoder.targetType_).toBe('binary');
    const out = encoder.transform(X);
    for (let i = 0; i < n; i++) expect(out.get(i, 0)).toBeCloseTo(formula(all, yBin, cities[i], 'auto'), 12);
  });

  it('encode unseen categories with the target mean and missing values as their own category', () => {
    const encoder = new TargetEncoder().fit(X, yCont);
    const mean = yCont.reduce((a, b) => a + b, 0) / n;
    const out = encoder.transform(new Frame([categoricalColumn('city', ['tokyo', null])]));
    expect(out.get(0, 0)).toBeCloseTo(mean, 12);
    expect(out.get(1, 0)).toBeCloseTo(formula(all, yCont, null, 'auto'), 12);
    expect(out.get(1, 0)).not.toBeCloseTo(mean, 6);
  });
});

describe('TargetEncoder cross fitting (fitTransform)', () => {
  it("never uses a row's own target for its encoding", () => {
    const base = new TargetEncoder({ randomState: 3 }).fitTransform(X, yCont);
    for (const row of [0, 7, 22, 49]) {
      const changed = Float64Array.from(yCont);
      changed[row] += 1000;
      const crossFitted = new TargetEncoder({ randomState: 3 }).fitTransform(X, changed);
      // The row's own output is untouched by its own target (a leaky encoder would move it by ~1000 / n_c)…
      expect(crossFitted.get(row, 0)).toBe(base.get(row, 0));
      // …while the full-data encoding, and the rows of other folds in the same category, do move.
      expect(new TargetEncoder().fit(X, changed).transform(X).get(row, 0)).not.toBeCloseTo(
        base.get(row, 0),
        3,
      );
      const moved = all.filter((i) => crossFitted.get(i, 0) !== base.get(i, 0));
      expect(moved.length).toBeGreaterThan(0);
      expect(moved).not.toContain(row);
    }
  });

  it('encodes each fold with encodings learned on the other folds (KFold for a continuous target)', () => {
    const out = new TargetEncoder({ cv: 4, shuffle: false, smooth: 1.5 }).fitTransform(X, yCont);
    for (const { train, test } of new KFold({ nSplits: 4 }).split(n)) {
      for (const i of test)
        expect(out.get(i, 0)).toBeCloseTo(formula(Array.from(train), yCont, cities[i], 1.5), 12);
    }
  });

  it('differs from fit().transform(), which has seen every target', () => {
    const encoder = new TargetEncoder();
    const crossFitted = encoder.fitTransform(X, yCont);
    const full = encoder.transform(X);
    expect(Array.from(crossFitted.data)).not.toEqual(Array.from(full.data));
  });
});

describe('TargetEncoder with a multiclass target', () => {
  const labels = {
    codes: Int32Array.from({ length: n }, (_, i) => (yCont[i] > 8 ? 2 : yCont[i] > 4 ? 1 : 0)),
    levels: ['lo', 'mid', 'hi'],
  };
  const two = new Frame([
    categoricalColumn('city', cities),
    numericColumn(
      'zone',
      Float64Array.from(all, (i) => i % 3),
    ),
  ]);

  it('gives one output per (column, class), named column_class, each encoding that class', () => {
    const encoder = new TargetEncoder({ smooth: 2 }).fit(two, labels);
    expect(encoder.featureNamesOut()).toEqual([
      'city_lo',
      'city_mid',
      'city_hi',
      'zone_lo',
      'zone_mid',
      'zone_hi',
    ]);
    const out: Matrix = encoder.transform(two);
    for (let i = 0; i < n; i++) {
      // With a float smooth the per-class encodings of a category are shares that add up to 1.
      expect(out.get(i, 0) + out.get(i, 1) + out.get(i, 2)).toBeCloseTo(1, 12);
      const isMid = Float64Array.from(labels.codes, (c) => (c === 1 ? 1 : 0));
      expect(out.get(i, 1)).toBeCloseTo(formula(all, isMid, cities[i], 2), 12);
    }
  });
});

describe('TargetEncoder errors', () => {
  it('needs a target of the declared type', () => {
    expect(() => new TargetEncoder().fit(X)).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    const three = { codes: Int32Array.from(all, (i) => i % 3), levels: ['a', 'b', 'c'] };
    expect(() => new TargetEncoder({ targetType: 'binary' }).fit(X, three)).toThrow(/needs two classes/);
    expect(() => new TargetEncoder({ targetType: 'binary' }).fit(X, yCont)).toThrow(/needs class labels/);
    const withNaN = Float64Array.from(yCont);
    withNaN[4] = Number.NaN;
    expect(() => new TargetEncoder().fit(X, withNaN)).toThrow(
      expect.objectContaining({ code: 'TARGET_HAS_NAN' }),
    );
  });
});
