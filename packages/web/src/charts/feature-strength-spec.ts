import type { TopLevelSpec } from 'vega-lite';
import type { TargetRelations } from '../api/types';
import { BAR_COLOR, SCHEMA_URL } from './colors';

export type StrengthMeasure = 'auc' | 'mutualInformation' | 'r2';

export interface FeatureStrength {
  name: string;
  value: number;
}

/** The measure to show: AUC for a binary target, R² for a numeric one, mutual information otherwise. */
export function defaultMeasure(relations: TargetRelations): StrengthMeasure {
  if (relations.features.some((f) => f.auc !== null)) return 'auc';
  if (relations.features.some((f) => f.r2 !== null)) return 'r2';
  return 'mutualInformation';
}

/**
 * One value per feature, strongest first. AUC is folded to its distance from chance (max(auc, 1 − auc)), since
 * an AUC of 0.1 predicts as well as one of 0.9, only the other way round.
 */
export function featureStrengths(relations: TargetRelations, measure: StrengthMeasure): FeatureStrength[] {
  const out: FeatureStrength[] = [];
  for (const f of relations.features) {
    const raw = f[measure];
    if (raw === null || !Number.isFinite(raw)) continue;
    out.push({ name: f.name, value: measure === 'auc' ? Math.max(raw, 1 - raw) : raw });
  }
  return out.sort((x, y) => y.value - x.value || x.name.localeCompare(y.name));
}

const TITLES: Record<StrengthMeasure, string> = {
  auc: 'AUC (distance from chance folded)',
  mutualInformation: 'Mutual information (nats)',
  r2: 'R²',
};

/** A horizontal bar per feature, strongest on top. */
export function featureStrengthSpec(strengths: FeatureStrength[], measure: StrengthMeasure): TopLevelSpec {
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: Math.max(strengths.length, 1) * 18,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values: strengths.map(({ name, value }) => ({ name, value })) },
    mark: { type: 'bar', color: BAR_COLOR },
    encoding: {
      y: {
        field: 'name',
        type: 'nominal',
        sort: { field: 'value', order: 'descending' },
        title: null,
        axis: { labelLimit: 160 },
      },
      x: {
        field: 'value',
        type: 'quantitative',
        title: TITLES[measure],
        scale: measure === 'auc' ? { domain: [0, 1] } : { zero: true },
      },
      tooltip: [
        { field: 'name', type: 'nominal', title: 'Feature' },
        { field: 'value', type: 'quantitative', title: TITLES[measure], format: '.4f' },
      ],
    },
  };
}
