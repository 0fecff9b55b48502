import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import { ident } from '../store/db';

/**
 * A time column as numbers, in row order: a numeric column as it is, a datetime column as epoch seconds (NaN
 * where missing or unparseable). Any other type cannot order rows in time.
 */
export async function readTimes(
  datasets: DatasetService,
  datasetId: string,
  column: string,
): Promise<Float64Array> {
  const { dataset, table } = await datasets.source(datasetId);
  const info = dataset.columns.find((c) => c.name === column);
  if (info === undefined)
    throw httpError('BAD_CV', {
      detail: `Time column '${column}' is not in data set '${dataset.name}'. Pick one of its columns.`,
    });
  const expr =
    info.type === 'numeric'
      ? `TRY_CAST(trim(${ident(column)}) AS DOUBLE)`
      : info.type === 'datetime'
        ? `epoch(TRY_CAST(trim(${ident(column)}) AS TIMESTAMP))`
        : null;
  if (expr === null)
    throw httpError('BAD_CV', {
      detail: `Time column '${column}' is ${info.type}; set its type to datetime or numeric first.`,
    });
  const values = await datasets.withConnection(
    async (c) => (await c.runAndReadAll(`SELECT ${expr} AS t FROM ${ident(table)}`)).getColumnsJS()[0],
  );
  return Float64Array.from(values, (v) => (v === null ? Number.NaN : Number(v)));
}
