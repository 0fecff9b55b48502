/**
 * Scratch comparison of GlobalGbdtForecaster settings on M4 Hourly (not part of bench:m4), scored on the last 48
 * points of each training series so settings are never tuned on the test set (`--test` scores the test set).
 *   npx tsx bench/m4/global-experiment.ts '[{"strategy":"direct"},{"strategy":"recursive"}]'
 */
import { GlobalGbdtForecaster, mase, owa, smape } from '@quarry/ml';
import { HORIZON, loadM4Hourly, NAIVE2_MASE, NAIVE2_SMAPE, SEASON } from './m4-data';

const full = loadM4Hourly();
// Tuning happens on the training data only: its last 48 points play the test set.
const data = process.argv.includes('--test')
  ? full
  : {
      ...full,
      train: full.train.map((y) => y.subarray(0, y.length - HORIZON)),
      test: full.train.map((y) => y.subarray(y.length - HORIZON)),
    };
const configs = JSON.parse(process.argv[2] ?? '[{}]');
const all: Float64Array[][] = [];
const report = (label: string, f: Float64Array[], seconds: number) => {
  let s = 0;
  let m = 0;
  f.forEach((fc, i) => {
    s += smape(data.test[i], fc);
    m += mase(data.test[i], fc, data.train[i], SEASON);
  });
  s /= f.length;
  m /= f.length;
  console.log(
    label,
    `sMAPE ${s.toFixed(3)} MASE ${m.toFixed(3)} OWA ${owa(s, m, NAIVE2_SMAPE, NAIVE2_MASE).toFixed(3)} ${seconds.toFixed(1)} s`,
  );
};
for (const config of configs) {
  const t0 = performance.now();
  const model = new GlobalGbdtForecaster({ intervals: false, ...config }).fitPanel(data.train, {
    season: SEASON,
    horizon: HORIZON,
  });
  const f = model.predictPanel(HORIZON);
  all.push(f.map((x) => x.mean));
  report(JSON.stringify(config), all[all.length - 1], (performance.now() - t0) / 1000);
}
report(
  'mean of all',
  all[0].map((_, i) => all[0][i].map((_, h) => all.reduce((a, f) => a + f[i][h], 0) / all.length)),
  0,
);
