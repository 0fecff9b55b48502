import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type FileFormat, sniff } from '../datasets/formats';
import { sourceSelect, translateLoadError } from '../datasets/ingest';
import { httpError } from '../errors';
import { ident, literal } from '../store/db';
import type { ParseLimits } from './limits';
import { refuseNulBytes } from './nul-scan';
import { preflightParquet } from './parquet-preflight';
import type { ColumnRename } from './safe-names';

/** What the parent asks the child to parse; every path is server-made, inside `scratchDir`, except `input`. */
export interface ParseRequest {
  input: string;
  fileName: string;
  format: FileFormat;
  /** A directory of this parse only: the intermediate, the xlsx→CSV file and DuckDB's spill files go here. */
  scratchDir: string;
  limits: ParseLimits;
}

export interface ParseResult {
  /** The Parquet file written (inside scratchDir). */
  output: string;
  names: string[];
  nRows: number;
  renames: ColumnRename[];
}

/**
 * Runs in the child process only (child-main.ts). Reads the untrusted file with the same SQL the server used to
 * run in-process (every column VARCHAR, same NULL strings, same strict CSV options) and writes it out as a plain
 * Parquet file the server then loads as trusted input. DuckDB here is in memory, capped, and may touch only the
 * input file and the scratch directory; the configuration is locked before any untrusted byte is read.
 */
export async function convertToParquet(request: ParseRequest): Promise<ParseResult> {
  const { fileName, format, scratchDir, limits } = request;
  let path = request.input;
  let loadFormat = format;
  if (format === 'xlsx') {
    // Loaded only for workbooks: exceljs alone takes a good part of the child's start-up.
    const [{ preflightXlsx }, { xlsxToCsv }] = await Promise.all([
      import('./zip-preflight'),
      import('../datasets/xlsx-to-csv'),
    ]);
    await sniff(path, fileName, format);
    await preflightXlsx(path, fileName, limits);
    path = join(scratchDir, 'sheet.csv');
    await xlsxToCsv(request.input, path, fileName);
    loadFormat = 'csv';
  }
  const head = await sniff(path, fileName, loadFormat);
  // The NUL scan (JavaScript on this thread) runs while DuckDB reads the file on its own threads: run first, it
  // held up the parse for a whole read of the file with a core idle (0.03–0.07 s of the 1.1 s parse of the
  // profile benchmark's CSV). No answer leaves before it is done: a NUL byte refuses the file as soon as it is
  // found, and wins over whatever DuckDB made of the binary data.
  const nulScan: Promise<unknown> =
    loadFormat === 'parquet'
      ? Promise.resolve(undefined)
      : refuseNulBytes(path, fileName, loadFormat === 'csv' || loadFormat === 'tsv' ? 'text' : 'JSON').then(
          () => undefined,
          (err: unknown) => err,
        );
  const refusal = nulScan.then((err) =>
    err === undefined ? new Promise<never>(() => {}) : Promise.reject(err),
  );
  try {
    const result = await Promise.race([
      writeParquet({ ...request, path, format: loadFormat }, head),
      refusal,
    ]);
    const refused = await nulScan;
    if (refused !== undefined) throw refused;
    return result;
  } catch (err) {
    throw (await nulScan) ?? err;
  } finally {
    if (path !== request.input) await rm(path, { force: true });
  }
}

/** Reads the (sniffed) file with DuckDB, sandboxed, and writes the Parquet intermediate. */
async function writeParquet(request: ParseRequest & { path: string }, head: string): Promise<ParseResult> {
  const { fileName, format: loadFormat, scratchDir, limits, path } = request;
  const output = join(scratchDir, 'parsed.parquet');
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: `${limits.duckdbMemoryMb}MB`,
    threads: String(limits.threads),
  });
  try {
    const c = await instance.connect();
    await lockDown(c, [path], scratchDir);
    const source = { path, fileName, format: loadFormat, head, maxLineBytes: limits.maxLineBytes };
    if (loadFormat === 'parquet') {
      try {
        await preflightParquet(c, path, fileName, limits);
      } catch (err) {
        throw translateLoadError(err as Error, source);
      }
    }
    const { select, names, renames } = await sourceSelect(c, source);
    const checked = withCellCap(select, names, limits.maxCellBytes);
    let nRows: number;
    try {
      // Plain pages, no compression and no dictionaries: the file lives for a second and is read once, by us, in
      // parallel (default row groups). Skipping the dictionary pass took a third off this write on the profile
      // benchmark's 135 MB CSV (1.2–1.6 s against 2.2–2.4 s), for a larger file read as fast.
      const result = await c.run(
        `COPY (${checked}) TO ${literal(output)}
         (FORMAT parquet, COMPRESSION uncompressed, DICTIONARY_SIZE_LIMIT 1)`,
      );
      nRows = Number(result.rowsChanged);
    } catch (err) {
      throw translateLoadError(err as Error, { ...source, names });
    }
    if (nRows === 0) throw httpError('NO_ROWS', { fileName });
    return { output, names, nRows, renames };
  } finally {
    instance.closeSync();
  }
}

/**
 * The SELECT with every value checked against the cell cap: one integer comparison per row, the column found
 * only for the row that fails (a CASE per cell would copy every string). The error's text is translated to
 * CELL_TOO_LONG by translateLoadError.
 */
function withCellCap(select: string, names: string[], cap: number): string {
  const lengths = names.map((name) => `strlen(${ident(name)})`);
  const longest = lengths.length === 1 ? lengths[0] : `greatest(${lengths.join(', ')})`;
  const which = `list_position([${lengths.map((l) => `${l} > ${cap}`).join(', ')}], true) - 1`;
  return `SELECT * FROM (${select})
    WHERE CASE WHEN (${longest} <= ${cap}) IS NOT FALSE THEN true
      ELSE error('quarry_cell_too_long:' || (${which}) || ':${cap}') END`;
}

/**
 * DuckDB's own sandbox (duckdb.org/docs/operations_manual/securing_duckdb): no file outside the input and the
 * scratch directory, no network, no extension loading, then `lock_configuration` so nothing read later can
 * undo it.
 */
async function lockDown(c: DuckDBConnection, files: string[], scratchDir: string): Promise<void> {
  await c.run(`SET allowed_paths = [${files.map(literal).join(', ')}]`);
  await c.run(`SET allowed_directories = [${literal(`${scratchDir}/`)}]`);
  await c.run(`SET temp_directory = ${literal(join(scratchDir, 'spill'))}`);
  await c.run('SET enable_external_access = false');
  await c.run('SET autoinstall_known_extensions = false');
  await c.run('SET autoload_known_extensions = false');
  await c.run('SET allow_community_extensions = false');
  await c.run('SET lock_configuration = true');
}
