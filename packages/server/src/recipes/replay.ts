import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../datasets/column-types';
import { ident } from '../store/db';
import { compileStep } from './compile-step';
import { resolveStep } from './resolve-step';
import type { Step } from './steps';

export interface ReplayOptions {
  /**
   * 'data': every step, and a step that does not fit the columns is an error (422 BAD_STEP).
   * 'predict': rows must stay one-to-one with the uploaded file, so filter and deduplicate are skipped, and so are
   * steps on columns the file does not have (the target, typically).
   */
  mode: 'data' | 'predict';
  /** The table to create (unquoted name); TEMP when `temporary`. */
  into: string;
  temporary?: boolean;
}

export interface ReplayResult {
  columns: ColumnInfo[];
  /** The steps as applied (flagOutliers with its fences), and those skipped in 'predict' mode with why. */
  applied: Step[];
  skipped: { step: Step; reason: string }[];
}

const ROW_STEPS = new Set<Step['op']>(['filter', 'deduplicate']);

/**
 * Replays a recipe on a table of a DuckDB connection: each step is compiled (compile-step.ts) over the previous
 * result into a TEMP table (so the next step, deduplicate included, has a plain table with row ids to read), and
 * the end result is copied to `into`. The source table is never changed. Used for new data-set versions, recipe
 * replay, and at prediction on the uploaded file.
 */
export async function replayRecipe(
  c: DuckDBConnection,
  source: { table: string; columns: ColumnInfo[] },
  steps: Step[],
  options: ReplayOptions,
): Promise<ReplayResult> {
  let from = source.table;
  let columns = source.columns;
  const applied: Step[] = [];
  const skipped: ReplayResult['skipped'] = [];
  const temps: string[] = [];
  try {
    for (let k = 0; k < steps.length; k++) {
      let step = steps[k];
      if (options.mode === 'predict') {
        const reason = skipReason(step, columns);
        if (reason !== null) {
          skipped.push({ step, reason });
          continue;
        }
        if (step.op === 'drop')
          step = { ...step, columns: step.columns.filter((n) => columns.some((c) => c.name === n)) };
      }
      step = await resolveStep(c, from, columns, step, k + 1);
      const compiled = compileStep(step, columns, ident(from), k + 1);
      const target = `recipe_${randomUUID().replaceAll('-', '')}`;
      temps.push(target);
      await c.run(`CREATE TEMP TABLE ${ident(target)} AS ${compiled.sql}`, compiled.params);
      applied.push(step);
      columns = compiled.columns;
      from = target;
    }
    // Intermediate results are TEMP tables; only the end result is written where the caller wants it.
    await c.run(
      `CREATE ${options.temporary ? 'TEMP ' : ''}TABLE ${ident(options.into)} AS SELECT * FROM ${ident(from)}`,
    );
  } finally {
    for (const t of temps) await c.run(`DROP TABLE IF EXISTS ${ident(t)}`);
  }
  return { columns, applied, skipped };
}

/** Why a step is left out at prediction, or null to apply it. */
function skipReason(step: Step, columns: ColumnInfo[]): string | null {
  if (ROW_STEPS.has(step.op)) return `${step.op} would remove rows; every uploaded row gets a prediction`;
  const has = (name: string) => columns.some((c) => c.name === name);
  if (step.op === 'drop') return step.columns.some(has) ? null : 'none of its columns is in the file';
  if (step.op === 'combine') {
    const absent = step.columns.find((name) => !has(name));
    return absent === undefined ? null : `the file has no column '${absent}'`;
  }
  if ('column' in step && !has(step.column)) return `the file has no column '${step.column}'`;
  return null;
}
