import type { TopLevelSpec } from 'vega-lite';
import { BAR_COLOR, SCHEMA_URL } from './colors';

/** The Structure section's data, as POST /api/datasets/:id/structure returns it. */
export interface StructureResult {
  columns: string[];
  excluded: { name: string; reason: string }[];
  imputed: { name: string; missing: number; median: number }[];
  nRows: number;
  sampledRows: number;
  seed: number;
  colourBy: { name: string; task: 'classification' | 'regression' } | null;
  pca: {
    explainedVariance: number[];
    explainedVarianceRatio: number[];
    loadings: { component: number; feature: string; weight: number }[];
  };
  kmeans: {
    elbow: { k: number; inertia: number }[];
    silhouette: { k: number; score: number | null }[];
    silhouetteRows: number;
    bestK: number;
    k: number;
    sizes: number[];
    sizesByK: number[][];
  };
  points: {
    pc1: number[];
    pc2: number[];
    cluster: number[];
    clusterByK: number[][];
    colour: (string | number | null)[] | null;
  };
}

/** Components shown in the scree chart (the tail of a wide data set is noise nobody reads). */
export const SCREE_COMPONENTS = 20;

/** Scree: the share of variance each component explains (bars) and the running total (line). */
export function screeSpec(ratios: number[]): TopLevelSpec {
  let total = 0;
  const values = ratios.slice(0, SCREE_COMPONENTS).map((ratio, k) => {
    total += ratio;
    return { pc: k + 1, ratio, cumulative: total };
  });
  // Component numbers on an ordinal axis sort naturally and stay legible for 20 components ('PC12' would not).
  const x = {
    field: 'pc',
    type: 'ordinal' as const,
    title: 'Principal component',
    axis: { labelAngle: 0 },
  };
  const y = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { format: '%' } };
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: 200,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: BAR_COLOR },
        encoding: {
          x,
          y: { ...y, field: 'ratio', title: 'Explained variance' },
          tooltip: [
            { field: 'pc', title: 'Component' },
            { field: 'ratio', title: 'Explained', format: '.1%' },
            { field: 'cumulative', title: 'Cumulative', format: '.1%' },
          ],
        },
      },
      {
        mark: { type: 'line', point: true, color: '#495057' },
        encoding: { x, y: { ...y, field: 'cumulative' } },
      },
    ],
  };
}

export interface ProjectionColour {
  title: string;
  kind: 'nominal' | 'quantitative';
  values: (string | number | null)[];
}

/** The rows on the first two components, coloured by cluster or by the target. */
export function projectionSpec(
  pc1: number[],
  pc2: number[],
  ratios: number[],
  colour: ProjectionColour,
): TopLevelSpec {
  const values = pc1.map((x, i) => ({ x, y: pc2[i], colour: colour.values[i] ?? 'missing' }));
  const percent = (k: number) => (ratios[k] === undefined ? '' : ` (${(100 * ratios[k]).toFixed(1)} %)`);
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: 320,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    mark: { type: 'circle', size: 16, opacity: 0.6 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: `PC1${percent(0)}`, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: `PC2${percent(1)}`, scale: { zero: false } },
      color: {
        field: 'colour',
        type: colour.kind,
        title: colour.title,
        ...(colour.kind === 'nominal'
          ? { scale: { scheme: 'tableau10' } }
          : { scale: { scheme: 'viridis' } }),
      },
      tooltip: [
        { field: 'colour', title: colour.title },
        { field: 'x', title: 'PC1', format: '.3f' },
        { field: 'y', title: 'PC2', format: '.3f' },
      ],
    },
  };
}

/** Inertia against k with the chosen k marked: look for the bend. */
export function elbowSpec(elbow: { k: number; inertia: number }[], chosen: number): TopLevelSpec {
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: 200,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      {
        data: { values: elbow },
        mark: { type: 'line', point: true, color: BAR_COLOR },
        encoding: {
          x: { field: 'k', type: 'quantitative', title: 'k (clusters)', axis: { tickMinStep: 1 } },
          y: { field: 'inertia', type: 'quantitative', title: 'Inertia (within-cluster sum of squares)' },
          tooltip: [
            { field: 'k', title: 'k' },
            { field: 'inertia', title: 'Inertia', format: ',.1f' },
          ],
        },
      },
      {
        data: { values: [{ k: chosen }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#868e96' },
        encoding: { x: { field: 'k', type: 'quantitative' } },
      },
    ],
  };
}

/** The mean silhouette for k = 2..kMax; the chosen k is highlighted. Higher is better (at most 1). */
export function silhouetteSpec(
  silhouette: { k: number; score: number | null }[],
  chosen: number,
): TopLevelSpec {
  const values = silhouette
    .filter((s) => s.score !== null)
    .map((s) => ({ k: String(s.k), order: s.k, score: s.score, chosen: s.k === chosen }));
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: 200,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'k',
        type: 'ordinal',
        sort: { field: 'order' },
        title: 'k (clusters)',
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'score',
        type: 'quantitative',
        title: 'Mean silhouette',
        scale: { domain: [Math.min(0, ...values.map((v) => v.score as number)), 1] },
      },
      color: {
        condition: { test: 'datum.chosen', value: BAR_COLOR },
        value: '#ced4da',
      },
      tooltip: [
        { field: 'k', title: 'k' },
        { field: 'score', title: 'Silhouette', format: '.3f' },
      ],
    },
  };
}
