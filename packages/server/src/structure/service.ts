import { typedExpression } from '../datasets/column-types';
import { seededSampleSql } from '../datasets/sample';
import type { DatasetService, DatasetSummary } from '../datasets/service';
import { columnOrThrow } from '../datasets/summary';
import { httpError } from '../errors';
import { resolveTarget } from '../explore/target';
import { ident } from '../store/db';
import type { StructureInput, StructureOutput } from './compute';
import type { StructureBody } from './schemas';

export type StructureResult = StructureOutput & {
  nRows: number;
  sampledRows: number;
  seed: number;
  colourBy: { name: string; task: 'classification' | 'regression' } | null;
};

/** Fewer sampled rows than this leave nothing to cluster. */
const MIN_ROWS = 10;

/**
 * The "Structure" section of Explore: PCA and k-means over a data set's numeric columns. DuckDB reads a seeded
 * sample (a hash of the row id and the seed, so the same rows every time); the computation runs in the worker
 * pool so the event loop stays free.
 */
export class StructureService {
  constructor(
    private readonly datasets: DatasetService,
    private readonly runInPool: (input: StructureInput) => Promise<StructureOutput | { problem: string }>,
  ) {}

  async structure(id: string, body: StructureBody): Promise<StructureResult> {
    const { dataset, table } = await this.datasets.source(id);
    const target =
      body.target === undefined ? null : await resolveTarget(this.datasets, dataset, body.target);
    const names = body.columns ?? defaultColumns(dataset, body.target);
    for (const name of names) checkNumeric(dataset, name);
    if (names.length < 2) {
      throw httpError('BAD_PARAMETER', {
        detail: `Structure needs at least 2 numeric columns; '${dataset.name}' has ${names.length} besides the target. Set more columns to numeric on the data set page.`,
      });
    }
    const select = names.map((name, j) => {
      const typed = typedExpression(name, 'numeric');
      return `CASE WHEN isfinite(${typed}) THEN ${typed} END AS c${j}`;
    });
    if (target !== null) select.push(`${target.task === 'regression' ? target.y : target.label} AS colour`);
    const { sql } = seededSampleSql(ident(table), select, {
      nRows: dataset.nRows,
      maxRows: body.maxRows,
      seed: body.seed,
    });
    const columns = await this.datasets.withConnection(async (c) =>
      (await c.runAndReadAll(sql)).getColumnsJS(),
    );
    const nSampled = columns[0]?.length ?? 0;
    if (nSampled < MIN_ROWS) {
      throw httpError('TOO_FEW_ROWS', {
        detail: `Structure needs at least ${MIN_ROWS} rows; '${dataset.name}' has ${nSampled}. Add rows.`,
      });
    }
    const input: StructureInput = {
      kind: 'structure',
      names,
      columns: names.map((_, j) =>
        Float64Array.from(columns[j], (v) => (v === null ? Number.NaN : Number(v))),
      ),
      colour:
        target === null
          ? null
          : columns[names.length].map((v) => (v === null ? null : typeof v === 'number' ? v : String(v))),
      kMax: body.kMax,
      k: body.k ?? null,
      seed: body.seed,
    };
    const output = await this.runInPool(input);
    if ('problem' in output) throw httpError('BAD_PARAMETER', { detail: output.problem });
    return {
      ...output,
      nRows: dataset.nRows,
      sampledRows: nSampled,
      seed: body.seed,
      colourBy: target === null ? null : { name: target.name, task: target.task },
    };
  }
}

/** Every numeric column with some values, except the target. */
function defaultColumns(dataset: DatasetSummary, target: string | undefined): string[] {
  return dataset.columns
    .filter((c) => c.type === 'numeric' && c.name !== target && c.missing < dataset.nRows)
    .map((c) => c.name);
}

function checkNumeric(dataset: DatasetSummary, name: string): void {
  const info = columnOrThrow(dataset, name);
  if (info.type !== 'numeric') {
    throw httpError('COLUMN_NOT_NUMERIC', { column: name, type: info.type });
  }
}
