/**
 * Fit time of HistGradientBoostingClassifier against scikit-learn's on one machine, in one run: a seeded synthetic
 * binary problem of 200 000 rows × 20 features, 100 iterations, no early stopping, scikit-learn on one OpenMP
 * thread. Prints wall and CPU seconds (best of the repeats; the first of ours includes JIT warm-up) and the ratio.
 *
 *   npx tsx packages/ml/bench/hgb-fit.bench.ts [repeats=3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix } from '../src/core/matrix';
import { Rng } from '../src/core/rng';
import { HistGradientBoostingClassifier } from '../src/ensemble/hist-gradient-boosting/hist-gradient-boosting-classifier';

const n = 200_000;
const p = 20;
const repeats = Number(process.argv[2] ?? 3);

/** Gaussian features; the class follows a non-linear logit (an interaction, a square, a sine) plus logistic noise. */
function makeData(): { X: Matrix; y: Int32Array } {
  const rng = new Rng(1);
  const X = new Matrix(n, p);
  const gauss = () =>
    Math.sqrt(-2 * Math.log(rng.nextFloat() || 1e-12)) * Math.cos(2 * Math.PI * rng.nextFloat());
  for (let k = 0; k < n * p; k++) X.data[k] = gauss();
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = (j: number) => X.data[j * n + i];
    const logit = x(0) + 0.5 * x(1) * x(2) - x(3) ** 2 + 0.3 * Math.sin(3 * x(4));
    const u = rng.nextFloat();
    y[i] = logit + Math.log(u / (1 - u)) > 0 ? 1 : 0;
  }
  return { X, y };
}

const { X, y } = makeData();
const folder = mkdtempSync(join(tmpdir(), 'hgb-bench-'));
writeFileSync(join(folder, 'X.f64'), X.data);
writeFileSync(join(folder, 'y.f64'), Float64Array.from(y));
writeFileSync(join(folder, 'shape.json'), JSON.stringify({ n, p }));
const script = join(import.meta.dirname, 'hgb-fit.py');
const sklearn = JSON.parse(
  execFileSync('/usr/bin/python3', [script, folder, String(repeats)], {
    env: { ...process.env, OMP_NUM_THREADS: '1' },
    encoding: 'utf8',
  }),
);
rmSync(folder, { recursive: true });

const wall: number[] = [];
const cpu: number[] = [];
let accuracy = 0;
for (let r = 0; r < repeats; r++) {
  const model = new HistGradientBoostingClassifier({ maxIter: 100, earlyStopping: false, randomState: 0 });
  const t = performance.now();
  const c = process.cpuUsage();
  model.fit(X, y);
  const used = process.cpuUsage(c);
  wall.push((performance.now() - t) / 1000);
  cpu.push((used.user + used.system) / 1e6);
  const pred = model.predict(X);
  accuracy = pred.filter((v, i) => v === y[i]).length / n;
}

const best = (values: number[]) => Math.min(...values);
const row = (name: string, w: number[], c: number[], acc: number) =>
  `${name.padEnd(22)} wall ${best(w).toFixed(2)} s (first ${w[0].toFixed(2)})  cpu ${best(c).toFixed(2)} s  train accuracy ${acc.toFixed(4)}`;
console.log(`HistGradientBoostingClassifier fit, ${n} × ${p}, 100 iterations, best of ${repeats}`);
console.log(row('scikit-learn (1 thread)', sklearn.wall, sklearn.cpu, sklearn.train_accuracy));
console.log(row('quarry', wall, cpu, accuracy));
console.log(
  `ratio quarry / scikit-learn: wall ${(best(wall) / best(sklearn.wall)).toFixed(2)}, cpu ${(best(cpu) / best(sklearn.cpu)).toFixed(2)}`,
);
