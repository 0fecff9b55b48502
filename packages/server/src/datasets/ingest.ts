import type { DuckDBConnection } from '@duckdb/node-api';
import { httpError } from '../errors';
import { ident, literal } from '../store/db';
import { columnStats } from './column-stats';
import type { ColumnInfo } from './column-types';
import { readCsvHeader } from './csv-header';
import type { FileFormat } from './formats';
import { toColumnInfo } from './infer-types';

export const MAX_COLUMNS = 2_000;
/** Strings read as missing values in text files (R's NA included, as the tabular sets use it). */
const NULL_STRINGS = ['', 'NA', 'N/A', 'NaN', 'NULL', 'null', '#N/A'];

export interface LoadedTable {
  nRows: number;
  columns: ColumnInfo[];
}

/**
 * Loads a file into `table` with every column as VARCHAR, then infers the column types. Runs inside the
 * caller's transaction: on any error nothing is left behind.
 */
export async function loadTable(
  c: DuckDBConnection,
  table: string,
  source: { path: string; fileName: string; format: FileFormat; head: string },
): Promise<LoadedTable> {
  const { fileName } = source;
  const select = await sourceSelect(c, source);
  try {
    await c.run(`CREATE TABLE ${ident(table)} AS ${select}`);
  } catch (err) {
    throw translateLoadError(err as Error, source);
  }
  const names = (await c.runAndReadAll(`SELECT * FROM ${ident(table)} LIMIT 0`)).columnNames();
  if (names.length > MAX_COLUMNS)
    throw httpError('TOO_MANY_COLUMNS', { fileName, count: names.length, limit: MAX_COLUMNS });
  const count = await c.runAndReadAll(`SELECT count(*) AS n FROM ${ident(table)}`);
  const nRows = Number(count.getRowObjectsJS()[0].n);
  if (nRows === 0) throw httpError('NO_ROWS', { fileName });
  const stats = await columnStats(c, table, names);
  return { nRows, columns: stats.map(toColumnInfo) };
}

/** A SELECT that reads the file with every column as VARCHAR, the names taken from the file. */
async function sourceSelect(
  c: DuckDBConnection,
  source: { path: string; fileName: string; format: FileFormat; head: string },
): Promise<string> {
  const { path, fileName, format, head } = source;
  const file = literal(path);
  if (format === 'csv' || format === 'tsv') {
    const { delimiter, names } = readCsvHeader(head, format === 'tsv' ? '\t' : undefined);
    if (names.length > MAX_COLUMNS)
      throw httpError('TOO_MANY_COLUMNS', { fileName, count: names.length, limit: MAX_COLUMNS });
    const columns = `{${names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ')}}`;
    const nulls = `[${NULL_STRINGS.map(literal).join(', ')}]`;
    return `SELECT * FROM read_csv(${file}, auto_detect = false, header = true, delim = ${literal(delimiter)},
      quote = '"', escape = '"', columns = ${columns}, nullstr = ${nulls}, strict_mode = true,
      null_padding = false, ignore_errors = false, max_line_size = 10000000)`;
  }
  const reader =
    format === 'parquet'
      ? `read_parquet(${file})`
      : `read_json(${file}, format = ${format === 'ndjson' ? "'newline_delimited'" : "'auto'"}, maximum_object_size = 100000000)`;
  let described: { column_name: string; column_type: string }[];
  try {
    described = (
      await c.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`)
    ).getRowObjectsJS() as typeof described;
  } catch (err) {
    throw translateLoadError(err as Error, source);
  }
  if (described.length === 0) throw httpError('NO_ROWS', { fileName });
  const casts = described.map(({ column_name: name, column_type: type }) => {
    const column = ident(name);
    const nested = /STRUCT|MAP|\[\]|LIST|UNION|JSON/.test(type);
    const expr =
      type === 'VARCHAR'
        ? column
        : nested
          ? `CAST(to_json(${column}) AS VARCHAR)`
          : `CAST(${column} AS VARCHAR)`;
    return `${expr} AS ${column}`;
  });
  return `SELECT ${casts.join(', ')} FROM ${reader}`;
}

function translateLoadError(
  err: Error,
  source: { path: string; fileName: string; format: FileFormat },
): Error {
  const { path, fileName, format } = source;
  if ((err as { name?: string }).name === 'HttpError') return err;
  const message = err.message;
  const wrongCount = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  const line = /CSV Error on Line: (\d+)/.exec(message);
  if (wrongCount) {
    return httpError('RAGGED_ROWS', {
      fileName,
      detail: `line ${line?.[1] ?? '?'} has ${wrongCount[2]} fields where the header has ${wrongCount[1]}`,
    });
  }
  const label = { csv: 'CSV', tsv: 'TSV', json: 'JSON', ndjson: 'NDJSON', parquet: 'Parquet', xlsx: 'CSV' }[
    format
  ];
  // DuckDB's first line says what went wrong; the rest is advice about its own options, not ours.
  const first = message
    .split('\n')[0]
    .replace(/^[A-Za-z ]+Error: /, '')
    .replaceAll(path, fileName);
  return httpError('UNREADABLE_FILE', { fileName, format: label, detail: first.slice(0, 300) });
}
