import { randomUUID } from 'node:crypto';
import { link, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBTypeId } from '@duckdb/node-api';
import type { DatasetService, DatasetSummary } from '../datasets/service';
import type { Store } from '../store/db';
import { ParquetExports } from './exports';
import { writeResultCsv } from './result-csv';
import { withSandbox } from './sandbox';
import { mentionedNames, type SqlTable, sqlTables } from './tables';

export interface SqlResult {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  truncated: boolean;
  elapsedMs: number;
}

export interface SqlOptions {
  dataDir: string;
  tmpDir: string;
  timeoutSeconds: number;
  maxResultBytes: number;
}

const WIDE_NUMBERS = new Set<number>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
]);
/** Sandboxes running at once; more queries wait their turn (each may use 2 threads and 1 GB). */
const CONCURRENT = 2;

/**
 * The read-only SQL view. A query runs in its own sandboxed in-memory DuckDB (sandbox.ts) that sees the data sets
 * it names as views over Parquet copies (exports.ts), hard-linked into a directory of its own, which is the only
 * one the sandbox may read. The main database is never opened by the sandbox: no lock or WAL is shared with the
 * server's writer.
 */
export class SqlService {
  private readonly exports: ParquetExports;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    store: Store,
    private readonly datasets: DatasetService,
    private readonly options: SqlOptions,
  ) {
    this.exports = new ParquetExports(store, join(options.dataDir, 'sql', 'exports'));
  }

  async tables(): Promise<SqlTable[]> {
    return sqlTables(await this.datasets.list());
  }

  async query(query: string, limit: number): Promise<SqlResult> {
    const started = performance.now();
    return this.inSandbox(query, async (statement) => {
      const reader = await statement.streamAndReadUntil(limit + 1);
      const types = reader.columnTypes();
      const rows = reader.getRowsJson().slice(0, limit) as unknown[][];
      for (const row of rows) {
        for (let k = 0; k < row.length; k++) {
          if (typeof row[k] === 'string' && WIDE_NUMBERS.has(types[k].typeId)) {
            const n = Number(row[k]);
            if (Number.isSafeInteger(n) || (types[k].typeId === DuckDBTypeId.DECIMAL && Number.isFinite(n)))
              row[k] = n;
          }
        }
      }
      return {
        columns: reader.columnNames().map((name, k) => ({ name, type: types[k].toString() })),
        rows,
        truncated: reader.currentRowCount > limit,
        elapsedMs: Math.round(performance.now() - started),
      };
    });
  }

  /** Runs the query and ingests the whole result as a new data set (a CSV through the normal upload path). */
  async save(query: string, name: string): Promise<DatasetSummary> {
    const path = join(this.options.tmpDir, `sql-${randomUUID()}.csv`);
    try {
      const sizeBytes = await this.inSandbox(query, async (statement) =>
        writeResultCsv(await statement.stream(), path, this.options.maxResultBytes),
      );
      return await this.datasets.createFromFile({ path, fileName: `${name}.csv`, name, sizeBytes });
    } finally {
      await rm(path, { force: true });
    }
  }

  private async inSandbox<T>(query: string, fn: Parameters<typeof withSandbox<T>>[2]): Promise<T> {
    await this.acquire();
    // Under the temp directory, which is emptied at start: a crash leaves nothing behind.
    const dir = join(this.options.tmpDir, `sql-run-${randomUUID()}`);
    try {
      const all = await this.datasets.list();
      await this.exports.prune(all);
      const wanted = mentionedNames(query);
      const views = new Map<string, string>();
      await mkdir(dir, { recursive: true });
      for (const t of sqlTables(all)) {
        if (!wanted.has(t.name)) continue;
        const { dataset, table } = await this.datasets.source(t.datasetId);
        const file = join(dir, `${t.name}.parquet`);
        await link(await this.exports.ensure(dataset, table), file);
        views.set(t.name, file);
      }
      return await withSandbox(
        query,
        { directory: dir, views, timeoutSeconds: this.options.timeoutSeconds },
        fn,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < CONCURRENT) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.running--;
  }
}
