import type { ColumnInfo } from '../datasets/column-types';
import type { DatasetService, DatasetSummary } from '../datasets/service';
import { httpError } from '../errors';
import { ident } from '../store/db';
import { keysUniquePerTime, MAX_KEY_CHECKS, numericColumnStats } from './column-stats';
import type { LongColumns } from './long-series';
import { guessValueColumn, isIdName, type NumericColumnStats } from './value-guess';

export interface ColumnChoice {
  id: string | null;
  time: string;
  value: string;
}

const TIME_NAME = /^(ds|date|time|timestamp|datetime|period|month|day|hour|week|year)$|date|time/i;
const ID_NAME = /^(unique_id|id|series|series_id|item|item_id|sku|store|key|name|group)$/i;

/** The time column: a datetime column (by name first), else a numeric or identifier one named like a time. */
export function detectTimeColumn(columns: ColumnInfo[]): ColumnInfo | undefined {
  const dates = columns.filter((c) => c.type === 'datetime');
  return (
    dates.find((c) => TIME_NAME.test(c.name)) ??
    dates[0] ??
    columns.find((c) => (c.type === 'numeric' || c.type === 'identifier') && TIME_NAME.test(c.name))
  );
}

/**
 * Guesses the time, value and series-id columns of a long-format data set: the time column by detectTimeColumn,
 * the value by guessValueColumn (a measure, never a date part or a key; `stats`, measured by numericColumnStats,
 * let it see date parts and row numbers in the values, not only in the names), the id a categorical or identifier
 * column — or a numeric one named like a key (store = 1, 2, 3; store_id) whose values repeat. The request may
 * override any of them.
 */
export function detectColumns(
  columns: ColumnInfo[],
  nRows: number,
  stats?: ReadonlyMap<string, NumericColumnStats>,
): Partial<ColumnChoice> {
  const by = (pred: (c: ColumnInfo) => boolean) => columns.filter(pred);
  const time = detectTimeColumn(columns);
  const numeric = by((c) => c.type === 'numeric' && c !== time);
  const valueName = guessValueColumn(
    numeric.filter((c) => !ID_NAME.test(c.name)).map((c) => ({ name: c.name, stats: stats?.get(c.name) })),
  );
  const value = numeric.find((c) => c.name === valueName);
  const id = seriesIdCandidates(columns, nRows, time, value, stats)[0];
  return { time: time?.name, value: value?.name, id: id?.name ?? null };
}

/**
 * The columns that could name the series, best guess first: a categorical or identifier column named like a key,
 * a numeric one named like a key (store = 1, 2, 3; store_id) whose values repeat, then any categorical or
 * identifier column.
 */
function seriesIdCandidates(
  columns: ColumnInfo[],
  nRows: number,
  time: ColumnInfo | undefined,
  value: ColumnInfo | undefined,
  stats?: ReadonlyMap<string, NumericColumnStats>,
): ColumnInfo[] {
  const by = (pred: (c: ColumnInfo) => boolean) => columns.filter(pred);
  const ids = by(
    (c) =>
      (c.type === 'categorical' ||
        c.type === 'identifier' ||
        (c.type === 'numeric' && ID_NAME.test(c.name))) &&
      c !== time &&
      c !== value,
  );
  // A key by name (store_id, item_code) names series only if its values repeat: a unique one numbers rows.
  const repeats = (c: ColumnInfo) => {
    const s = stats?.get(c.name);
    return s === undefined || s.distinct < s.count;
  };
  const keyType = (c: ColumnInfo) =>
    c.type === 'categorical' || c.type === 'identifier' || c.type === 'numeric';
  const keys = by((c) => c !== time && c !== value && keyType(c) && isIdName(c.name) && repeats(c));
  const ordered = [...ids.filter((c) => ID_NAME.test(c.name)), ...keys, ...(nRows > 0 ? ids : [])];
  return [...new Set(ordered)];
}

/** detectColumns with the numeric columns measured first (one query), as the page and the API guess them. */
export async function detectColumnsIn(
  datasets: DatasetService,
  dataset: DatasetSummary,
): Promise<Partial<ColumnChoice>> {
  const time = detectTimeColumn(dataset.columns);
  const numeric = dataset.columns.filter((c) => c.type === 'numeric' && c !== time);
  const stats = await numericColumnStats(datasets, dataset.id, numeric, time);
  const detected = detectColumns(dataset.columns, dataset.nRows, stats);
  if (time === undefined || detected.id === null || detected.id === undefined) return detected;
  // Series are only series if each has one row per time: prefer the first candidate for which that holds (with
  // product × store × date rows, 'store' alone repeats every date; a combined product_store key does not).
  const value = dataset.columns.find((c) => c.name === detected.value);
  const candidates = seriesIdCandidates(dataset.columns, dataset.nRows, time, value, stats);
  const checks = await keysUniquePerTime(datasets, dataset.id, candidates.slice(0, MAX_KEY_CHECKS), time);
  const id = candidates.find((c) => checks.get(c.name)?.onePerTime && checks.get(c.name)?.repeats);
  if (id !== undefined) return { ...detected, id: id.name };
  // None fits. A guess whose values do not repeat numbers rows: one series then. Otherwise keep it, and the
  // forecast's DUPLICATE_TIMESTAMPS says to combine the columns that tell the series apart.
  return checks.get(detected.id)?.repeats === false ? { ...detected, id: null } : detected;
}

/**
 * Fills the request's columns from the detection (judged by the names only unless `detected` is given); names a
 * missing time or value column in a 422.
 */
export function resolveColumns(
  columns: ColumnInfo[],
  nRows: number,
  request: { idColumn?: string | null; timeColumn?: string; valueColumn?: string },
  dataset: string,
  detected: Partial<ColumnChoice> = detectColumns(columns, nRows),
): ColumnChoice {
  const available = columns.map((c) => c.name).join(', ');
  const check = (name: string | undefined, role: string): string => {
    if (name === undefined)
      throw httpError('COLUMN_NOT_FOUND', { column: `(${role}: none detected)`, dataset, available });
    if (!columns.some((c) => c.name === name))
      throw httpError('COLUMN_NOT_FOUND', { column: name, dataset, available });
    return name;
  };
  const time = check(request.timeColumn ?? detected.time, 'time');
  const value = check(request.valueColumn ?? detected.value, 'value');
  const id = request.idColumn === undefined ? (detected.id ?? null) : request.idColumn;
  if (id !== null) check(id, 'id');
  return { id, time, value };
}

/** Reads the chosen columns of a data set in row order: ids as text, times as epoch ms or numbers, values as text. */
export async function readLongColumns(
  datasets: DatasetService,
  datasetId: string,
  choice: ColumnChoice,
): Promise<LongColumns> {
  const { dataset, table } = await datasets.source(datasetId);
  const timeInfo = dataset.columns.find((c) => c.name === choice.time) as ColumnInfo;
  const timeIsIndex = timeInfo.type === 'numeric' || timeInfo.type === 'identifier';
  const t = `trim(${ident(choice.time)})`;
  const timeExpr = timeIsIndex
    ? `TRY_CAST(${t} AS DOUBLE)`
    : `epoch_ms(COALESCE(TRY_CAST(${t} AS TIMESTAMP), CAST(TRY_CAST(${t} AS DATE) AS TIMESTAMP)))`;
  const idExpr = choice.id === null ? 'NULL' : `trim(${ident(choice.id)})`;
  return datasets.withConnection(async (c) => {
    const reader = await c.runAndReadAll(
      `SELECT ${idExpr} AS id, ${timeExpr} AS t, ${ident(choice.value)} AS v FROM ${ident(table)}`,
    );
    const [ids, times, values] = reader.getColumnsJS() as [
      (string | null)[],
      (number | bigint | null)[],
      (string | null)[],
    ];
    return {
      ids: choice.id === null ? null : ids,
      times: times.map((v) => (v === null ? null : Number(v))),
      timeIsIndex,
      values,
      valueColumn: choice.value,
    };
  });
}
