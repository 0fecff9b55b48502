import { describe, expect, it } from 'vitest';
import { boostingScore, shouldStop } from './early-stopping';
import { binomialLoss, REGRESSION_LOSSES } from './loss';

describe('shouldStop', () => {
  it('stops when none of the last nIterNoChange scores beats the one before them by more than tol', () => {
    expect(shouldStop([1, 2, 3], 3, 0)).toBe(false); // fewer than nIterNoChange + 1 scores
    expect(shouldStop([1, 2, 2, 2], 3, 0)).toBe(false); // 2 > 1
    expect(shouldStop([1, 2, 2, 2, 2], 3, 0)).toBe(true);
    expect(shouldStop([1, 2, 2, 2, 2.05], 3, 0.1)).toBe(true);
    expect(shouldStop([1, 2, 2, 2, 2.2], 3, 0.1)).toBe(false);
  });
});

describe('boostingScore', () => {
  it('is minus the loss, the (weighted) accuracy or R², higher being better', () => {
    const y = Float64Array.of(0, 1, 1);
    const raw = Float64Array.of(-1, 2, -0.5);
    expect(boostingScore('loss', binomialLoss, y, null, raw)).toBeCloseTo(
      -binomialLoss.meanLoss(y, null, raw),
      15,
    );
    expect(boostingScore('accuracy', binomialLoss, y, null, raw)).toBeCloseTo(2 / 3, 15);
    expect(boostingScore('accuracy', binomialLoss, y, Float64Array.of(1, 1, 2), raw)).toBeCloseTo(0.5, 15);
    const target = Float64Array.of(1, 2, 3);
    expect(boostingScore('r2', REGRESSION_LOSSES.squared_error, target, null, target)).toBe(1);
    expect(boostingScore('r2', REGRESSION_LOSSES.squared_error, target, null, Float64Array.of(2, 2, 2))).toBe(
      0,
    );
  });
});
