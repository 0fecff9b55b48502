import type { FeatureSpec } from '../auto/make-tabular-model';
import { categoricalColumn, numericColumn } from '../core/column';
import { Frame } from '../core/frame';
import type { Labels } from '../core/labels';
import { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';

export type ContractTask = 'classification' | 'regression' | 'transformer';
/**
 * 'codes': a matrix of non-negative integer category codes, for estimators such as CategoricalNB (and topic models,
 * which read them as term counts). 'text': a frame with one text column 'doc', for vectorizers.
 */
export type ContractInput = 'matrix' | 'frame' | 'codes' | 'text';

export interface ContractData {
  X: Matrix | Frame;
  /** Three classes 'a', 'b', 'c' for classification; a noisy linear target for regression. */
  y: Labels | Float64Array | undefined;
}

/** The columns of the contract frame, for building pipelines over it (e.g. with makeTabularModel). */
export const CONTRACT_FEATURES: readonly FeatureSpec[] = [
  { name: 'num0', kind: 'numeric' },
  { name: 'num1', kind: 'numeric' },
  { name: 'color', kind: 'categorical' },
];

const COLORS = ['red', 'green', 'blue'];

/**
 * A small seeded data set on which every estimator must honour the contract: 60 rows, two numeric features and,
 * for frames, a categorical one, with a few missing values in frames (pipelines must cope).
 */
export function contractData(task: ContractTask, input: ContractInput, nRows = 60, seed = 7): ContractData {
  const rng = new Rng(seed);
  const num0 = new Float64Array(nRows);
  const num1 = new Float64Array(nRows);
  const color: (string | null)[] = [];
  const codes = new Int32Array(nRows);
  const target = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    num0[i] = rng.nextFloat() * 4 - 2;
    num1[i] = rng.nextFloat() * 4 - 2;
    const c = i % 3;
    color.push(COLORS[c]);
    const score = num0[i] + 0.5 * num1[i] + (c === 0 ? 0.8 : 0) + (rng.nextFloat() - 0.5);
    // Rows cycle through the classes where the score is ambiguous so every class is well represented.
    codes[i] = score < -0.7 ? 0 : score > 0.7 ? 2 : 1;
    target[i] = 3 * num0[i] - 2 * num1[i] + (c === 1 ? 1.5 : 0) + 0.1 * (rng.nextFloat() - 0.5);
  }
  let X: Matrix | Frame;
  if (input === 'matrix') {
    X = Matrix.fromColumns([num0, num1]);
  } else if (input === 'codes') {
    const bin = (v: number) => Math.min(3, Math.floor(v + 2));
    X = Matrix.fromColumns([
      num0.map(bin),
      num1.map(bin),
      Float64Array.from({ length: nRows }, (_, i) => i % 3),
    ]);
  } else if (input === 'text') {
    const words = ['free', 'money', 'meeting', 'noon', 'prize', 'agenda', 'café', '東京'];
    const docs = Array.from({ length: nRows }, (_, i) =>
      i % 17 === 3
        ? null
        : `${COLORS[i % 3]} ${words[codes[i] * 2]} ${words[(codes[i] * 2 + i) % words.length]}`,
    );
    X = new Frame([categoricalColumn('doc', docs)]);
  } else {
    const withGaps = Float64Array.from(num0, (v, i) => (i % 11 === 5 ? Number.NaN : v));
    const colorWithGaps = color.map((v, i) => (i % 13 === 4 ? null : v));
    X = new Frame([
      numericColumn('num0', withGaps),
      numericColumn('num1', num1),
      categoricalColumn('color', colorWithGaps),
    ]);
  }
  const y =
    task === 'classification'
      ? { codes, levels: ['a', 'b', 'c'] }
      : task === 'regression'
        ? target
        : undefined;
  return { X, y };
}
