import { httpError } from '../errors';
import { addSteps, detectFrequency, type Frequency, gridPositions, label } from './time-grid';

/** Columns of a long-format table as read: one entry per row. */
export interface LongColumns {
  /** Series ids (null: one series). */
  ids: (string | null)[] | null;
  /** Epoch milliseconds, or period numbers when `timeIsIndex`; null where unreadable. */
  times: (number | null)[];
  timeIsIndex: boolean;
  /** Value cells as text (null = empty). */
  values: (string | null)[];
  valueColumn: string;
}

export interface PreparedSeries {
  id: string;
  /** Times on the grid, first to last (gaps filled), as numbers. */
  times: number[];
  values: Float64Array;
  /** Values filled by linear interpolation (empty cells and missing times). */
  filled: number;
}

export const MIN_OBSERVATIONS = 10;
/** More than this share of filled values means the grid is not the data's frequency. */
const MAX_FILLED_SHARE = 0.5;

/**
 * Turns long-format rows into regular series: grouped by id (first-seen order), checked for unreadable times,
 * time order (or sorted when `sort`), repeats and non-numeric values, placed on the inferred frequency's grid
 * with missing values and missing times filled by linear interpolation (and counted), and checked for length.
 */
export function buildSeries(
  cols: LongColumns,
  options: { sort: boolean },
): { series: PreparedSeries[]; frequency: Frequency } {
  const badValues = new Set<string>();
  let badCount = 0;
  const groups = new Map<string, { t: number; v: number; row: number }[]>();
  cols.times.forEach((t, row) => {
    const id = cols.ids?.[row] ?? (cols.ids === null ? 'series' : '(missing id)');
    if (t === null || !Number.isFinite(t)) {
      throw httpError('BAD_TIMESTAMPS', {
        detail: `Row ${row + 1} (series '${id}') has no readable time.`,
      });
    }
    const raw = cols.values[row]?.trim() ?? '';
    const v = raw === '' || raw.toUpperCase() === 'NA' ? Number.NaN : Number(raw);
    if (raw !== '' && raw.toUpperCase() !== 'NA' && !Number.isFinite(v)) {
      badCount++;
      if (badValues.size < 3) badValues.add(JSON.stringify(raw.slice(0, 30)));
    }
    const group = groups.get(id) ?? [];
    group.push({ t, v, row });
    groups.set(id, group);
  });
  if (badCount > 0) {
    throw httpError('NON_NUMERIC_VALUES', {
      column: cols.valueColumn,
      count: badCount,
      examples: [...badValues].join(', '),
    });
  }
  for (const [id, rows] of groups) checkOrder(id, rows, options.sort);
  const longest = [...groups.values()].reduce((a, b) => (b.length > a.length ? b : a));
  const frequency = detectFrequency(
    Float64Array.from(longest, (r) => r.t),
    cols.timeIsIndex,
  );
  const series = [...groups].map(([id, rows]) => placeOnGrid(id, rows, frequency));
  return { series, frequency };
}

/** Repeats first (wherever they are), then time order: sorted when asked, else refused. */
function checkOrder(id: string, rows: { t: number; row: number }[], sort: boolean): void {
  const seen = new Set<number>();
  let repeats = 0;
  let example: number | null = null;
  for (const { t } of rows) {
    if (seen.has(t)) {
      repeats++;
      example ??= t;
    }
    seen.add(t);
  }
  if (repeats > 0) {
    const shown = Math.abs(example as number) > 1e11 ? new Date(example as number).toISOString() : example;
    throw httpError('DUPLICATE_TIMESTAMPS', { series: id, count: repeats, example: shown });
  }
  if (sort) rows.sort((a, b) => a.t - b.t);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].t < rows[i - 1].t)
      throw httpError('TIMESTAMPS_UNSORTED', { series: id, row: rows[i].row + 1 });
  }
}

function placeOnGrid(id: string, rows: { t: number; v: number }[], freq: Frequency): PreparedSeries {
  const times = Float64Array.from(rows, (r) => r.t);
  const positions = gridPositions(times, freq, id);
  const n = positions[positions.length - 1] + 1;
  const values = new Float64Array(n).fill(Number.NaN);
  rows.forEach((r, i) => {
    values[positions[i]] = r.v;
  });
  const observed = values.reduce((c, v) => c + (Number.isNaN(v) ? 0 : 1), 0);
  if (observed < MIN_OBSERVATIONS) {
    throw httpError('SERIES_TOO_SHORT', { series: id, n: observed, min: MIN_OBSERVATIONS });
  }
  const filled = n - observed;
  if (filled > MAX_FILLED_SHARE * n) {
    throw httpError('IRREGULAR_FREQUENCY', {
      detail: `Series '${id}' would have ${filled} of ${n} points missing on the inferred grid (from ${label(times[0], freq)}).`,
    });
  }
  interpolate(values);
  const gridTimes = Array.from({ length: n }, (_, k) => addSteps(times[0], k, freq));
  return { id, times: gridTimes, values, filled };
}

/** Linear interpolation inside, the nearest value at the ends. */
function interpolate(values: Float64Array): void {
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    if (last === -1) values.fill(values[i], 0, i);
    else
      for (let j = last + 1; j < i; j++)
        values[j] = values[last] + ((values[i] - values[last]) * (j - last)) / (i - last);
    last = i;
  }
  if (last >= 0) values.fill(values[last], last + 1);
}
