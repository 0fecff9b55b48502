import type { DuckDBConnection } from '@duckdb/node-api';
import { httpError } from '../errors';
import { ident, literal } from '../store/db';
import { type ColumnRename, safeColumnNames } from '../untrusted/safe-names';
import { columnStats } from './column-stats';
import type { ColumnInfo } from './column-types';
import { readCsvHeaderFields } from './csv-header';
import type { FileFormat } from './formats';
import { toColumnInfo } from './infer-types';

export const MAX_COLUMNS = 2_000;
/** Strings read as missing values in text files (R's NA included, as the tabular sets use it). */
export const NULL_STRINGS = ['', 'NA', 'N/A', 'NaN', 'NULL', 'null', '#N/A'];

export interface LoadedTable {
  nRows: number;
  columns: ColumnInfo[];
}

/**
 * An untrusted file already parsed by the child process (untrusted/parse-untrusted.ts): a Parquet file the
 * server itself wrote, every column VARCHAR, with the names it holds and the renames made on the way.
 */
export interface ParsedFile {
  path: string;
  fileName: string;
  names: string[];
  nRows: number;
  renames: ColumnRename[];
}

/**
 * Loads a parsed file into `table` with every column as VARCHAR, then infers the column types. Runs inside the
 * caller's transaction, if any: on any error nothing is left behind.
 */
export async function loadTable(
  c: DuckDBConnection,
  table: string,
  parsed: ParsedFile,
): Promise<LoadedTable> {
  const names = await createTextTable(c, table, parsed);
  const loaded = await describeTable(c, table, names, parsed.fileName);
  return { ...loaded, columns: withOriginalNames(loaded.columns, parsed.renames) };
}

/** Records, on each renamed column, the name the file gave it (shown with the column). */
export function withOriginalNames(columns: ColumnInfo[], renames: ColumnRename[]): ColumnInfo[] {
  const from = new Map(renames.map((r) => [r.to, r.from]));
  return columns.map((c) => (from.has(c.name) ? { ...c, originalName: from.get(c.name) } : c));
}

/** Creates `table` from the parsed file, every column as VARCHAR; returns the column names. */
export async function createTextTable(
  c: DuckDBConnection,
  table: string,
  parsed: ParsedFile,
): Promise<string[]> {
  const { names } = parsed;
  // Our own file, written by the child a moment ago: the only file the server's DuckDB reads from an upload.
  const select = `SELECT * FROM read_parquet(${literal(parsed.path)})`;
  const manyValued = await manyValuedColumns(c, select, names);
  const definitions = names.map(
    (name, i) => `${ident(name)} VARCHAR USING COMPRESSION ${manyValued[i] ? 'fsst' : 'dictionary'}`,
  );
  await c.run(`CREATE TABLE ${ident(table)} (${definitions.join(', ')})`);
  await c.run(`INSERT INTO ${ident(table)} ${select}`);
  return names;
}

/**
 * Counts the rows of a loaded table and infers its column types. Best run on a committed table: DuckDB scans the
 * rows a transaction has written but not yet committed on one thread only (measured on the 1 000 000-row profile
 * benchmark, 2 cores: the inference pass took 1.9 s for 2.0 s of CPU inside the load's transaction, 1.1 s for the
 * same CPU after its commit).
 */
export async function describeTable(
  c: DuckDBConnection,
  table: string,
  names: string[],
  fileName: string,
): Promise<LoadedTable> {
  const count = await c.runAndReadAll(`SELECT count(*) AS n FROM ${ident(table)}`);
  const nRows = Number(count.getRowObjectsJS()[0].n);
  if (nRows === 0) throw httpError('NO_ROWS', { fileName });
  const stats = await columnStats(c, table, names, nRows);
  return { nRows, columns: stats.map(toColumnInfo) };
}

/** Rows of the file read to choose each column's compression. */
const COMPRESSION_PROBE_ROWS = 2048;

/**
 * Which columns look many-valued in the first rows of the file (more than half of their values distinct). These
 * are stored with FSST compression and the others with a dictionary, both named up front: left to choose, DuckDB
 * tries every method on every row group and keeps the smallest, which costs about as much as writing them
 * (measured on the 1 000 000-row profile benchmark: naming FSST took a fifth off the write, naming the dictionary
 * too a further tenth, for a file of the same size; that is what DuckDB chose there). A dictionary is kept per
 * segment, so a column repeating locally (a sorted key) still suits it. The choice changes only speed and file
 * size, never a value, so a wrong guess from the first rows is harmless: a column that turns out all-distinct
 * under a dictionary costs less CPU time than DuckDB's own choice would and about twice the bytes of FSST.
 */
async function manyValuedColumns(c: DuckDBConnection, select: string, names: string[]): Promise<boolean[]> {
  const parts = names.map(
    (name, i) => `count(DISTINCT ${ident(name)}) AS d${i}, count(${ident(name)}) AS n${i}`,
  );
  const row = (
    await c.runAndReadAll(`SELECT ${parts.join(', ')} FROM (${select} LIMIT ${COMPRESSION_PROBE_ROWS})`)
  ).getRowObjectsJS()[0];
  return names.map((_, i) => Number(row[`n${i}`]) >= 100 && Number(row[`d${i}`]) > Number(row[`n${i}`]) / 2);
}

/**
 * A SELECT that reads the file with every column as VARCHAR, the names taken from the file and made safe
 * (untrusted/safe-names.ts). Runs only in the parsing child process (untrusted/convert.ts).
 */
export async function sourceSelect(
  c: DuckDBConnection,
  source: { path: string; fileName: string; format: FileFormat; head: string; maxLineBytes: number },
): Promise<{ select: string; names: string[]; renames: ColumnRename[] }> {
  const { path, fileName, format, head } = source;
  const file = literal(path);
  if (format === 'csv' || format === 'tsv') {
    const { delimiter, fields } = readCsvHeaderFields(head, format === 'tsv' ? '\t' : undefined);
    if (fields.length > MAX_COLUMNS)
      throw httpError('TOO_MANY_COLUMNS', { fileName, count: fields.length, limit: MAX_COLUMNS });
    const { names, renames } = safeColumnNames(fields);
    const columns = `{${names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ')}}`;
    const nulls = `[${NULL_STRINGS.map(literal).join(', ')}]`;
    const select = `SELECT * FROM read_csv(${file}, auto_detect = false, header = true, delim = ${literal(delimiter)},
      quote = '"', escape = '"', columns = ${columns}, nullstr = ${nulls}, strict_mode = true,
      null_padding = false, ignore_errors = false, max_line_size = ${source.maxLineBytes})`;
    return { select, names, renames };
  }
  const reader =
    format === 'parquet'
      ? `read_parquet(${file})`
      : // Records only (a top-level scalar or an array of scalars is not a table), one column per key (never a MAP).
        `read_json(${file}, format = ${format === 'ndjson' ? "'newline_delimited'" : "'auto'"}, maximum_object_size = 100000000,
          records = true, map_inference_threshold = -1)`;
  let described: { column_name: string; column_type: string }[];
  try {
    described = (
      await c.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`)
    ).getRowObjectsJS() as typeof described;
  } catch (err) {
    throw translateLoadError(err as Error, source);
  }
  if (described.length === 0) throw httpError('NO_ROWS', { fileName });
  if (described.length > MAX_COLUMNS)
    throw httpError('TOO_MANY_COLUMNS', { fileName, count: described.length, limit: MAX_COLUMNS });
  const { names, renames } = safeColumnNames(described.map((d) => d.column_name));
  const casts = described.map(({ column_name: name, column_type: type }, i) => {
    const column = ident(name);
    const nested = /STRUCT|MAP|\[\]|LIST|UNION|JSON/.test(type);
    const expr =
      type === 'VARCHAR'
        ? column
        : nested
          ? `CAST(to_json(${column}) AS VARCHAR)`
          : format !== 'parquet' && (type === 'DOUBLE' || type === 'FLOAT')
            ? // JSON has no NaN or Infinity; DuckDB's reader accepts both (and 1e999 overflows to infinity).
              `CASE WHEN isfinite(${column}) OR ${column} IS NULL THEN CAST(${column} AS VARCHAR) ELSE error('quarry_json_nonfinite:${i}') END`
            : `CAST(${column} AS VARCHAR)`;
    return `${expr} AS ${ident(names[i])}`;
  });
  return { select: `SELECT ${casts.join(', ')} FROM ${reader}`, names, renames };
}

/** Turns a DuckDB error about an untrusted file into the catalog's answer, naming the file, never its path. */
export function translateLoadError(
  err: Error,
  source: { path: string; fileName: string; format: FileFormat; maxLineBytes?: number; names?: string[] },
): Error {
  const { path, fileName, format } = source;
  if ((err as { name?: string }).name === 'HttpError') return err;
  const message = err.message;
  const longLine = /Maximum line size of (\d+) bytes exceeded/i.exec(message);
  if (longLine) {
    const line = /Line: (\d+)/i.exec(message);
    return httpError('LINE_TOO_LONG', { fileName, limit: Number(longLine[1]), line: line?.[1] });
  }
  const nonFinite = /quarry_json_nonfinite:(\d+)/.exec(message);
  if (nonFinite) {
    const column = source.names?.[Number(nonFinite[1])] ?? `#${Number(nonFinite[1]) + 1}`;
    return httpError('UNREADABLE_FILE', {
      fileName,
      format: 'JSON',
      detail: `column '${column}' holds NaN, Infinity or a number too large for a double, which JSON does not allow`,
    });
  }
  if (/expected records, but got non-record JSON/.test(message))
    return httpError('UNREADABLE_FILE', {
      fileName,
      format: 'JSON',
      detail: 'it is not a list of records (objects with one key per column)',
    });
  const longCell = /quarry_cell_too_long:(\d+):(\d+)/.exec(message);
  if (longCell) {
    const column = source.names?.[Number(longCell[1])] ?? `#${Number(longCell[1]) + 1}`;
    return httpError('CELL_TOO_LONG', { fileName, column, limit: Number(longCell[2]) });
  }
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
