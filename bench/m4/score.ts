/** One row of the M4 table and how a set of forecasts is scored (mean sMAPE, MASE, and OWA against Naive2). */
import { mase, owa, smape } from '@quarry/ml';
import { type M4Hourly, NAIVE2_MASE, NAIVE2_SMAPE, SEASON } from './m4-data';

export interface Row {
  name: string;
  smape: number;
  mase: number;
  owa: number;
  seconds: number | null;
  coverage80?: number;
  coverage95?: number;
  source: 'Quarry' | 'R forecast' | 'combination';
}

export function score(name: string, forecasts: Float64Array[], data: M4Hourly, n: number) {
  let s = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    s += smape(data.test[i], forecasts[i]);
    m += mase(data.test[i], forecasts[i], data.train[i], SEASON);
  }
  s /= n;
  m /= n;
  return { name, smape: s, mase: m, owa: owa(s, m, NAIVE2_SMAPE, NAIVE2_MASE) };
}
