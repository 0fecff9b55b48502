import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { httpError } from '../errors';
import { ident, type Store } from '../store/db';
import { COLUMN_TYPES, type ColumnInfo, type ColumnType, typedExpression } from './column-types';
import { type FileFormat, formatOf, sniff } from './formats';
import { loadTable } from './ingest';
import { type ColumnProfile, profileTable } from './profile';
import { xlsxToCsv } from './xlsx-to-csv';

export interface DatasetSummary {
  id: string;
  name: string;
  fileName: string;
  format: FileFormat;
  nRows: number;
  nCols: number;
  sizeBytes: number;
  createdAt: string;
  columns: ColumnInfo[];
}

interface DatasetRow {
  id: string;
  name: string;
  file_name: string;
  format: FileFormat;
  table_name: string;
  n_rows: bigint | number;
  size_bytes: bigint | number;
  columns: string;
  created_at: Date;
}

/** A column read for modelling: numbers as Float64Array (NaN = missing), categories as codes (-1 = missing). */
export type ColumnData =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'categorical'; codes: Int32Array; levels: string[] };

const toSummary = (r: DatasetRow): DatasetSummary => {
  const columns = JSON.parse(r.columns) as ColumnInfo[];
  return {
    id: r.id,
    name: r.name,
    fileName: r.file_name,
    format: r.format,
    nRows: Number(r.n_rows),
    nCols: columns.length,
    sizeBytes: Number(r.size_bytes),
    createdAt: new Date(r.created_at).toISOString(),
    columns,
  };
};

export class DatasetService {
  constructor(
    private readonly store: Store,
    private readonly tmpDir: string,
  ) {}

  /**
   * Turns an uploaded file (already on disk, size-checked) into a data set. The table and its metadata are
   * written in one transaction: a crash or a bad file leaves nothing half-made.
   */
  async createFromFile(input: {
    path: string;
    fileName: string;
    name?: string;
    sizeBytes: number;
  }): Promise<DatasetSummary> {
    const format = formatOf(input.fileName);
    const cleanup: string[] = [];
    try {
      let path = input.path;
      let loadFormat: FileFormat = format;
      if (format === 'xlsx') {
        await sniff(path, input.fileName, format);
        path = `${this.tmpDir}/${randomUUID()}.csv`;
        cleanup.push(path);
        await xlsxToCsv(input.path, path, input.fileName);
        loadFormat = 'csv';
      }
      const head = await sniff(path, input.fileName, loadFormat);
      const id = randomUUID();
      const table = `ds_${id.replaceAll('-', '')}`;
      const name = (input.name ?? input.fileName.replace(/\.[^.]+$/, '')).trim() || 'data set';
      await this.store.transaction(async (c) => {
        const loaded = await loadTable(c, table, {
          path,
          fileName: input.fileName,
          format: loadFormat,
          head,
        });
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
            JSON.stringify(loaded.columns),
          ],
        );
      });
      return this.get(id);
    } finally {
      await Promise.all(cleanup.map((p) => rm(p, { force: true })));
    }
  }

  async list(): Promise<DatasetSummary[]> {
    const rows = await this.store.all<DatasetRow>('SELECT * FROM datasets ORDER BY created_at DESC, id');
    return rows.map(toSummary);
  }

  private async row(id: string): Promise<DatasetRow> {
    const row = await this.store.one<DatasetRow>('SELECT * FROM datasets WHERE id = $1', [id]);
    if (row === undefined) throw httpError('DATASET_NOT_FOUND', { id });
    return row;
  }

  async get(id: string): Promise<DatasetSummary> {
    return toSummary(await this.row(id));
  }

  async rename(id: string, name: string): Promise<DatasetSummary> {
    await this.row(id);
    await this.store.run('UPDATE datasets SET name = $1 WHERE id = $2', [name.trim(), id]);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const row = await this.row(id);
    await this.store.transaction(async (c) => {
      await c.run('DELETE FROM datasets WHERE id = $1', [id]);
      await c.run(`DROP TABLE IF EXISTS ${ident(row.table_name)}`);
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

  async profile(id: string): Promise<{ nRows: number; columns: ColumnProfile[] }> {
    const row = await this.row(id);
    const columns = await this.store.withConnection((c) =>
      profileTable(c, row.table_name, toSummary(row).columns),
    );
    return { nRows: Number(row.n_rows), columns };
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
          out.push(encodeCategorical(name, reader.getColumnsJS()[0] as (string | null)[]));
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
