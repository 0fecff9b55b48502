import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  StatementType,
} from '@duckdb/node-api';
import { httpError } from '../errors';
import { ident, literal } from '../store/db';

export interface SandboxOptions {
  /** The only directory the sandbox may read: the Parquet copies of the data sets the query names. */
  directory: string;
  /** View name → Parquet file (inside `directory`). */
  views: Map<string, string>;
  timeoutSeconds: number;
}

/**
 * Runs `fn` with a prepared, checked statement in a fresh in-memory DuckDB that can read nothing but `directory`.
 *
 * The sandbox is a separate instance, so the main database (and its write lock and WAL) is out of reach, and a
 * crash or an INTERNAL error of DuckDB in it costs nothing but the query. Its settings, in the order DuckDB
 * requires (docs STACK.md): allowed_directories → enable_external_access = false → lock_configuration = true, after
 * which no statement can change them (a SET fails with "the configuration has been locked"). Extensions are not
 * installed or loaded automatically. The statement is parsed by DuckDB itself: exactly one statement, of type
 * SELECT (a WITH … SELECT or a PRAGMA that reads is a SELECT too), or it is refused before it runs. Everything that
 * reaches files, settings or extensions inside a SELECT (read_csv, read_text, glob, …) is stopped by the sandbox.
 * The connection is interrupted after `timeoutSeconds`.
 */
export async function withSandbox<T>(
  query: string,
  options: SandboxOptions,
  fn: (statement: DuckDBPreparedStatement) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  try {
    const c = await instance.connect();
    await lockDown(c, options);
    let statement: DuckDBPreparedStatement;
    try {
      const extracted = await c.extractStatements(query);
      if (extracted.count !== 1) {
        throw httpError('SQL_REFUSED', {
          detail: `it holds ${extracted.count} statements, and only one is run`,
        });
      }
      statement = await extracted.prepare(0);
    } catch (err) {
      throw translate(err, options.timeoutSeconds, false);
    }
    if (statement.statementType !== StatementType.SELECT) {
      throw httpError('SQL_REFUSED', {
        detail: `it is a statement of type ${StatementType[statement.statementType] ?? 'other'}, and the SQL view only reads`,
      });
    }
    timer = setTimeout(() => {
      timedOut = true;
      c.interrupt();
    }, options.timeoutSeconds * 1000);
    try {
      return await fn(statement);
    } catch (err) {
      throw translate(err, options.timeoutSeconds, timedOut);
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    instance.closeSync();
  }
}

async function lockDown(c: DuckDBConnection, options: SandboxOptions): Promise<void> {
  const dir = options.directory.endsWith('/') ? options.directory : `${options.directory}/`;
  await c.run('SET threads = 2');
  await c.run("SET memory_limit = '1GB'");
  // Spilling would write files; a query too big for memory fails instead.
  await c.run("SET temp_directory = ''");
  await c.run('SET autoinstall_known_extensions = false');
  await c.run('SET autoload_known_extensions = false');
  for (const [name, file] of options.views) {
    await c.run(`CREATE VIEW ${ident(name)} AS SELECT * FROM read_parquet(${literal(file)})`);
  }
  await c.run(`SET allowed_directories = [${literal(dir)}]`);
  await c.run('SET enable_external_access = false');
  await c.run('SET lock_configuration = true');
}

/** DuckDB's error → the catalog: refused (sandbox), timed out (interrupted), or an error in the query. */
function translate(err: unknown, seconds: number, timedOut: boolean): Error {
  if ((err as { name?: string }).name === 'HttpError') return err as Error;
  const message = String((err as Error).message ?? err);
  const first = message.split('\n')[0].slice(0, 300);
  if (timedOut || /^INTERRUPT Error/.test(message)) return httpError('SQL_TIMEOUT', { seconds });
  if (/^Permission Error/.test(message) || /configuration has been locked/.test(message)) {
    return httpError('SQL_REFUSED', { detail: first.replace(/^[A-Za-z ]+Error: /, '') });
  }
  return httpError('SQL_ERROR', { detail: first });
}
