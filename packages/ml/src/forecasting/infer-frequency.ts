import { MlError } from '../core/errors';

export type FrequencyUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface InferredFrequency {
  unit: FrequencyUnit;
  /** Units between consecutive observations (2 for every other hour). */
  step: number;
  /** The usual seasonal period at this frequency (24 for hourly, 7 for daily, 12 for monthly, 1 if none). */
  season: number;
  /** Positions (0-based, in sorted order) after which observations are missing. */
  gaps: number[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIXED: [FrequencyUnit, number, number][] = [
  ['week', 7 * DAY, 52],
  ['day', DAY, 7],
  ['hour', HOUR, 24],
  ['minute', MINUTE, 60],
  ['second', SECOND, 60],
];

/**
 * Infers the sampling frequency of sorted timestamps (epoch milliseconds): the median spacing decides the unit —
 * calendar months, quarters and years are recognised by month arithmetic, so 28–31-day spacings are monthly —
 * and spacings larger than the step are reported as gaps. The season is the usual cycle of the unit divided by
 * the step when that is a whole number, otherwise 1.
 */
export function inferFrequency(timestamps: Float64Array): InferredFrequency {
  const n = timestamps.length;
  if (n < 2) {
    throw new MlError('TOO_FEW_ROWS', `Inferring a frequency needs at least 2 timestamps, got ${n}.`);
  }
  const diffs = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) {
    diffs[i - 1] = timestamps[i] - timestamps[i - 1];
    if (!(diffs[i - 1] > 0)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `Timestamps must be strictly increasing (position ${i} is not after ${i - 1}): sort them and drop duplicates.`,
      );
    }
  }
  const median = diffs.slice().sort()[(n - 1) >> 1];
  if (median >= 27 * DAY) {
    const months = diffs.map((_, i) => monthsBetween(timestamps[i], timestamps[i + 1]));
    const step = months.slice().sort()[(n - 1) >> 1];
    const unit: FrequencyUnit = step % 12 === 0 ? 'year' : step % 3 === 0 ? 'quarter' : 'month';
    const perUnit = unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1;
    const cycle = unit === 'year' ? 1 : unit === 'quarter' ? 4 : 12;
    const unitStep = step / perUnit;
    const gaps: number[] = [];
    months.forEach((v, i) => {
      if (v > step) gaps.push(i);
    });
    return { unit, step: unitStep, season: seasonFor(cycle, unitStep), gaps };
  }
  const [unit, size, cycle] =
    FIXED.find(([, ms]) => median >= ms && median % ms === 0) ?? FIXED[FIXED.length - 1];
  const step = Math.max(1, Math.round(median / size));
  const gaps: number[] = [];
  diffs.forEach((v, i) => {
    if (v > step * size * 1.5) gaps.push(i);
  });
  return { unit, step, season: seasonFor(cycle, step), gaps };
}

function seasonFor(cycle: number, step: number): number {
  const season = cycle / step;
  return Number.isInteger(season) && season > 1 ? season : 1;
}

function monthsBetween(a: number, b: number): number {
  const da = new Date(a);
  const db = new Date(b);
  return Math.max(
    1,
    Math.round((db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth()),
  );
}
