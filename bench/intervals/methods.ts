import {
  clipSpread,
  conformalQuantile,
  cvPlusIntervals,
  type Frame,
  fromJSON,
  intervalCoverage,
  regressionScores,
  spreadFloor,
  symmetricIntervals,
} from '@quarry/ml';
import { featureSpecs } from '../../packages/server/src/training/split';
import type { TrainInput, TrainOutput } from '../../packages/server/src/training/types';
import { crossFittedSpread, SPREAD_SHRINK } from '../../packages/server/src/training/uncertainty';

/** What one product training run leaves for the methods to use (rows are positions into the target rows). */
export interface StudyArtifacts {
  trainInput: TrainInput;
  output: TrainOutput;
  train: Int32Array;
  test: Int32Array;
  frame: Frame;
  y: Float64Array;
  /** The cross-validation fold of each training row (training-row order). */
  foldOf: Int32Array;
  /** `${family}|${fold}` → that fold model's predictions on the test rows. */
  foldPreds: Map<string, Float64Array>;
  /** Cross-fitted blend weights per fold (ensemble only). */
  foldWeights: Record<string, number>[];
}

export interface MethodResult {
  method: string;
  coverage: number;
  width: number;
  /** Coverage on the noisier half of the test rows (unshrunk σ̂(x) above its median): conditional coverage. */
  noisyCoverage: number;
  /** Coverage on the calmer half (the other test rows). */
  calmCoverage: number;
}

export const METHODS = [
  'normalized, shrink 0, floor 5%',
  'normalized, shrink 0, floor 25%',
  'normalized, shrink 0, floor 50%',
  'plain cross-conformal',
  'CV+ (fold models)',
  'max(normalized, plain)',
  'normalized CV+ (fold models)',
  'normalized, shrink 0.5',
] as const;

/** The row that is the product's method (SPREAD_SHRINK, floor 5%): the study checks it against the product. */
export const PRODUCT_METHOD = SPREAD_SHRINK === 0 ? METHODS[0] : METHODS[7];

const meanOf = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length === 0 ? 0 : s / xs.length;
};

/** Every candidate method's coverage and mean width on the re-split's test rows, at `level`. */
export function evaluateMethods(a: StudyArtifacts, level: number): MethodResult[] {
  const { trainInput, output, train, test, frame, y } = a;
  const oof = trainInput.oof as Float64Array;
  const yTrain = Float64Array.from(train, (p) => y[p]);
  const yTest = Float64Array.from(test, (p) => y[p]);
  const trainFrame = frame.take(train);
  const testFrame = frame.take(test);
  const model = fromJSON(output.pipeline as never) as unknown as { predict(X: Frame): Float64Array };
  const pred = Float64Array.from(model.predict(testFrame));
  const data = {
    features: featureSpecs(trainInput.features),
    seed: trainInput.seed,
    trainFrame,
    oof,
    yTrain,
  };
  // The unshrunk spread and one shrunk halfway toward the mean |residual|, both cross-fitted by the product code.
  const raw = crossFittedSpread(data, 0);
  const shrunk = crossFittedSpread(data, 0.5);
  const { absResidual } = raw;
  const rawTest = raw.spreadModel.predict(testFrame);
  const meanAbs = meanOf(absResidual);
  const median = Float64Array.from(rawTest).sort()[Math.floor(rawTest.length / 2)];
  const noisy = Int32Array.from(rawTest.keys()).filter((i) => rawTest[i] >= median);
  const calm = Int32Array.from(rawTest.keys()).filter((i) => rawTest[i] < median);
  const coverageOn = (rows: Int32Array, lower: Float64Array, upper: Float64Array) =>
    intervalCoverage(
      Float64Array.from(rows, (i) => yTest[i]),
      Float64Array.from(rows, (i) => lower[i]),
      Float64Array.from(rows, (i) => upper[i]),
    );
  const result = (method: string, { lower, upper }: { lower: Float64Array; upper: Float64Array }) => ({
    method,
    coverage: intervalCoverage(yTest, lower, upper),
    width: meanOf(Float64Array.from(lower, (l, i) => upper[i] - l)),
    noisyCoverage: coverageOn(noisy, lower, upper),
    calmCoverage: coverageOn(calm, lower, upper),
  });
  const normalized = (oofSpread: Float64Array, testSpread: Float64Array, floor: number) => {
    const q = conformalQuantile(regressionScores(yTrain, oof, clipSpread(oofSpread, floor)), level);
    return symmetricIntervals(pred, q, clipSpread(testSpread, floor));
  };
  const before = normalized(raw.oofSpread, rawTest, spreadFloor(absResidual));
  const half = normalized(shrunk.oofSpread, shrunk.spreadModel.predict(testFrame), spreadFloor(absResidual));
  // Sanity: the product's measurement on these rows must be what this study computes for its method.
  const product = output.uncertainty?.levels.find((l) => l.level === level)?.holdoutCoverage;
  const productRows = PRODUCT_METHOD === METHODS[0] ? before : half;
  const mine = intervalCoverage(yTest, productRows.lower, productRows.upper);
  if (product !== undefined && Math.abs(product - mine) > 1e-12) {
    throw new Error(`study disagrees with the product: ${mine} vs ${product}`);
  }
  const plain = symmetricIntervals(pred, conformalQuantile(absResidual, level));
  const nFolds = Math.max(...a.foldOf) + 1;
  // Fold k's version of the chosen procedure: its family's fold model, or the blend of the families' fold
  // models with the weights the product cross-fitted for fold k.
  const foldPredictions = Array.from({ length: nFolds }, (_, k) => {
    if (output.family !== 'ensemble') return a.foldPreds.get(`${output.family}|${k}`) as Float64Array;
    const out = new Float64Array(test.length);
    for (const [family, w] of Object.entries(a.foldWeights[k])) {
      const p = a.foldPreds.get(`${family}|${k}`) as Float64Array;
      for (let i = 0; i < out.length; i++) out[i] += w * p[i];
    }
    return out;
  });
  const cvPlus = cvPlusIntervals(foldPredictions, absResidual, a.foldOf, level);
  const both = {
    lower: Float64Array.from(pred, (_, i) => Math.min(before.lower[i], plain.lower[i])),
    upper: Float64Array.from(pred, (_, i) => Math.max(before.upper[i], plain.upper[i])),
  };
  // Normalized CV+: bounds of μ₋ₖ₍ᵢ₎(x) ∓ Sᵢ·σ(x) with Sᵢ = |rᵢ|/σᵢ; σ(x) > 0 is one number per new point, so
  // these are σ(x) times the CV+ bounds of μ₋ₖ₍ᵢ₎(x)/σ(x) ∓ Sᵢ.
  const floor = spreadFloor(absResidual);
  const sigmaTest = clipSpread(rawTest, floor);
  const normCv = cvPlusIntervals(
    foldPredictions.map((p) => Float64Array.from(p, (v, i) => v / sigmaTest[i])),
    regressionScores(yTrain, oof, clipSpread(raw.oofSpread, floor)),
    a.foldOf,
    level,
  );
  for (let i = 0; i < test.length; i++) {
    normCv.lower[i] *= sigmaTest[i];
    normCv.upper[i] *= sigmaTest[i];
  }
  return [
    result(METHODS[0], before),
    result(METHODS[1], normalized(raw.oofSpread, rawTest, 0.25 * meanAbs)),
    result(METHODS[2], normalized(raw.oofSpread, rawTest, 0.5 * meanAbs)),
    result(METHODS[3], plain),
    result(METHODS[4], cvPlus),
    result(METHODS[5], both),
    result(METHODS[6], normCv),
    result(METHODS[7], half),
  ];
}
