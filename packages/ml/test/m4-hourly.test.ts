import { describe, expect, it } from 'vitest';
import type { Forecaster } from '../src/forecasting/forecaster';
import { mase } from '../src/forecasting/mase';
import { Naive2 } from '../src/forecasting/naive2';
import { SimpleExpSmoothing } from '../src/forecasting/simple-exp-smoothing';
import { smape } from '../src/forecasting/smape';
import { Theta } from '../src/forecasting/theta';
import { loadM4Hourly } from './m4-hourly-data';

// The M4 competition's own benchmarks on its Hourly subset (414 series, season 24, horizon 48) must reproduce
// the official results (Makridakis, Spiliotis & Assimakopoulos, IJF 36, 2020) within 0.5%. ETS and ARIMA take
// minutes here and live in `npm run bench:m4` instead.
const OFFICIAL: [string, number, number, () => Forecaster][] = [
  ['Naive2', 18.383, 2.395, () => new Naive2()],
  ['SES', 18.094, 2.385, () => new SimpleExpSmoothing()],
  ['Theta', 18.138, 2.455, () => new Theta()],
];

describe('M4 Hourly: official benchmark numbers', () => {
  const data = loadM4Hourly();

  it('reads 414 series of 700 or 960 points with 48 test values each', () => {
    expect(data.ids).toHaveLength(414);
    expect(data.train.every((s) => s.length === 700 || s.length === 960)).toBe(true);
    expect(data.test.every((s) => s.length === 48)).toBe(true);
  });

  it.each(OFFICIAL)(
    '%s reproduces sMAPE %s and MASE %s within 0.5 percent',
    (_, officialSmape, officialMase, make) => {
      let s = 0;
      let m = 0;
      data.ids.forEach((_, i) => {
        const forecast = make().fit(data.train[i], { season: 24 }).predict(48).mean;
        s += smape(data.test[i], forecast);
        m += mase(data.test[i], forecast, data.train[i], 24);
      });
      s /= data.ids.length;
      m /= data.ids.length;
      expect(Math.abs(s / officialSmape - 1)).toBeLessThan(0.005);
      expect(Math.abs(m / officialMase - 1)).toBeLessThan(0.005);
    },
  );
});
