import {
  elbowCurve,
  Matrix,
  PCA,
  pairwiseDistances,
  Rng,
  StandardScaler,
  silhouetteFromDistances,
  silhouetteRows,
} from '@quarry/ml';

/** Rows the silhouette is computed on (its cost grows with the square of the rows). */
export const SILHOUETTE_ROWS = 2000;
/** Points sent for the 2-D scatter (a chart of more points says no more and slows the page). */
export const PLOT_ROWS = 3000;

/** The structure of a data set's numeric columns, computed in a pool worker (plain data in and out). */
export interface StructureInput {
  kind: 'structure';
  names: string[];
  /** One array per column, the sampled rows, NaN = missing. */
  columns: Float64Array[];
  /** The colouring column for the sampled rows, or null. */
  colour: (string | number | null)[] | null;
  kMax: number;
  /** The k to show; null = the k with the best silhouette. */
  k: number | null;
  seed: number;
}

export interface StructureOutput {
  columns: string[];
  excluded: { name: string; reason: string }[];
  imputed: { name: string; missing: number; median: number }[];
  pca: {
    explainedVariance: number[];
    explainedVarianceRatio: number[];
    /** The heaviest weights of the first two components, largest |weight| first. */
    loadings: { component: number; feature: string; weight: number }[];
  };
  kmeans: {
    elbow: { k: number; inertia: number }[];
    /** null where the sampled rows fall in one cluster. */
    silhouette: { k: number; score: number | null }[];
    silhouetteRows: number;
    bestK: number;
    k: number;
    sizes: number[];
    /** Cluster sizes for every k = 1..kMax (index k - 1), so a page can switch k without asking again. */
    sizesByK: number[][];
  };
  points: {
    pc1: number[];
    pc2: number[];
    /** The cluster of each point for the chosen k. */
    cluster: number[];
    /** The cluster of each point for every k = 1..kMax (index k - 1). */
    clusterByK: number[][];
    colour: (string | number | null)[] | null;
  };
}

function median(values: Float64Array): number {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const m = present.length;
  if (m === 0) return Number.NaN;
  return m % 2 === 1 ? present[(m - 1) / 2] : (present[m / 2 - 1] + present[m / 2]) / 2;
}

/** Median-imputed columns; all-missing and constant columns are left out (they carry no structure). */
function prepareColumns(input: StructureInput) {
  const kept: { name: string; values: Float64Array }[] = [];
  const excluded: StructureOutput['excluded'] = [];
  const imputed: StructureOutput['imputed'] = [];
  input.names.forEach((name, j) => {
    const values = Float64Array.from(input.columns[j]);
    const mid = median(values);
    if (Number.isNaN(mid)) {
      excluded.push({ name, reason: 'every value is missing' });
      return;
    }
    let missing = 0;
    for (let i = 0; i < values.length; i++) {
      if (Number.isNaN(values[i])) {
        values[i] = mid;
        missing++;
      }
    }
    if (values.every((v) => v === values[0])) {
      excluded.push({ name, reason: 'constant in the sample' });
      return;
    }
    if (missing > 0) imputed.push({ name, missing, median: mid });
    kept.push({ name, values });
  });
  return { kept, excluded, imputed };
}

/** Data that cannot be analysed (a 422 for the caller, not a server error). */
export class StructureProblem extends Error {}

/**
 * The pool task: a problem with the data comes back as a value, because errors crossing the worker boundary
 * keep only their message.
 */
export function structureTask(input: StructureInput): StructureOutput | { problem: string } {
  try {
    return computeStructure(input);
  } catch (err) {
    if (err instanceof StructureProblem) return { problem: err.message };
    throw err;
  }
}

/**
 * Standardise, PCA (all components: the scree chart), k-means for k = 1..kMax (the elbow), silhouettes for
 * k = 2..kMax on one seeded sample whose distances are computed once, and the 2-D projection coloured by the
 * chosen clustering. Everything is seeded by `seed`, so the same request gives the same answer.
 */
export function computeStructure(input: StructureInput): StructureOutput {
  const { kept, excluded, imputed } = prepareColumns(input);
  if (kept.length < 2) {
    const left = excluded.map((e) => `'${e.name}' (${e.reason})`).join(', ');
    const message = `Structure needs at least 2 numeric columns that vary; ${kept.length} remain after leaving out ${left}. Pick other columns.`;
    throw new StructureProblem(message);
  }
  const names = kept.map((c) => c.name);
  const X = new StandardScaler().fitTransform(Matrix.fromColumns(kept.map((c) => c.values))) as Matrix;
  const n = X.nRows;
  const pca = new PCA().fit(X);
  const scores = pca.transform(X);
  const loadings: StructureOutput['pca']['loadings'] = [];
  for (let c = 0; c < Math.min(2, pca.nComponents_); c++) {
    const weights = names.map((feature, j) => ({
      component: c + 1,
      feature,
      weight: pca.components_.get(c, j),
    }));
    loadings.push(...weights.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 8));
  }
  const kMax = Math.min(input.kMax, n - 1);
  const elbow = elbowCurve(X, { kMax, randomState: input.seed });
  const rows = silhouetteRows(n, { sampleSize: SILHOUETTE_ROWS, randomState: input.seed });
  const distances = pairwiseDistances(X, rows);
  const silhouette = elbow.slice(1).map((point) => {
    const labels = Int32Array.from(rows, (i) => point.labels[i]);
    const used = new Set(labels).size;
    return {
      k: point.k,
      score: used >= 2 && used < labels.length ? silhouetteFromDistances(distances, labels) : null,
    };
  });
  let bestK = 1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const s of silhouette) {
    if (s.score !== null && s.score > bestScore) {
      bestScore = s.score;
      bestK = s.k;
    }
  }
  const k = Math.min(input.k ?? bestK, kMax);
  const sizesByK = elbow.map((point) => {
    const sizes = new Array<number>(point.k).fill(0);
    for (const label of point.labels) sizes[label]++;
    return sizes;
  });
  const plotted =
    n <= PLOT_ROWS
      ? Int32Array.from({ length: n }, (_, i) => i)
      : new Rng(input.seed).permutation(n).subarray(0, PLOT_ROWS).sort();
  const pc2 = pca.nComponents_ > 1 ? scores.column(1) : new Float64Array(n);
  return {
    columns: names,
    excluded,
    imputed,
    pca: {
      explainedVariance: Array.from(pca.explainedVariance_),
      explainedVarianceRatio: Array.from(pca.explainedVarianceRatio_),
      loadings,
    },
    kmeans: {
      elbow: elbow.map((p) => ({ k: p.k, inertia: p.inertia })),
      silhouette,
      silhouetteRows: rows.length,
      bestK,
      k,
      sizes: sizesByK[k - 1],
      sizesByK,
    },
    points: {
      pc1: Array.from(plotted, (i) => scores.get(i, 0)),
      pc2: Array.from(plotted, (i) => pc2[i]),
      cluster: Array.from(plotted, (i) => elbow[k - 1].labels[i]),
      clusterByK: elbow.map((point) => Array.from(plotted, (i) => point.labels[i])),
      colour:
        input.colour === null
          ? null
          : Array.from(plotted, (i) => (input.colour as (string | number | null)[])[i]),
    },
  };
}
