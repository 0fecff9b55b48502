/**
 * The Quarry side of the tabular benchmark: fits `@quarry/ml`'s HistGradientBoosting on one data set and prints one
 * JSON line, in the same shape as `reference.py`:
 *
 *   node --expose-gc --import tsx bench/tabular/quarry-side.ts --dataset attrition
 *
 * - fit_s / predict_s: `performance.now()` around `fit` and around `predictProba` (classifier; labels are its
 *   argmax) or `predict` (regressor). The fit is repeated on a fresh model (at least 2 fits, up to 10 while they
 *   total under 2 s, or --repeat N) and the fastest is reported, as `reference.py` does (`fit_s_first`: the first).
 * - peak_rss_mb: the process's resident set high-water mark during fit. A worker thread samples
 *   `process.memoryUsage.rss()` every 2 ms while the main thread is busy fitting (a timer on the main thread would
 *   never run during a synchronous fit); where Linux allows it the kernel's exact VmHWM (reset just before fit
 *   through /proc/self/clear_refs) is read too, and the larger of the two is reported.
 * - data_f64_mb: the float64 size of the data set's feature matrix (all rows), and train_f64_mb that of the
 *   training rows, so the "peak memory ≤ 2× the float64 size of the data" target can be judged against
 *   `peak_rss_mb - rss_before_fit_mb` (what fitting added; the process holds the loaded data before fit).
 *
 * Threads: `--threads N` (N > 1) lends the fits a `ThreadTeam` of N threads (the server's, packages/server/src/jobs/
 * thread-team.ts): `@quarry/ml` runs large nodes' histograms, row splits, gradients and prediction updates on it, with
 * the same trees as on one thread. The team's workers start before the first fit and count in the memory columns.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import {
  argmaxRows,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  type Labels,
  type Matrix,
  rocAucScore,
  rootMeanSquaredError,
  takeLabels,
} from '@quarry/ml';
import { ThreadTeam } from '../../packages/server/src/jobs/thread-team';
import { datasetSource, float64Bytes, type LoadedDataset, loadDataset } from './datasets';

/** The HGB parameters of the benchmark (scikit-learn's names in camelCase), the same as `reference.py`'s. */
export const HGB_PARAMS = {
  maxIter: 100,
  learningRate: 0.1,
  maxLeafNodes: 31,
  minSamplesLeaf: 20,
  maxBins: 255,
  earlyStopping: false,
  randomState: 0,
} as const;

type Model = HistGradientBoostingClassifier | HistGradientBoostingRegressor;

/** Quarry's HGB for the task, with the categorical columns split natively. */
function makeModel(task: LoadedDataset['task'], categorical: boolean[]): Model {
  const params = { ...HGB_PARAMS, categoricalFeatures: categorical.some(Boolean) ? categorical : null };
  return task === 'regression'
    ? new HistGradientBoostingRegressor(params)
    : new HistGradientBoostingClassifier(params);
}

const MB = 1024 * 1024;

/** Samples the process RSS on another thread; `peakSince()` gives the high-water mark since `reset()`. */
class RssSampler {
  readonly #state = new Int32Array(new SharedArrayBuffer(16)); // [stop, peak KiB, -, sleep cell]
  readonly #worker: Worker;

  constructor(intervalMs = 2) {
    this.#worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const s = new Int32Array(workerData.buffer);
       while (Atomics.load(s, 0) === 0) {
         const kb = Math.round(process.memoryUsage.rss() / 1024);
         if (kb > Atomics.load(s, 1)) Atomics.store(s, 1, kb);
         Atomics.wait(s, 3, 0, workerData.intervalMs);
       }`,
      { eval: true, workerData: { buffer: this.#state.buffer, intervalMs } },
    );
  }

  reset(): void {
    Atomics.store(this.#state, 1, Math.round(process.memoryUsage.rss() / 1024));
  }

  peakBytes(): number {
    return Math.max(Atomics.load(this.#state, 1) * 1024, process.memoryUsage.rss());
  }

  async stop(): Promise<void> {
    Atomics.store(this.#state, 0, 1);
    Atomics.notify(this.#state, 3);
    await this.#worker.terminate();
  }
}

function procStatusBytes(field: string): number | null {
  try {
    const match = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

/** Resets the kernel's VmHWM to the current RSS (Linux ≥ 4.0); false where that is not allowed. */
function resetKernelPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Collects garbage until the resident set stops shrinking: V8 releases large ArrayBuffers (the CSV bytes, the full
 * matrix) on a background thread after `gc()`, so one read right after it can still count them (up to 2 s).
 */
async function settleMemory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  let previous = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 40; k++) {
    gc();
    await sleep(50);
    const rss = process.memoryUsage.rss();
    if (previous - rss < 1024 * 1024) return;
    previous = rss;
  }
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      threads: { type: 'string', default: '1' },
      repeat: { type: 'string', default: '0' },
    },
  });
  if (values.dataset === undefined) throw new Error('Usage: quarry-side.ts --dataset NAME [--threads N]');
  const threads = Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1) throw new Error('--threads takes a whole number ≥ 1.');
  // The team's workers start before any fit, as a server's would; the fits lend them to the library.
  const team = threads > 1 ? await ThreadTeam.start(threads) : undefined;

  const sampler = new RssSampler();
  let data: LoadedDataset | null = loadDataset(datasetSource(values.dataset));
  const { task, categorical, train, test, source } = data;
  const nRows = data.X.nRows;
  const nCols = data.X.nCols;
  const XTrain = data.X.takeRows(train);
  const XTest = data.X.takeRows(test);
  let yTrain: Labels | Float64Array;
  let yTest: Labels | Float64Array;
  if (data.y instanceof Float64Array) {
    const y = data.y;
    yTrain = Float64Array.from(train, (i) => y[i]);
    yTest = Float64Array.from(test, (i) => y[i]);
  } else {
    yTrain = takeLabels(data.y, train);
    yTest = takeLabels(data.y, test);
  }
  data = null; // only the train and test rows stay in memory, as on the Python side
  const repeat = Number(values.repeat);
  const fitTimes: number[] = [];
  const predictTimes: number[] = [];
  let output: Matrix | Float64Array | null = null;
  let rssBefore = 0;
  let sampledPeak = 0;
  let kernelPeak: number | null = null;
  let classes: string[] | null = null;
  for (;;) {
    const model = makeModel(task, categorical);
    const first = fitTimes.length === 0;
    let exactPeak = false;
    if (first) {
      // Garbage is collected and the resident set settled before the first fit only, whose memory is measured;
      // later fits run as in a long-lived server (a full collection before each would hand the fit's buffers back
      // to the system and make every fit fault them in again).
      await settleMemory();
      rssBefore = process.memoryUsage.rss();
      exactPeak = resetKernelPeak();
      sampler.reset();
    }
    let start = performance.now();
    if (model instanceof HistGradientBoostingRegressor) model.fit(XTrain, yTrain as Float64Array, { team });
    else model.fit(XTrain, yTrain as Labels, { team });
    fitTimes.push((performance.now() - start) / 1000);
    if (first) {
      sampledPeak = sampler.peakBytes();
      kernelPeak = exactPeak ? procStatusBytes('VmHWM') : null;
      classes = model instanceof HistGradientBoostingClassifier ? model.classes_ : null;
    }
    start = performance.now();
    const result =
      model instanceof HistGradientBoostingClassifier ? model.predictProba(XTest) : model.predict(XTest);
    predictTimes.push((performance.now() - start) / 1000);
    output ??= result;
    // At least two fits: the first also compiles the kernels, on every thread of the team (a long-lived server
    // pays that once), and a one-fit rule would time a cold fit only where a fit takes over 2 s.
    if (
      repeat > 0
        ? fitTimes.length >= repeat
        : fitTimes.length >= 10 || (fitTimes.length >= 2 && sum(fitTimes) >= 2)
    )
      break;
  }
  await sampler.stop();
  await team?.dispose();

  let metric: number;
  let metricName: string;
  if (task === 'regression') {
    metric = rootMeanSquaredError(yTest as Float64Array, output as Float64Array);
    metricName = 'rmse';
  } else {
    const proba = output as Matrix;
    const labels = yTest as Labels;
    const levels = classes ?? labels.levels;
    if (task === 'binary') {
      const positive = levels.indexOf(source.positive ?? '');
      if (positive < 0) throw new Error(`The positive class '${source.positive}' is not among ${levels}.`);
      const truth = Int32Array.from(labels.codes, (c) => (labels.levels[c] === source.positive ? 1 : 0));
      metric = rocAucScore(truth, proba.data.slice(positive * proba.nRows, (positive + 1) * proba.nRows));
      metricName = 'auc';
    } else {
      const predicted = argmaxRows(proba);
      let correct = 0;
      for (let i = 0; i < predicted.length; i++) {
        if (levels[predicted[i]] === labels.levels[labels.codes[i]]) correct++;
      }
      metric = correct / predicted.length;
      metricName = 'accuracy';
    }
  }

  const peak = Math.max(sampledPeak, kernelPeak ?? 0);
  const result = {
    tool: 'quarry_hgb',
    threads,
    fit_s: round(Math.min(...fitTimes), 4),
    predict_s: round(Math.min(...predictTimes), 4),
    fit_s_first: round(fitTimes[0], 4),
    fits: fitTimes.length,
    metric,
    metric_name: metricName,
    peak_rss_mb: round(peak / MB, 1),
    rss_before_fit_mb: round(rssBefore / MB, 1),
    peak_rss_sampled_mb: round(sampledPeak / MB, 1),
    peak_source: kernelPeak === null ? 'sampled rss (2 ms)' : 'max(sampled rss, VmHWM) during fit',
    data_f64_mb: round(float64Bytes(nRows, nCols) / MB, 1),
    train_f64_mb: round(float64Bytes(train.length, nCols) / MB, 1),
    n_train: train.length,
    n_test: test.length,
    n_features: nCols,
    libs: `node ${process.versions.node}`,
    cpu_s: round((process.cpuUsage().user + process.cpuUsage().system) / 1e6, 3),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
