import { mkdirSync } from 'node:fs';
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
    const instance = await DuckDBInstance.create(path);
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

/** Quotes an identifier for SQL (`"a""b"`). Table names are server-generated; column names come from files. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Quotes a string literal for SQL, for the few places (file paths in table functions) that cannot be bound. */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
