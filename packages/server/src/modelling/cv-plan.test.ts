import { describe, expect, it } from 'vitest';
import type { ColumnData } from '../datasets/service';
import { groupCodes, planCv } from './cv-plan';

const n = 120;
const target: ColumnData = {
  name: 'y',
  kind: 'categorical',
  codes: Int32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
  levels: ['a', 'b'],
};
const base = { task: 'classification' as const, seed: 4, testSize: 0.25, testRows: null };

describe('holdout and folds', () => {
  it('grouped: no group on both sides of the holdout or of any fold', () => {
    const group: ColumnData = {
      name: 'g',
      kind: 'numeric',
      values: Float64Array.from({ length: n }, (_, i) => i % 12),
    };
    const groups = groupCodes(group);
    const plan = planCv(target, { ...base, cv: { strategy: 'group', k: 4, groupColumn: 'g' }, groups });
    expect(plan.split).toBe('group');
    const g = (positions: Int32Array) => new Set(Array.from(positions, (p) => groups[plan.rows.keep[p]]));
    const trainGroups = g(plan.train);
    for (const x of g(plan.test)) expect(trainGroups.has(x)).toBe(false);
    expect(plan.test.length / n).toBeGreaterThanOrEqual(0.25);
    for (const fold of plan.folds) {
      const fit = g(Int32Array.from(fold.train, (p) => plan.train[p]));
      for (const x of g(Int32Array.from(fold.test, (p) => plan.train[p]))) expect(fit.has(x)).toBe(false);
    }
  });

  it('time-ordered: the holdout is the latest rows and every fold validates on later rows than it fits', () => {
    const times = Float64Array.from({ length: n }, (_, i) => (i * 37) % n); // a permutation of 0..n-1
    const plan = planCv(target, { ...base, cv: { strategy: 'time', k: 3, timeColumn: 't' }, times });
    expect(plan.split).toBe('time');
    const t = (p: number) => times[plan.rows.keep[p]];
    const latestTrain = Math.max(...Array.from(plan.train, t));
    expect(Math.min(...Array.from(plan.test, t))).toBeGreaterThan(latestTrain);
    expect(plan.folds).toHaveLength(3);
    for (const fold of plan.folds) {
      const fitMax = Math.max(...Array.from(fold.train, (p) => t(plan.train[p])));
      expect(Math.min(...Array.from(fold.test, (p) => t(plan.train[p])))).toBeGreaterThan(fitMax);
    }
  });

  it('stratified and k-fold folds cover every training row once', () => {
    for (const strategy of ['stratified', 'kfold'] as const) {
      const plan = planCv(target, { ...base, cv: { strategy, k: 5 } });
      const seen = new Int32Array(plan.train.length);
      for (const fold of plan.folds) for (const p of fold.test) seen[p]++;
      expect(seen.every((c) => c === 1)).toBe(true);
    }
    expect(() =>
      planCv({ ...target, kind: 'numeric', values: new Float64Array(n) } as ColumnData, {
        ...base,
        task: 'regression',
        cv: { strategy: 'stratified', k: 5 },
      }),
    ).toThrow(/Stratified folds need a classification target/);
  });
});
