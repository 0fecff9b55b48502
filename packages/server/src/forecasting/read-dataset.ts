import type { ColumnInfo } from '../datasets/column-types';
import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import { ident } from '../store/db';
import type { LongColumns } from './long-series';

export interface ColumnChoice {
  id: string | null;
  time: string;
  value: string;
}

const TIME_NAME = /^(ds|date|time|timestamp|datetime|period|month|day|hour|week|year)$|date|time/i;
const VALUE_NAME = /^(y|value|values|target|sales|demand|load|count|amount|quantity|volume)$/i;
const ID_NAME = /^(unique_id|id|series|series_id|item|item_id|sku|store|key|name|group)$/i;

/**
 * Guesses the time, value and series-id columns of a long-format data set: the time column is a datetime column
 * (by name first), the value a numeric one (by name first, else the last numeric that is not named like a key),
 * the id a categorical or identifier column — or a numeric one named like a key (store = 1, 2, 3). The request
 * may override any of them.
 */
export function detectColumns(columns: ColumnInfo[], nRows: number): Partial<ColumnChoice> {
  const by = (pred: (c: ColumnInfo) => boolean) => columns.filter(pred);
  const dates = by((c) => c.type === 'datetime');
  const time =
    dates.find((c) => TIME_NAME.test(c.name)) ??
    dates[0] ??
    by((c) => (c.type === 'numeric' || c.type === 'identifier') && TIME_NAME.test(c.name))[0];
  const numeric = by((c) => c.type === 'numeric' && c !== time);
  const measures = numeric.filter((c) => !ID_NAME.test(c.name));
  const value = numeric.find((c) => VALUE_NAME.test(c.name)) ?? measures[measures.length - 1];
  const ids = by(
    (c) =>
      (c.type === 'categorical' ||
        c.type === 'identifier' ||
        (c.type === 'numeric' && ID_NAME.test(c.name))) &&
      c !== time &&
      c !== value,
  );
  const id = ids.find((c) => ID_NAME.test(c.name)) ?? (nRows > 0 ? ids[0] : undefined);
  return { time: time?.name, value: value?.name, id: id?.name ?? null };
}

/** Fills the request's columns from the detection; names a missing time or value column in a 422. */
export function resolveColumns(
  columns: ColumnInfo[],
  nRows: number,
  request: { idColumn?: string | null; timeColumn?: string; valueColumn?: string },
  dataset: string,
): ColumnChoice {
  const detected = detectColumns(columns, nRows);
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
