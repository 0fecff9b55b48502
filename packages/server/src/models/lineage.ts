import type { Imbalance } from '../modelling/imbalance';
import type { Step } from '../recipes/steps';
import type { Metrics } from '../training/types';

/** Everything a model version was made from: enough to reproduce it and to tell two versions apart. */
export interface Lineage {
  dataset: {
    id: string;
    name: string;
    rootId: string;
    version: number;
    contentSha256: string;
    nRows: number;
  };
  target: string;
  pipeline: { family: string; steps: string[] };
  params: Record<string, unknown>;
  seed: number;
  split: { strategy: string; testSize: number; nTrain: number; nTest: number; testRowsSha256: string };
  cv: {
    strategy: string;
    k: number;
    groupColumn: string | null;
    timeColumn: string | null;
    foldSizes: number[];
    assignmentSha256: string;
  } | null;
  imbalance: Imbalance | null;
  metrics: Metrics;
  codeVersion: string;
  recipe: { rootDatasetId: string; version: number; steps: Step[] } | null;
}

type Json =
  | { kind?: string; params?: Record<string, unknown>; $estimator?: Json }
  | string
  | null
  | undefined;

/**
 * The pipeline's steps as text, read from its serialized form, e.g.
 * ['prep: ColumnTransformer(num: Pipeline(impute: SimpleImputer, scale: StandardScaler))', 'model: LogisticRegression'].
 */
export function describePipeline(pipeline: unknown): string[] {
  const root = pipeline as Json;
  if (typeof root !== 'object' || root === null) return [];
  if (root.kind === 'Pipeline') return namedSteps(root.params?.steps);
  return [describe(root)];
}

function describe(node: Json): string {
  if (typeof node === 'string') return node;
  if (typeof node !== 'object' || node === null) return '?';
  if (node.$estimator !== undefined) return describe(node.$estimator);
  const kind = node.kind ?? '?';
  const params = node.params ?? {};
  if (kind === 'Pipeline') return `Pipeline(${namedSteps(params.steps).join(', ')})`;
  if (kind === 'ColumnTransformer') return `ColumnTransformer(${namedSteps(params.transformers).join(', ')})`;
  if (kind === 'CalibratedClassifierCV')
    return `CalibratedClassifierCV[${String(params.method)}](${describe(params.estimator as Json)})`;
  if (kind === 'VotingClassifier' || kind === 'VotingRegressor')
    return `${kind}(${namedSteps(params.estimators).join(', ')})`;
  return kind;
}

function namedSteps(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry) =>
    Array.isArray(entry) ? `${String(entry[0])}: ${describe(entry[1] as Json)}` : describe(entry as Json),
  );
}
