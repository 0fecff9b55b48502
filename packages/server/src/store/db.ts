import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { migrate } from './migrations';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/**
 * The embedded DuckDB database, `<dataDir>/quarry.duckdb`. One instance per process; a connection per unit of
 * work (DuckDB serialises writers itself). Every write that acknowledges something to a user is committed
 * before the answer is sent, so `kill -9` never loses it (DuckDB replays its WAL on open).
 */
export class Store {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly path: string,
  ) {}

  static async open(dataDir: string): Promise<Store> {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, 'quarry.duckdb');
    const instance = await DuckDBInstance.create(path).catch((err: Error) => {
      throw inUseError(err, dataDir) ?? walReplayError(err, path) ?? err;
    });
    const store = new Store(instance, path);
    await store.withConnection((c) => migrate(c));
    return store;
  }

  /** An in-memory database (the CLI's `train` and `predict` use it: nothing is left behind). */
  static async memory(): Promise<Store> {
    const instance = await DuckDBInstance.create(':memory:');
    const store = new Store(instance, ':memory:');
    await store.withConnection((c) => migrate(c));
    return store;
  }

  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.withConnection(async (c) => {
      const reader = await c.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as T[];
    });
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.withConnection(async (c) => {
      await c.run(sql, params);
    });
  }

  /** Runs `fn` in one transaction on one connection: all of it is saved, or none. */
  async transaction<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.withConnection(async (c) => {
      await c.run('BEGIN TRANSACTION');
      try {
        const result = await fn(c);
        await c.run('COMMIT');
        return result;
      } catch (err) {
        await c.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  close(): void {
    this.instance.closeSync();
  }
}

/**
 * A second server on the same data directory (SECURITY-TESTS.md R8). DuckDB allows one writing process per
 * file and says so in an IO error; this names the directory and the process holding it, and what to do.
 */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(
      `data directory ${dataDir} is in use by PID ${pid ?? 'unknown'} (another Quarry server, or a tool with quarry.duckdb open). Stop that process, or start this one with a different --data-dir.`,
    );
  }
}

/** DuckDB's lock conflict ("Could not set lock on file … (PID 123)") as a DataDirInUseError; else undefined. */
export function inUseError(err: Error, dataDir: string): DataDirInUseError | undefined {
  if (!/Could not set lock on file/i.test(err.message)) return undefined;
  const pid = /\(PID (\d+)\)/.exec(err.message)?.[1];
  return new DataDirInUseError(dataDir, pid === undefined ? null : Number(pid));
}

/**
 * A write-ahead log DuckDB cannot replay (SECURITY-TESTS.md R4: a flipped byte fails its checksum). Peers crash-
 * looped or silently dropped the log; Quarry refuses to start, deletes nothing, keeps a copy of the log beside it
 * and says which files are involved and how to start without the log's changes, if the user so decides.
 */
export class WalReplayError extends Error {
  override name = 'WalReplayError';
}

function walReplayError(err: Error, path: string): WalReplayError | undefined {
  if (!/replaying WAL|Corrupt WAL/i.test(err.message)) return undefined;
  const wal = `${path}.wal`;
  const copy = `${wal}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  let kept = `a copy is at ${copy}`;
  try {
    if (existsSync(wal)) copyFileSync(wal, copy);
  } catch (copyErr) {
    kept = `copying it failed too (${(copyErr as Error).message})`;
  }
  const reason = err.message.split('\n')[0].slice(0, 300);
  return new WalReplayError(
    `the database's write-ahead log ${wal} cannot be replayed (${reason}). Quarry did not start and deleted nothing; ${kept}. The database ${path} holds everything up to its last checkpoint; the changes after it are only in the log. To start without them, move ${wal} out of the data directory (keep it) and start again.`,
  );
}

/** Quotes an identifier for SQL (`"a""b"`). Table names are server-generated; column names come from files. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Quotes a string literal for SQL, for the few places (file paths in table functions) that cannot be bound. */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
