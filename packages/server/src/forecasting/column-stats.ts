import type { ColumnInfo } from '../datasets/column-types';
import { castTrimmed } from '../datasets/column-types';
import type { DatasetService } from '../datasets/service';
import { ident } from '../store/db';
import type { NumericColumnStats } from './value-guess';

/**
 * Calendar parts a helper column may copy, as DuckDB expressions of the timestamp `t`. A column equal to one of
 * them plus a constant is that part: 0- and 1-based weekdays (pandas' Monday = 0, DuckDB's Sunday = 0, ISO's
 * Monday = 1) and months are all caught by the constant.
 */
const DATE_PARTS: Record<string, string> = {
  year: 'year(t)',
  quarter: 'quarter(t)',
  month: 'month(t)',
  week: 'week(t)',
  day: 'day(t)',
  dow: 'dayofweek(t)',
  isodow: 'isodow(t)',
  doy: 'dayofyear(t)',
  hour: 'hour(t)',
  yearmonth: '(year(t) * 100 + month(t))',
};

/** Above this many numeric columns only the names are judged. */
const MAX_MEASURED = 60;
/** Rows read for the guess: a fixed hash sample above this, enough to tell a weekday from a measure. */
const GUESS_ROWS = 50_000;
/** A calendar part takes at most 366 values (day of year), a year-month one per month of data. */
const MAX_PART_VALUES = 1200;

/** Keeps about GUESS_ROWS rows of a data-set table by a hash of the row id: the same rows every time. */
function guessSample(nRows: number): string {
  if (nRows <= GUESS_ROWS) return '';
  return `WHERE hash(rowid) % 1000000 < ${Math.ceil((GUESS_ROWS / nRows) * 1_000_000)}`;
}

/**
 * Measures the numeric columns of a data set for the value-column guess (value-guess.ts): how many values, how
 * many distinct, whether all are whole numbers, and which calendar part of the time column (if it is a datetime)
 * they copy. Two aggregate queries on a fixed hash sample of the data-set table, so the answer is the same every
 * time: the counts first, then the calendar parts only for whole-number columns with few enough values to be one.
 */
export async function numericColumnStats(
  datasets: DatasetService,
  datasetId: string,
  numeric: readonly ColumnInfo[],
  time: ColumnInfo | undefined,
): Promise<Map<string, NumericColumnStats>> {
  const measured = numeric.slice(0, MAX_MEASURED);
  if (measured.length === 0) return new Map();
  const { dataset, table } = await datasets.source(datasetId);
  const from = (select: string[]) =>
    `FROM (SELECT ${select.join(', ')} FROM ${ident(table)} ${guessSample(dataset.nRows)})`;
  const value = (c: ColumnInfo, i: number) => `${castTrimmed(ident(c.name), 'DOUBLE')} AS c${i}`;
  const counts = await aggregate(
    datasets,
    `SELECT ${measured
      .flatMap((_, i) => [
        `count(c${i})`,
        `count(DISTINCT c${i})`,
        `coalesce(bool_and(c${i} = round(c${i})), false)`,
      ])
      .join(', ')} ${from(measured.map(value))}`,
  );
  const stats = new Map<string, NumericColumnStats>();
  measured.forEach((c, i) => {
    stats.set(c.name, {
      count: Number(counts[3 * i]),
      distinct: Number(counts[3 * i + 1]),
      integer: counts[3 * i + 2] === true,
      datePart: null,
    });
  });

  if (time?.type !== 'datetime') return stats;
  const parts = Object.entries(DATE_PARTS);
  const suspects = measured.filter((c) => {
    const s = stats.get(c.name) as NumericColumnStats;
    return s.integer && s.distinct >= 2 && s.distinct <= MAX_PART_VALUES;
  });
  if (suspects.length === 0) return stats;
  const t = ident(time.name);
  const when = `coalesce(${castTrimmed(t, 'TIMESTAMP')}, CAST(TRY_CAST(trim(${t}) AS DATE) AS TIMESTAMP)) AS t`;
  // A part matches when column − part takes a single value over the rows that have both.
  const matches = await aggregate(
    datasets,
    `SELECT ${suspects.flatMap((_, i) => parts.map(([, expr]) => `count(DISTINCT c${i} - ${expr})`)).join(', ')} ${from([...suspects.map(value), when])}`,
  );
  suspects.forEach((c, i) => {
    const part = parts.find((_, p) => Number(matches[i * parts.length + p]) === 1);
    if (part) (stats.get(c.name) as NumericColumnStats).datePart = part[0];
  });
  return stats;
}

async function aggregate(
  datasets: DatasetService,
  sql: string,
): Promise<(number | bigint | boolean | null)[]> {
  return datasets.withConnection(async (c) => {
    const reader = await c.runAndReadAll(sql);
    return reader.getRows()[0] as (number | bigint | boolean | null)[];
  });
}

/** Series-id candidates checked for one row per time (one aggregate query). */
export const MAX_KEY_CHECKS = 12;

/** How a candidate series key behaves: at most one row per time for each value, and values that repeat. */
export interface KeyCheck {
  onePerTime: boolean;
  /** On average at least two rows per value (a row number is no key). */
  repeats: boolean;
}

/**
 * Checks candidate key columns (rows missing the key or the time aside). Read on a fixed sample of whole times
 * (a hash of the time's text) above GUESS_ROWS rows, so a repeat within a sampled time is always seen.
 */
export async function keysUniquePerTime(
  datasets: DatasetService,
  datasetId: string,
  candidates: readonly ColumnInfo[],
  time: ColumnInfo,
): Promise<Map<string, KeyCheck>> {
  if (candidates.length === 0) return new Map();
  const { dataset, table } = await datasets.source(datasetId);
  const t = `trim(${ident(time.name)})`;
  const sample =
    dataset.nRows <= GUESS_ROWS
      ? ''
      : `WHERE hash(${t}) % 1000000 < ${Math.ceil((GUESS_ROWS / dataset.nRows) * 1_000_000)}`;
  const keys = candidates.map((c, i) => `NULLIF(trim(${ident(c.name)}), '') AS k${i}`);
  const checks = candidates.flatMap((_, i) => [
    `count(*) FILTER (WHERE k${i} IS NOT NULL AND t IS NOT NULL)`,
    `count(DISTINCT [k${i}, t]) FILTER (WHERE k${i} IS NOT NULL AND t IS NOT NULL)`,
    `count(DISTINCT k${i}) FILTER (WHERE t IS NOT NULL)`,
  ]);
  const row = await aggregate(
    datasets,
    `SELECT ${checks.join(', ')} FROM (SELECT NULLIF(${t}, '') AS t, ${keys.join(', ')} FROM ${ident(table)} ${sample})`,
  );
  return new Map(
    candidates.map((c, i) => {
      const [rows, pairs, keys] = [row[3 * i], row[3 * i + 1], row[3 * i + 2]].map(Number);
      return [c.name, { onePerTime: rows > 0 && pairs === rows, repeats: rows > 0 && 2 * keys <= rows }];
    }),
  );
}
