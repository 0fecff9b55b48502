import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType } from '../datasets/column-types';
import type { AnalysisTable } from './analysis-table';
import { univariateAuc } from './relation-auc';
import { mutualInformation } from './relation-mi';
import { type R2Result, univariateR2 } from './relation-r2';
import { steady } from './steady';

export interface FeatureRelation {
  name: string;
  type: ColumnType;
  n: number;
  auc: number | null;
  mutualInformation: number;
  r2: number | null;
}

export interface TargetRelations {
  target: string;
  task: 'classification' | 'regression';
  positiveClass: string | null;
  rowsUsed: number;
  features: FeatureRelation[];
}

/** What the leakage linter reuses: the relations by feature index, with Pearson/Spearman for regression. */
export interface RelationDetail {
  relations: TargetRelations;
  byIndex: Map<number, FeatureRelation & { r2Detail?: R2Result }>;
}

/** How strongly a feature goes with the target, for sorting: distance of AUC from 0.5, R², else MI. */
export function strength(r: FeatureRelation): number {
  if (r.auc !== null) return Math.abs(r.auc - 0.5) * 2;
  if (r.r2 !== null) return Math.max(0, r.r2);
  return r.mutualInformation;
}

/**
 * Univariate relation of every feature to the target: ROC AUC for a binary target, R² for a regression target,
 * mutual information always. Strongest first; ties by name, so the order is stable.
 */
export async function targetRelations(c: DuckDBConnection, t: AnalysisTable): Promise<RelationDetail> {
  const target = t.target;
  if (target === null) throw new Error('targetRelations needs a target'); // callers always resolve one
  const auc = target.positive !== null ? await univariateAuc(c, t) : new Map();
  const r2 = target.task === 'regression' ? await univariateR2(c, t) : new Map<number, R2Result>();
  const mi = await mutualInformation(c, t);
  const byIndex = new Map<number, FeatureRelation & { r2Detail?: R2Result }>();
  t.features.forEach((f, k) => {
    const a = auc.get(k);
    const r = r2.get(k);
    byIndex.set(k, {
      name: f.name,
      type: f.info.type,
      n: a?.n ?? r?.n ?? t.rows,
      auc: a?.auc ?? null,
      mutualInformation: mi.get(k) ?? 0,
      r2: r?.r2 ?? null,
      r2Detail: r,
    });
  });
  const features = [...byIndex.values()]
    .map(({ r2Detail: _, ...rest }) => ({
      ...rest,
      auc: steady(rest.auc),
      mutualInformation: steady(rest.mutualInformation),
      r2: steady(rest.r2),
    }))
    .sort((a, b) => strength(b) - strength(a) || (a.name < b.name ? -1 : 1));
  return {
    relations: {
      target: target.name,
      task: target.task,
      positiveClass: target.positive,
      rowsUsed: t.rows,
      features,
    },
    byIndex,
  };
}
