import { LinearRegression, Matrix, r2Score } from '@quarry/ml';
import { correlation, numericColumn } from '../labs/measures';
import { labData, memo, round, sampleRows, take } from './lab-data';

export interface ScatterResult {
  log: boolean;
  /** The plotted sample: living area and price, on the chosen scale. */
  points: { area: number; price: number }[];
  /** A straight-line fit of price on area, on the chosen scale, through all rows. */
  trend: { area: number; price: number }[];
  correlation: number;
  r2: number;
  /** Rows on the plot out of all rows. */
  shown: number;
  total: number;
}

/**
 * The visualisation lesson: living area against price for the house-price lab, `sample` points drawn. On the raw
 * scale the few enormous areas (entered in square feet) squash everything else into a corner and drag the fitted
 * line; on log–log axes the cloud opens up, the mistakes stand apart, and the straight line fits far better.
 */
export const scatterTrend = (options: { log: boolean; sample: number }): ScatterResult =>
  scatterMemo(`${options.log}|${options.sample}`);

const scatterMemo = memo((key) => {
  const [logText, sampleText] = key.split('|');
  const log = logText === 'true';
  const ds = labData('house-prices');
  const rawArea = numericColumn(ds, 'living_area_m2');
  const rawPrice = numericColumn(ds, 'sale_price_usd');
  const keep = Int32Array.from(Array.from(rawArea.keys()).filter((i) => rawArea[i] > 0 && rawPrice[i] > 0));
  const area = take(rawArea, keep).map((v) => (log ? Math.log10(v) : v));
  const price = take(rawPrice, keep).map((v) => (log ? Math.log10(v) : v));
  const model = new LinearRegression().fit(Matrix.fromColumns([area]), price);
  const fitted = model.predict(Matrix.fromColumns([area]));
  const lo = Math.min(...area);
  const hi = Math.max(...area);
  const line = Float64Array.from({ length: 21 }, (_, k) => lo + ((hi - lo) * k) / 20);
  const linePrice = model.predict(Matrix.fromColumns([line]));
  const unscale = (v: number) => (log ? 10 ** v : v);
  const rows = sampleRows(area.length, Math.max(50, Math.min(area.length, Number(sampleText))), 9);
  return {
    log,
    points: Array.from(rows, (i) => ({
      area: round(unscale(area[i]), 1),
      price: Math.round(unscale(price[i])),
    })),
    trend: Array.from(line, (v, k) => ({
      area: round(unscale(v), 1),
      price: Math.round(unscale(linePrice[k])),
    })),
    correlation: correlation(area, price),
    r2: r2Score(price, fitted),
    shown: rows.length,
    total: area.length,
  };
});
