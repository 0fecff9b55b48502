import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { httpError } from '../errors';
import { ident, type Store } from '../store/db';
import { parseLimits } from '../untrusted/limits';
import { parseUntrusted } from '../untrusted/parse-untrusted';
import { prepareSpare } from '../untrusted/parser-process';
import { COLUMN_TYPES, type ColumnType, typedExpression } from './column-types';
import { formatOf } from './formats';
import { createTextTable, describeTable, withOriginalNames } from './ingest';
import { type DatasetProfile, profileTable } from './profile';
import { type DatasetRow, type DatasetSummary, SELECT_DATASETS, toSummary } from './summary';

export type { DatasetSummary } from './summary';

/** A column read for modelling: numbers as Float64Array (NaN = missing), categories as codes (-1 = missing). */
export type ColumnData =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'categorical'; codes: Int32Array; levels: string[]; text?: boolean };

export class DatasetService {
  constructor(
    private readonly store: Store,
    private readonly tmpDir: string,
  ) {
    // A parser child waiting for the first upload (untrusted/parser-process.ts): it takes ~0.5 s to start.
    prepareSpare(parseLimits().heapMb);
  }

  /**
   * Turns an uploaded file (already on disk, size-checked) into a data set. The file itself is parsed in a child
   * process (untrusted/parse-untrusted.ts); the server loads only the Parquet file that child wrote. The table and
   * its metadata are written in one transaction: a crash or a bad file leaves nothing half-made.
   */
  async createFromFile(input: {
    path: string;
    fileName: string;
    name?: string;
    sizeBytes: number;
  }): Promise<DatasetSummary> {
    const format = formatOf(input.fileName);
    const parsed = await parseUntrusted({ ...input, format, tmpDir: this.tmpDir });
    try {
      const id = randomUUID();
      const table = `ds_${id.replaceAll('-', '')}`;
      const name = (input.name ?? input.fileName.replace(/\.[^.]+$/, '')).trim() || 'data set';
      // The rows are committed first and the types inferred after, on the committed table (ingest.ts,
      // describeTable: DuckDB scans uncommitted rows on one thread). Until the metadata row is written the table belongs to no data set:
      // it is dropped on any error here, and by `dropOrphanTables` at the next start after a crash.
      const names = await this.store.transaction((c) => createTextTable(c, table, parsed));
      try {
        await this.store.withConnection(async (c) => {
          const loaded = await describeTable(c, table, names, input.fileName);
          await c.run(
            `INSERT INTO datasets (id, name, file_name, format, table_name, n_rows, size_bytes, columns)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              id,
              name,
              input.fileName,
              format,
              table,
              loaded.nRows,
              input.sizeBytes,
              JSON.stringify(withOriginalNames(loaded.columns, parsed.renames)),
            ],
          );
        });
      } catch (err) {
        await this.store.run(`DROP TABLE IF EXISTS ${ident(table)}`).catch(() => undefined);
        throw err;
      }
      return this.get(id);
    } finally {
      await parsed.discard();
    }
  }

  /**
   * Drops data-set tables that no data set names: an upload interrupted by a crash between committing its rows
   * and writing its metadata. Run once at start, before any upload.
   */
  async dropOrphanTables(): Promise<void> {
    const orphans = await this.store.all<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables()
       WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
         AND regexp_full_match(table_name, 'ds_[0-9a-f]{32}')
         AND table_name NOT IN (SELECT table_name FROM datasets)`,
    );
    for (const { name } of orphans) await this.store.run(`DROP TABLE IF EXISTS ${ident(name)}`);
  }

  /** Every data set, newest first; `current` keeps only the current version of each lineage. */
  async list(versions: 'all' | 'current' = 'all'): Promise<DatasetSummary[]> {
    const rows = await this.store.all<DatasetRow>(
      `SELECT * FROM (${SELECT_DATASETS}) ${versions === 'current' ? 'WHERE is_current' : ''} ORDER BY created_at DESC, id`,
    );
    return rows.map(toSummary);
  }

  private async row(id: string): Promise<DatasetRow> {
    const row = await this.store.one<DatasetRow>(`SELECT * FROM (${SELECT_DATASETS}) WHERE id = $1`, [id]);
    if (row === undefined) throw httpError('DATASET_NOT_FOUND', { id });
    return row;
  }

  async get(id: string): Promise<DatasetSummary> {
    return toSummary(await this.row(id));
  }

  /** Every version of a lineage (by its root id), oldest first. */
  async lineage(rootId: string): Promise<DatasetSummary[]> {
    const rows = await this.store.all<DatasetRow>(
      `SELECT * FROM (${SELECT_DATASETS}) WHERE coalesce(root_id, id) = $1 ORDER BY coalesce(version, 1), created_at, id`,
      [rootId],
    );
    return rows.map(toSummary);
  }

  /** Runs `fn` on a connection of the data-set database (the analyses of explore/ and the steps of recipes/). */
  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.store.withConnection(fn);
  }

  /** A data set with the name of the DuckDB table holding its rows (all VARCHAR), for the analyses. */
  async source(id: string): Promise<{ dataset: DatasetSummary; table: string }> {
    const row = await this.row(id);
    return { dataset: toSummary(row), table: row.table_name };
  }

  /** Renames the whole lineage: every version of a data set carries its name. */
  async rename(id: string, name: string): Promise<DatasetSummary> {
    const row = await this.row(id);
    await this.store.run(
      'UPDATE datasets SET name = $1 WHERE id = $2 OR id IN (SELECT id FROM dataset_versions WHERE root_id = $2)',
      [name.trim(), row.root_id ?? row.id],
    );
    return this.get(id);
  }

  /** Deletes one version. When it was current, its parent (or else the newest remaining version) becomes current. */
  async remove(id: string): Promise<void> {
    const row = await this.row(id);
    const root = row.root_id ?? row.id;
    await this.store.transaction(async (c) => {
      await c.run('DELETE FROM datasets WHERE id = $1', [id]);
      await c.run('DELETE FROM dataset_versions WHERE id = $1', [id]);
      await c.run(`DROP TABLE IF EXISTS ${ident(row.table_name)}`);
      if (!row.is_current) return;
      const next = await c.runAndReadAll(
        `SELECT d.id FROM datasets d LEFT JOIN dataset_versions v ON v.id = d.id WHERE coalesce(v.root_id, d.id) = $1
         ORDER BY d.id = $2 DESC, d.created_at DESC, coalesce(v.version, 1) DESC LIMIT 1`,
        [root, row.parent_id ?? ''],
      );
      const nextId = next.getRowObjectsJS()[0]?.id as string | undefined;
      await c.run('DELETE FROM dataset_lineages WHERE root_id = $1', [root]);
      if (nextId !== undefined) await c.run('INSERT INTO dataset_lineages VALUES ($1, $2)', [root, nextId]);
    });
  }

  /** Overrides column types. A numeric or datetime override is refused when values would be lost to it. */
  async setTypes(id: string, types: Record<string, string>): Promise<DatasetSummary> {
    const row = await this.row(id);
    const columns = toSummary(row).columns;
    for (const [name, type] of Object.entries(types)) {
      const column = columns.find((c) => c.name === name);
      if (column === undefined) {
        throw httpError('COLUMN_NOT_FOUND', {
          column: name,
          dataset: row.name,
          available: columns.map((c) => c.name).join(', '),
        });
      }
      if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
        throw httpError('BAD_TYPE_OVERRIDE', {
          detail: `'${type}' is not a column type. Use one of: ${COLUMN_TYPES.join(', ')}.`,
        });
      }
      if (type === 'numeric' || type === 'datetime') {
        const expr = typedExpression(name, type as ColumnType);
        const check = await this.store.one<{ bad: bigint; example: string | null }>(
          `SELECT count(*) AS bad, any_value(${ident(name)}) AS example FROM ${ident(row.table_name)}
           WHERE ${ident(name)} IS NOT NULL AND ${expr} IS NULL`,
        );
        if (check !== undefined && Number(check.bad) > 0) {
          throw httpError('BAD_TYPE_OVERRIDE', {
            detail: `${Number(check.bad)} values of '${name}' are not ${type === 'numeric' ? 'numbers' : 'dates'} (for example '${check.example}'). Clean them first, or keep the type '${column.type}'.`,
          });
        }
      }
      column.type = type as ColumnType;
    }
    await this.store.run('UPDATE datasets SET columns = $1 WHERE id = $2', [JSON.stringify(columns), id]);
    return this.get(id);
  }

  async rows(id: string, offset: number, limit: number) {
    const row = await this.row(id);
    const columns = toSummary(row).columns;
    const select = columns.map((c) => {
      const expr = typedExpression(c.name, c.type);
      return `${c.type === 'datetime' ? `CAST(${expr} AS VARCHAR)` : expr} AS ${ident(c.name)}`;
    });
    const rows = await this.store.withConnection(async (c) => {
      const reader = await c.runAndReadAll(
        `SELECT ${select.join(', ')} FROM ${ident(row.table_name)} LIMIT $1 OFFSET $2`,
        [limit, offset],
      );
      return reader
        .getRowsJS()
        .map((r) => r.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
    });
    return { columns: columns.map((c) => c.name), rows, total: Number(row.n_rows) };
  }

  async profile(id: string): Promise<DatasetProfile> {
    const row = await this.row(id);
    return this.store.withConnection((c) =>
      profileTable(c, row.table_name, toSummary(row).columns, Number(row.n_rows)),
    );
  }

  /** Reads columns for modelling in their typed form. Categories are coded in sorted order of their levels. */
  async columnData(id: string, names: string[]): Promise<ColumnData[]> {
    const row = await this.row(id);
    const summary = toSummary(row);
    return this.store.withConnection(async (c) => {
      const out: ColumnData[] = [];
      for (const name of names) {
        const info = summary.columns.find((col) => col.name === name);
        if (info === undefined)
          throw httpError('COLUMN_NOT_FOUND', {
            column: name,
            dataset: row.name,
            available: summary.columns.map((col) => col.name).join(', '),
          });
        if (info.type === 'numeric') {
          const reader = await c.runAndReadAll(
            `SELECT ${typedExpression(name, 'numeric')} AS v FROM ${ident(row.table_name)}`,
          );
          const values = Float64Array.from(reader.getColumnsJS()[0], (v) =>
            v === null ? Number.NaN : Number(v),
          );
          out.push({ name, kind: 'numeric', values });
        } else {
          const reader = await c.runAndReadAll(
            `SELECT trim(${ident(name)}) AS v FROM ${ident(row.table_name)}`,
          );
          const column = encodeCategorical(name, reader.getColumnsJS()[0] as (string | null)[]);
          // Free text travels as categories (its levels are the documents), marked so models read its words.
          out.push(
            info.type === 'text' && column.kind === 'categorical' ? { ...column, text: true } : column,
          );
        }
      }
      return out;
    });
  }
}

export function encodeCategorical(name: string, raw: (string | null)[]): ColumnData {
  const levels = [...new Set(raw.filter((v): v is string => v !== null))].sort();
  const index = new Map(levels.map((l, i) => [l, i]));
  const codes = Int32Array.from(raw, (v) => (v === null ? -1 : (index.get(v) as number)));
  return { name, kind: 'categorical', codes, levels };
}
