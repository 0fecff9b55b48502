import { type FrequencyUnit, inferFrequency } from '@quarry/ml';
import { httpError } from '../errors';

/** The sampling frequency of a run: a unit and a step (2 hours), or 'index' for whole-number periods. */
export interface Frequency {
  unit: FrequencyUnit | 'index';
  step: number;
  /** The usual seasonal period (24 for hourly); the request may override it. */
  season: number;
}

const MS: Partial<Record<FrequencyUnit, number>> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};
const MONTHS: Partial<Record<FrequencyUnit, number>> = { month: 1, quarter: 3, year: 12 };

/** Infers the frequency from one (the longest) series' sorted times. */
export function detectFrequency(times: Float64Array, isIndex: boolean): Frequency {
  if (isIndex) {
    const diffs = Array.from({ length: times.length - 1 }, (_, i) => times[i + 1] - times[i]).sort(
      (a, b) => a - b,
    );
    return { unit: 'index', step: diffs[diffs.length >> 1], season: 1 };
  }
  const f = inferFrequency(times);
  return { unit: f.unit, step: f.step, season: f.season };
}

/**
 * Positions of sorted times on the frequency's grid (0 for the first). A time between grid points is an
 * irregular frequency (422); a jump of more than one step is a gap, filled later by interpolation.
 */
export function gridPositions(times: Float64Array, freq: Frequency, series: string): Int32Array {
  const out = new Int32Array(times.length);
  for (let i = 1; i < times.length; i++) {
    const steps = stepsBetween(times[0], times[i], freq);
    if (!Number.isInteger(steps)) {
      throw httpError('IRREGULAR_FREQUENCY', {
        detail: `Series '${series}' has a time (${label(times[i], freq)}) off its ${describe(freq)} grid.`,
      });
    }
    out[i] = steps;
  }
  return out;
}

function stepsBetween(a: number, b: number, freq: Frequency): number {
  if (freq.unit === 'index') return Math.round(((b - a) / freq.step) * 1e9) / 1e9;
  const months = MONTHS[freq.unit];
  if (months !== undefined) {
    const da = new Date(a);
    const db = new Date(b);
    const diff = (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth();
    return diff / (months * freq.step);
  }
  return (b - a) / ((MS[freq.unit] as number) * freq.step);
}

/** The time `k` steps after `t` (calendar months for monthly, quarterly and yearly data). */
export function addSteps(t: number, k: number, freq: Frequency): number {
  if (freq.unit === 'index') return t + k * freq.step;
  const months = MONTHS[freq.unit];
  if (months === undefined) return t + k * (MS[freq.unit] as number) * freq.step;
  const d = new Date(t);
  d.setUTCMonth(d.getUTCMonth() + k * months * freq.step);
  return d.getTime();
}

export function describe(freq: Frequency): string {
  if (freq.unit === 'index') return freq.step === 1 ? 'period' : `every-${freq.step}-periods`;
  return freq.step === 1 ? `${freq.unit}ly`.replace('dayly', 'daily') : `every-${freq.step}-${freq.unit}s`;
}

/** A time as the API shows it: ISO 8601 for dates, the number for a period index. */
export function label(t: number, freq: Frequency): string | number {
  return freq.unit === 'index' ? t : new Date(t).toISOString();
}
