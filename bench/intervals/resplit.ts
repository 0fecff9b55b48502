/**
 * Re-split study for the regression intervals (docs/decisions.md 40): compares
 * conformal methods WITHOUT touching the fixed holdouts. For each regression set the fixed holdout rows (the
 * `splits/<name>.json` rows; for the synthetic heteroscedastic set the product's seeded 30% split) are removed
 * first; the remaining training rows are re-split R times (seeded 75/25), and on each re-split the product's
 * `auto` training runs unchanged (runTraining + trainModel, in process) on the 75%, while the 25% is scored by
 * every candidate method. Prints method × set: mean coverage at 90%, its sd over re-splits, mean width.
 *
 *   npx tsx bench/intervals/resplit.ts [--resplits 8] [--sets boston,ozone,sacramento,hetero]
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Frame, Rng, rootMeanSquaredError, trainTestSplit } from '@quarry/ml';
import { DatasetService } from '../../packages/server/src/datasets/service';
import { Store } from '../../packages/server/src/store/db';
import { blend } from '../../packages/server/src/training/blend';
import { prepareTraining } from '../../packages/server/src/training/prepare';
import { type RunInPool, runTraining } from '../../packages/server/src/training/run-training';
import { prepareTarget, splitRows } from '../../packages/server/src/training/split';
import { trainModel } from '../../packages/server/src/training/train-model';
import type { BlendInput, FoldInput, TrainInput } from '../../packages/server/src/training/types';
import { foldModelPredictions } from './fold-models';
import { evaluateMethods, METHODS, type MethodResult, PRODUCT_METHOD, type StudyArtifacts } from './methods';

const TABULAR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'tabular');
const LEVEL = 0.9;
const SEED = 42;

const { values } = parseArgs({
  options: {
    resplits: { type: 'string', default: '8' },
    sets: { type: 'string', default: 'boston,ozone,sacramento,hetero' },
  },
});
const R = Number(values.resplits);
const sets = (values.sets as string).split(',');

/** The coverage test's synthetic set (packages/server/test/coverage.test.ts): noise sd grows tenfold in x1. */
function writeHetero(dir: string): string {
  const rng = new Rng(5);
  const lines = ['x1,x2,y'];
  for (let i = 0; i < 3000; i++) {
    const x1 = rng.nextFloat();
    const x2 = 2 * rng.nextFloat() - 1;
    const z = Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
    lines.push(`${x1},${x2},${3 * Math.sin(2 * Math.PI * x1) + x2 + z * (0.2 + 2 * x1)}`);
  }
  const path = join(dir, 'hetero.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

async function loadInput(name: string, dir: string): Promise<{ input: TrainInput; fixed: Int32Array }> {
  const specs = JSON.parse(readFileSync(join(TABULAR, 'specs.json'), 'utf8'));
  const path = name === 'hetero' ? writeHetero(dir) : join(TABULAR, `${name}.csv`);
  const store = await Store.memory();
  try {
    const datasets = new DatasetService(store, dir);
    const fileName = path.split('/').pop() as string;
    const dataset = await datasets.createFromFile({ path, fileName, sizeBytes: statSync(path).size });
    const fixedRows =
      name === 'hetero'
        ? null
        : (JSON.parse(readFileSync(join(TABULAR, 'splits', `${name}.json`), 'utf8')).test as number[]);
    const prepared = await prepareTraining(datasets, {
      datasetId: dataset.id,
      target: name === 'hetero' ? 'y' : specs[name].target,
      model: 'auto',
      seed: SEED,
      testRows: fixedRows,
      testSize: 0.3,
    });
    const input = prepared.input as TrainInput;
    // The fixed holdout as rows of the table: given, or the product's seeded split (as in the coverage test).
    const rows = prepareTarget(input.target, 'regression');
    const fixed =
      fixedRows === null
        ? Int32Array.from(
            splitRows(rows, { testRows: null, testSize: 0.3, seed: SEED }).test,
            (k) => rows.keep[k],
          )
        : Int32Array.from(fixedRows);
    return { input, fixed };
  } finally {
    store.close();
  }
}

/** The input restricted to table rows `keep` (the fixed holdout dropped: nothing below can see it). */
function subset(input: TrainInput, keep: Int32Array): TrainInput {
  const take = (c: TrainInput['target']): TrainInput['target'] =>
    c.kind === 'numeric'
      ? { ...c, values: Float64Array.from(keep, (i) => c.values[i]) }
      : { ...c, codes: Int32Array.from(keep, (i) => c.codes[i]) };
  return { ...input, features: input.features.map(take), target: take(input.target) };
}

/** Runs the product's auto training once, in process, recording what the methods need. */
async function oneResplit(input: TrainInput): Promise<StudyArtifacts> {
  const rows = prepareTarget(input.target, 'regression');
  const frame = new Frame(input.features).take(rows.keep);
  const { train, test } = splitRows(rows, input);
  const testFrame = frame.take(test);
  const foldPreds = new Map<string, Float64Array>(); // `${family}|${fold}` → predictions on the test rows
  const foldOfRow = new Map<number, number>(); // position of a training row → its fold (numbered in call order)
  const blendWeights: Record<string, number>[] = [];
  let artifacts: StudyArtifacts | null = null;
  const run: RunInPool = async (task) => {
    if (task.kind === 'fold') {
      const fold = task as FoldInput;
      const { predictions, onTest } = foldModelPredictions(fold, frame, rows.y as Float64Array, testFrame);
      if (!foldOfRow.has(fold.scoreRows[0])) {
        const k = new Set(foldOfRow.values()).size;
        for (const p of fold.scoreRows) foldOfRow.set(p, k);
      }
      foldPreds.set(`${fold.family}|${foldOfRow.get(fold.scoreRows[0])}`, onTest);
      const y = Float64Array.from(fold.scoreRows, (p) => (rows.y as Float64Array)[p]);
      return { score: -rootMeanSquaredError(y, predictions), predictions };
    }
    if (task.kind === 'blend') {
      const out = blend(task as BlendInput);
      blendWeights.push(out.weights);
      return out;
    }
    const trainInput = task as TrainInput;
    const output = trainModel(trainInput, () => undefined);
    artifacts = {
      trainInput,
      output,
      train,
      test,
      frame,
      y: rows.y as Float64Array,
      foldOf: Int32Array.from(train, (p) => foldOfRow.get(p) as number),
      foldPreds,
      // The first blend call chooses the ensemble; the next ones (one per fold, in fold order) cross-fit it.
      foldWeights: blendWeights.slice(1),
    };
    return output;
  };
  await runTraining(run, input, { progress: () => undefined });
  if (artifacts === null) throw new Error('training produced no final fit');
  return artifacts;
}

const dir = mkdtempSync(join(tmpdir(), 'quarry-resplit-'));
const table: Record<string, Record<string, MethodResult[]>> = {};
for (const name of sets) {
  const { input, fixed } = await loadInput(name, dir);
  const n = input.target.kind === 'numeric' ? input.target.values.length : 0;
  const isFixed = new Uint8Array(n);
  for (const r of fixed) isFixed[r] = 1;
  const keep = Int32Array.from({ length: n }, (_, i) => i).filter((i) => !isFixed[i]);
  const sub = subset(input, keep);
  table[name] = {};
  for (let r = 0; r < R; r++) {
    const started = performance.now();
    // Seeded 75/25 re-split of the training rows; `testRows` are rows of the subset table.
    const { test } = trainTestSplit(keep.length, { testSize: 0.25, randomState: 1000 + r });
    const artifacts = await oneResplit({ ...sub, testRows: test });
    const results = evaluateMethods(artifacts, LEVEL);
    for (const m of results) (table[name][m.method] ??= []).push(m);
    const s = ((performance.now() - started) / 1000).toFixed(0);
    console.error(
      `${name} re-split ${r}: ${artifacts.output.family}, ${s}s, ` +
        results.map((m) => `${m.method} ${(100 * m.coverage).toFixed(1)}`).join(', '),
    );
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(xs.length - 1, 1));
};
console.log(
  `\n90% intervals, ${R} seeded 75/25 re-splits of each set's training rows (fixed holdout excluded)`,
);
console.log(`coverage % mean ± sd over re-splits, mean width; last column: mean |coverage − 90|`);
console.log(['method', ...sets, 'mean |gap|'].join(' | '));
for (const method of METHODS) {
  const cells = sets.map((s) => {
    const rs = table[s][method] ?? [];
    const cov = rs.map((x) => 100 * x.coverage);
    return `${mean(cov).toFixed(1)} ± ${sd(cov).toFixed(1)}, w ${mean(rs.map((x) => x.width)).toPrecision(3)}`;
  });
  const gap = mean(
    sets.map((s) => Math.abs(100 * mean((table[s][method] ?? []).map((x) => x.coverage)) - 90)),
  );
  console.log([method, ...cells, gap.toFixed(2)].join(' | '));
}
console.log(
  `\ncoverage % on the noisier / calmer half of each re-split's test rows (unshrunk σ̂(x) vs its median)`,
);
console.log(['method', ...sets].join(' | '));
for (const method of METHODS) {
  const pct = (s: string, key: 'noisyCoverage' | 'calmCoverage') =>
    (100 * mean((table[s][method] ?? []).map((x) => x[key]))).toFixed(1);
  const cells = sets.map((s) => `${pct(s, 'noisyCoverage')} / ${pct(s, 'calmCoverage')}`);
  console.log([method, ...cells].join(' | '));
}
console.log(`\nthe product uses: ${PRODUCT_METHOD}`);
