import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { typedSelect } from '../datasets/column-types';
import type { DatasetSummary } from '../datasets/service';
import { ident, literal, type Store } from '../store/db';

/**
 * Parquet copies of data sets (their typed view), written by the main database for the SQL sandbox to read. A
 * data-set table never changes, so a copy is keyed by the data set's id and its column types, and written once
 * (to a temporary name, then renamed, so a reader never sees half a file).
 */
export class ParquetExports {
  constructor(
    private readonly store: Store,
    readonly dir: string,
  ) {}

  async ensure(dataset: DatasetSummary, table: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const key = createHash('sha256')
      .update(JSON.stringify(dataset.columns.map((c) => [c.name, c.type])))
      .digest('hex')
      .slice(0, 12);
    const path = join(this.dir, `${dataset.id}-${key}.parquet`);
    if (existsSync(path)) return path;
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      await this.store.run(
        `COPY (SELECT ${typedSelect(dataset.columns)} FROM ${ident(table)}) TO ${literal(partial)} (FORMAT parquet)`,
      );
      await rename(partial, path);
    } finally {
      await rm(partial, { force: true });
    }
    for (const file of await readdir(this.dir)) {
      const old =
        file.startsWith(`${dataset.id}-`) && !file.endsWith('.partial') && join(this.dir, file) !== path;
      if (old) await rm(join(this.dir, file), { force: true });
    }
    return path;
  }

  /** Removes copies of data sets that no longer exist (outdated copies go when their successor is written). */
  async prune(datasets: DatasetSummary[]): Promise<void> {
    if (!existsSync(this.dir)) return;
    const live = new Map(datasets.map((d) => [d.id, d]));
    for (const file of await readdir(this.dir)) {
      const id = file.slice(0, 36);
      if (!live.has(id) && !file.endsWith('.partial')) await rm(join(this.dir, file), { force: true });
    }
  }
}
