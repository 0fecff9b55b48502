import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../datasets/column-types';
import { type AnalysisTable, withAnalysisTable } from './analysis-table';
import { targetBins } from './leak-bins';
import { lookupAccuracy, relabelling } from './leak-purity';
import { type SplitSpec, splitOverlap } from './leak-split';
import { textCopies } from './leak-text-copy';
import { afterOutcome } from './leak-time';
import { univariateR2 } from './relation-r2';
import type { TargetSpec } from './target';
import { targetRelations } from './target-relations';
import { fmt, pct, type Warning, warning } from './warning';

/** Thresholds of the linter (docs/api.md): a single feature this good is almost never honest. */
export const NEAR_PERFECT = { auc: 0.98, accuracy: 0.98, r2: 0.98, linear: 0.999, purity: 0.99 };
const LATE_SHARE = 0.1;

export interface LeakageOptions {
  target: TargetSpec;
  split: SplitSpec | null;
  groupColumn: string | null;
  timeColumn: string | null;
}

type Source = { table: string; nRows: number; columns: ColumnInfo[] };

/**
 * The leakage linter: deterministic checks for features that give the answer away, and for splits that let the
 * test side see the training side. Feature checks run on the analysis sample (analysis-table.ts); split checks
 * on the whole table. At most one feature warning per column: a derivation of the target (the more specific
 * finding) wins over a near-perfect predictor.
 */
export async function leakageWarnings(
  c: DuckDBConnection,
  source: Source,
  o: LeakageOptions,
): Promise<Warning[]> {
  const roles = [
    o.groupColumn,
    o.timeColumn,
    'column' in (o.split ?? {}) ? (o.split as { column: string }).column : null,
  ];
  const exclude = roles.filter((r): r is string => r !== null);
  const byColumn = new Map<string, Warning>();
  const keep = (w: Warning) => {
    const previous = byColumn.get(w.columns[0]);
    if (previous === undefined || (previous.code !== 'target_derived' && w.code === 'target_derived')) {
      byColumn.set(w.columns[0], w);
    }
  };
  await withAnalysisTable(c, source, { target: o.target, exclude }, async (t) => {
    for (const w of await featureLeaks(c, t)) keep(w);
  });
  const textLike = source.columns.filter(
    (col) =>
      col.type !== 'numeric' &&
      col.type !== 'datetime' &&
      col.name !== o.target.name &&
      !exclude.includes(col.name),
  );
  for (const [name, copy] of await textCopies(c, source, o.target.name, textLike)) {
    keep(
      warning(
        'target_derived',
        'critical',
        [name],
        {
          message: `'${name}' contains the value of '${o.target.name}' in ${pct(copy.share)} of the rows, wrapped in ${copy.remainders} fixed text(s): it is a text copy of the target.`,
          suggestion: `Drop '${name}' (recipe step drop): it hands the model the answer.`,
        },
        { kind: 'text_copy', share: copy.share, remainders: copy.remainders },
      ),
    );
  }
  const out = [...byColumn.values()];
  if (o.timeColumn !== null) out.push(...(await lateColumns(c, source, o.timeColumn, exclude)));
  if (o.split !== null) out.push(...(await splitLeaks(c, source, o.split, o.groupColumn)));
  return out;
}

async function featureLeaks(c: DuckDBConnection, t: AnalysisTable): Promise<Warning[]> {
  const target = t.target as TargetSpec;
  const { byIndex } = await targetRelations(c, t);
  // Pearson r of numeric features: regression relations have it; a binary target (as 0/1) needs its own query.
  const linear =
    target.positive !== null
      ? await univariateR2(c, t, { categories: false })
      : new Map([...byIndex].map(([k, r]) => [k, { pearson: r.r2Detail?.pearson ?? null }]));
  const classification = target.task === 'classification';
  const lookup = classification && target.positive === null ? await lookupAccuracy(c, t) : new Map();
  const relabel = classification ? await relabelling(c, t) : new Map();
  const bins = classification ? new Map() : await targetBins(c, t);
  const out: Warning[] = [];
  const rows = t.rows;
  t.features.forEach((f, k) => {
    const name = f.name;
    const derived = (kind: string, what: string, details: Warning['details']) =>
      out.push(
        warning(
          'target_derived',
          'critical',
          [name],
          {
            message: `'${name}' is ${what} of '${target.name}' (measured on ${fmt(rows)} rows): it is computed from the target.`,
            suggestion: `Drop '${name}' (recipe step drop). A column made from the target is never available when you predict.`,
          },
          { kind, ...details },
        ),
      );
    const perfect = (what: string, details: Warning['details']) =>
      out.push(
        warning(
          'near_perfect_predictor',
          'critical',
          [name],
          {
            message: `'${name}' alone predicts '${target.name}' almost perfectly (${what}, on ${fmt(rows)} rows).`,
            suggestion: `Check how '${name}' is recorded: if it is only known once '${target.name}' is, drop it (recipe step drop).`,
          },
          details,
        ),
      );
    const r = byIndex.get(k);
    const pearson = linear.get(k)?.pearson ?? null;
    const rl = relabel.get(k);
    if (pearson !== null && Math.abs(pearson) >= NEAR_PERFECT.linear) {
      derived('linear', 'a linear function (target ± constant, or scaled)', { pearson });
    } else if (bins.has(k)) {
      derived('bins', `a binning (${bins.get(k)?.levels} levels with separate ranges)`, {
        levels: bins.get(k)?.levels ?? null,
      });
    } else if (
      rl !== undefined &&
      rl.purity >= NEAR_PERFECT.purity &&
      rl.classes >= 2 &&
      rl.modes === rl.classes
    ) {
      derived('relabelling', 'a relabelling (each class has its own value)', { purity: rl.purity });
    } else if (r?.auc != null && Math.max(r.auc, 1 - r.auc) >= NEAR_PERFECT.auc) {
      perfect(`ROC AUC ${Math.max(r.auc, 1 - r.auc).toFixed(3)}`, { auc: r.auc });
    } else if (lookup.has(k)) {
      const { accuracy, baseline } = lookup.get(k);
      if (accuracy >= NEAR_PERFECT.accuracy && 1 - accuracy <= 0.2 * (1 - baseline)) {
        perfect(`accuracy ${accuracy.toFixed(3)} against ${baseline.toFixed(3)} for the majority class`, {
          accuracy,
          baseline,
        });
      }
    } else if (target.task === 'regression') {
      const detail = r?.r2Detail;
      const best = Math.max(r?.r2 ?? 0, (detail?.spearman ?? 0) ** 2);
      if (best >= NEAR_PERFECT.r2)
        perfect(`R² ${best.toFixed(3)}`, { r2: r?.r2 ?? null, spearman: detail?.spearman ?? null });
    }
  });
  return out;
}

async function lateColumns(c: DuckDBConnection, source: Source, timeColumn: string, exclude: string[]) {
  const dates = source.columns.filter((col) => col.type === 'datetime' && !exclude.includes(col.name));
  const out: Warning[] = [];
  for (const [name, late] of await afterOutcome(c, source, timeColumn, dates)) {
    if (late.share < LATE_SHARE) continue;
    out.push(
      warning(
        'after_outcome',
        late.share >= 0.5 ? 'critical' : 'warning',
        [name, timeColumn],
        {
          message: `'${name}' is later than '${timeColumn}' (when the outcome is known) in ${pct(late.share)} of the rows.`,
          suggestion: `Drop '${name}', or keep only values recorded before '${timeColumn}': the future is not known when you predict.`,
        },
        { share: late.share, rows: late.rows },
      ),
    );
  }
  return out;
}

async function splitLeaks(c: DuckDBConnection, source: Source, split: SplitSpec, groupColumn: string | null) {
  const overlap = await splitOverlap(c, source, split, groupColumn);
  const splitColumns = 'column' in split ? [split.column] : [];
  const out: Warning[] = [];
  if (overlap.duplicatedTestRows > 0) {
    const share = overlap.duplicatedTestRows / Math.max(1, overlap.testRows);
    out.push(
      warning(
        'duplicates_across_split',
        share >= 0.01 ? 'critical' : 'warning',
        splitColumns,
        {
          message: `${fmt(overlap.duplicatedTestRows)} test rows (${pct(share)}) are identical to training rows: the test score will be too good.`,
          suggestion:
            'Remove duplicates before splitting (recipe step deduplicate), or split by group so copies stay together.',
        },
        { duplicatedTestRows: overlap.duplicatedTestRows, testRows: overlap.testRows, share },
      ),
    );
  }
  if (groupColumn !== null && (overlap.sharedGroups ?? 0) > 0) {
    const shared = overlap.sharedGroups as number;
    out.push(
      warning(
        'group_across_split',
        'critical',
        [groupColumn, ...splitColumns],
        {
          message: `${fmt(shared)} of ${fmt(overlap.groups ?? 0)} values of '${groupColumn}' have rows on both sides of the split.`,
          suggestion: `Split by '${groupColumn}' (a grouped split), so every group is either trained on or tested on.`,
        },
        { sharedGroups: shared, groups: overlap.groups },
      ),
    );
  }
  return out;
}
