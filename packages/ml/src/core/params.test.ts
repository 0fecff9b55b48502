import { describe, expect, it } from 'vitest';
import { MlError } from './errors';
import { invalidParameterMessage, validateParams } from './params';

describe('parameter constraints', () => {
  it('formats the one message template', () => {
    const message = invalidParameterMessage(
      'HistGradientBoostingRegressor',
      'learningRate',
      [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'neither' }],
      -0.1,
    );
    expect(message).toBe(
      "The 'learningRate' parameter of HistGradientBoostingRegressor must be a float in (0, Infinity). Got -0.1.",
    );
  });

  it('lists alternatives and quotes strings', () => {
    const message = invalidParameterMessage(
      'DecisionTreeClassifier',
      'maxFeatures',
      [
        { type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' },
        { type: 'options', values: ['sqrt', 'log2'] },
        { type: 'null' },
      ],
      'all',
    );
    expect(message).toBe(
      "The 'maxFeatures' parameter of DecisionTreeClassifier must be an int in [1, Infinity), one of 'sqrt', 'log2' or null. Got 'all'.",
    );
  });

  it('accepts valid values and throws INVALID_PARAMETER for the first invalid one', () => {
    const constraints = {
      alpha: [{ type: 'float' as const, min: 0, closed: 'left' as const }],
      depth: [{ type: 'int' as const, min: 1 }, { type: 'null' as const }],
    };
    expect(() => validateParams('Model', { alpha: 0, depth: null }, constraints)).not.toThrow();
    expect(() => validateParams('Model', { alpha: 2, depth: 3 }, constraints)).not.toThrow();
    for (const bad of [
      { alpha: -1, depth: 1 },
      { alpha: Number.NaN, depth: 1 },
      { alpha: 1, depth: 1.5 },
      { alpha: '1', depth: 1 },
    ]) {
      try {
        validateParams('Model', bad, constraints);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(MlError);
        expect((error as MlError).code).toBe('INVALID_PARAMETER');
      }
    }
  });

  it('treats interval ends as declared', () => {
    const open = { x: [{ type: 'float' as const, min: 0, max: 1, closed: 'neither' as const }] };
    const closed = { x: [{ type: 'float' as const, min: 0, max: 1, closed: 'both' as const }] };
    expect(() => validateParams('M', { x: 1 }, open)).toThrow(/must be a float in \(0, 1\)/);
    expect(() => validateParams('M', { x: 1 }, closed)).not.toThrow();
    expect(() => validateParams('M', { x: 0 }, closed)).not.toThrow();
  });
});
