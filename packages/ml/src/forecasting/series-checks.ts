import { MlError } from '../core/errors';

/** Checks a training series: a `Float64Array` of at least `minLength` finite values. */
export function checkSeries(y: Float64Array, kind: string, minLength = 1): Float64Array {
  if (!(y instanceof Float64Array)) {
    throw new MlError('INVALID_PARAMETER', `${kind}.fit expects the series as a Float64Array.`, {
      details: { kind },
    });
  }
  if (y.length < minLength) {
    throw new MlError(
      y.length === 0 ? 'EMPTY_DATA' : 'TOO_FEW_ROWS',
      `${kind} needs at least ${minLength} observations, got ${y.length}: use a longer series or a simpler model.`,
      { details: { kind, n: y.length, minLength } },
    );
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new MlError(
        'TARGET_HAS_NAN',
        `The series given to ${kind} has a missing or infinite value at position ${i}: interpolate or drop it first.`,
        { details: { kind, index: i } },
      );
    }
  }
  return y;
}

export function checkSeason(season: number, kind: string): number {
  if (!Number.isInteger(season) || season < 1) {
    throw new MlError(
      'INVALID_PARAMETER',
      `The 'season' option of ${kind}.fit must be an int in [1, Infinity). Got ${season}.`,
      { details: { kind, parameter: 'season' } },
    );
  }
  return season;
}

export function checkHorizon(horizon: number, kind: string): number {
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new MlError(
      'INVALID_PARAMETER',
      `The horizon given to ${kind}.predict must be an int in [1, Infinity). Got ${horizon}.`,
      { details: { kind, parameter: 'horizon' } },
    );
  }
  return horizon;
}

export function checkLevels(levels: readonly number[], kind: string): readonly number[] {
  for (const level of levels) {
    if (!(typeof level === 'number' && level > 0 && level < 100)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `Interval levels given to ${kind}.predict must be percentages in (0, 100). Got ${level}.`,
        { details: { kind, parameter: 'levels' } },
      );
    }
  }
  return levels;
}
