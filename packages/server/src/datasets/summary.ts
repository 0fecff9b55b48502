import { httpError } from '../errors';
import type { ColumnInfo } from './column-types';
import type { FileFormat } from './formats';

/** A data set as the API shows it: one version of a lineage (docs/api.md). */
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
  /** Version 1 of this data set's lineage (an upload is its own root). */
  rootId: string;
  parentId: string | null;
  version: number;
  /** The recipe from version 1 to this version (recipes/steps.ts). */
  steps: unknown[];
  isCurrent: boolean;
}

export interface DatasetRow {
  id: string;
  name: string;
  file_name: string;
  format: FileFormat;
  table_name: string;
  n_rows: bigint | number;
  size_bytes: bigint | number;
  columns: string;
  created_at: Date;
  root_id: string | null;
  parent_id: string | null;
  version: number | null;
  steps: string | null;
  is_current: boolean;
}

/** Data-set rows with whether each is its lineage's current version (no lineage row: the upload is current). */
export const SELECT_DATASETS = `SELECT d.*, v.root_id, v.parent_id, v.version, v.steps,
    coalesce(l.current_id, coalesce(v.root_id, d.id)) = d.id AS is_current
  FROM datasets d LEFT JOIN dataset_versions v ON v.id = d.id
  LEFT JOIN dataset_lineages l ON l.root_id = coalesce(v.root_id, d.id)`;

export const toSummary = (r: DatasetRow): DatasetSummary => {
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
    rootId: r.root_id ?? r.id,
    parentId: r.parent_id,
    version: r.version ?? 1,
    steps: r.steps === null ? [] : JSON.parse(r.steps),
    isCurrent: r.is_current === true,
  };
};

/** The column of that name, or a 422 COLUMN_NOT_FOUND that lists the ones the data set has. */
export function columnOrThrow(dataset: DatasetSummary, name: string): ColumnInfo {
  const info = dataset.columns.find((c) => c.name === name);
  if (info === undefined) {
    throw httpError('COLUMN_NOT_FOUND', {
      column: name,
      dataset: dataset.name,
      available: dataset.columns
        .map((c) => c.name)
        .join(', ')
        .slice(0, 1000),
    });
  }
  return info;
}
