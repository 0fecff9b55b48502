import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetService, DatasetSummary } from '../datasets/service';
import { httpError } from '../errors';
import { ident, type Store } from '../store/db';
import { SerialQueue } from '../store/serial';
import { replayRecipe } from './replay';
import type { Step } from './steps';

export interface Versions {
  rootId: string;
  currentId: string;
  versions: DatasetSummary[];
}

/**
 * Data-set versions. Applying steps makes a new data set (a new table) whose parent is the version the steps were
 * applied to; the parent's table is never touched. All versions of one upload form its lineage, which has one
 * current version: applying steps moves it to the new version; undo moves it to the parent, redo to the newest
 * child. Nothing is ever deleted by these moves.
 */
export class VersionService {
  /** Writes to a lineage (new versions, moves of the current one), one at a time per root id. */
  private readonly lineageWrites = new SerialQueue();

  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetService,
  ) {}

  async versions(id: string): Promise<Versions> {
    const dataset = await this.datasets.get(id);
    const versions = await this.datasets.lineage(dataset.rootId);
    const current = versions.find((v) => v.isCurrent) ?? versions[versions.length - 1];
    return { rootId: dataset.rootId, currentId: current.id, versions };
  }

  /** Applies steps to data set `id` as one new version of its lineage, which becomes current. */
  async apply(id: string, steps: Step[]): Promise<DatasetSummary> {
    const { dataset, table } = await this.datasets.source(id);
    const newId = randomUUID();
    const newTable = `ds_${newId.replaceAll('-', '')}`;
    // One write per lineage at a time (store/serial.ts): concurrent steps would share a version number or
    // conflict on the lineage's current-version row.
    const release = await this.lineageWrites.turn(dataset.rootId);
    const saved = this.store.transaction(async (c) => {
      const result = await replayRecipe(c, { table, columns: dataset.columns }, steps, {
        mode: 'data',
        into: newTable,
      });
      const columns = await countMissing(c, newTable, result.columns);
      if (columns.nRows === 0) {
        throw httpError('BAD_STEP', {
          index: steps.length,
          op: steps[steps.length - 1]?.op ?? 'recipe',
          detail: 'no rows would be left.',
        });
      }
      // Version 1 (the upload) has no row in dataset_versions, hence the floor of 1.
      const next = await c.runAndReadAll(
        'SELECT greatest(coalesce(max(version), 1), 1) + 1 AS v FROM dataset_versions WHERE root_id = $1',
        [dataset.rootId],
      );
      await c.run(
        `INSERT INTO datasets (id, name, file_name, format, table_name, n_rows, size_bytes, columns)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          newId,
          dataset.name,
          dataset.fileName,
          dataset.format,
          newTable,
          columns.nRows,
          dataset.sizeBytes,
          JSON.stringify(columns.columns),
        ],
      );
      await c.run('INSERT INTO dataset_versions VALUES ($1, $2, $3, $4, $5)', [
        newId,
        dataset.rootId,
        dataset.id,
        Number(next.getRowObjectsJS()[0].v),
        JSON.stringify([...(dataset.steps as Step[]), ...result.applied]),
      ]);
      await setCurrent(c, dataset.rootId, newId);
    });
    saved.then(release, release);
    await saved;
    return this.datasets.get(newId);
  }

  async undo(id: string): Promise<DatasetSummary> {
    const { rootId, currentId, versions } = await this.versions(id);
    const current = versions.find((v) => v.id === currentId) as DatasetSummary;
    const parent = versions.find((v) => v.id === current.parentId);
    if (parent === undefined) throw httpError('NOTHING_TO_UNDO', { name: current.name });
    await this.moveCurrent(rootId, parent.id);
    return this.datasets.get(parent.id);
  }

  async redo(id: string): Promise<DatasetSummary> {
    const { rootId, currentId, versions } = await this.versions(id);
    const children = versions.filter((v) => v.parentId === currentId);
    const newest = children.sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version,
    )[0];
    if (newest === undefined) throw httpError('NOTHING_TO_REDO', { name: versions[0].name });
    await this.moveCurrent(rootId, newest.id);
    return this.datasets.get(newest.id);
  }

  /**
   * Undo/redo: the current version moves in one transaction (setCurrent is a delete and an insert: a crash
   * between them must not leave the lineage with no current version), in its lineage's turn.
   */
  private moveCurrent(rootId: string, id: string): Promise<void> {
    return this.lineageWrites.run(rootId, () => this.store.transaction((c) => setCurrent(c, rootId, id)));
  }
}

async function setCurrent(c: DuckDBConnection, rootId: string, id: string): Promise<void> {
  // Delete and insert rather than UPDATE: DuckDB updates of indexed tables are best avoided.
  await c.run('DELETE FROM dataset_lineages WHERE root_id = $1', [rootId]);
  await c.run('INSERT INTO dataset_lineages VALUES ($1, $2)', [rootId, id]);
}

/** Row count and missing values per column of a new version's table (its text: nulls). */
async function countMissing(c: DuckDBConnection, table: string, columns: DatasetSummary['columns']) {
  const parts = columns.map((col, i) => `count(*) - count(${ident(col.name)}) AS m${i}`);
  const row = (
    await c.runAndReadAll(
      `SELECT count(*) AS n${parts.length > 0 ? `, ${parts.join(', ')}` : ''} FROM ${ident(table)}`,
    )
  ).getRowObjectsJS()[0];
  return {
    nRows: Number(row.n),
    columns: columns.map((col, i) => ({ ...col, missing: Number(row[`m${i}`]) })),
  };
}
