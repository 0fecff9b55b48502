import { LinearRegression, Matrix, trainTestSplit } from '@quarry/ml';
import { median, numericColumn, skewness } from '../labs/measures';
import { labData, medianFilled, memo, take } from './lab-data';
import { type Bin, histogram } from './stats';

export interface DistributionResult {
  log: boolean;
  histogram: Bin[];
  skewness: number;
  mean: number;
  median: number;
  /**
   * Median absolute percentage error, on a 30% holdout, of a linear regression predicting the price from size,
   * rooms, age and distance — fitted on the price itself, or on log(price) and turned back with exp.
   */
  holdoutMedianApe: number;
}

const FEATURES = ['living_area_m2', 'bedrooms', 'bathrooms', 'year_built', 'distance_to_centre_km'];

/**
 * The distributions lesson: house prices are right-skewed (a long tail of expensive houses), so the mean sits
 * well above the median and a linear model of the raw price is pulled around by the tail. The log of the price
 * is nearly symmetric, and a model of log(price) errs in proportion — the right thing for prices.
 */
export const priceDistribution = (log: boolean): DistributionResult => distMemo(String(log));

const distMemo = memo((key) => {
  const log = key === 'true';
  const ds = labData('house-prices');
  const price = numericColumn(ds, 'sale_price_usd');
  const shown = log ? price.map(Math.log) : price;
  const X = Matrix.fromColumns(FEATURES.map((name) => medianFilled(numericColumn(ds, name))));
  const { train, test } = trainTestSplit(price.length, { testSize: 0.3, randomState: 4 });
  const target = take(shown, train);
  const model = new LinearRegression().fit(X.takeRows(train), target);
  const predicted = model.predict(X.takeRows(test));
  const ape = Float64Array.from(test, (i, k) => {
    const guess = log ? Math.exp(predicted[k]) : predicted[k];
    return Math.abs(guess - price[i]) / price[i];
  });
  let sum = 0;
  for (const v of shown) sum += v;
  return {
    log,
    histogram: histogram(shown, 40),
    skewness: skewness(shown),
    mean: sum / shown.length,
    median: median(shown),
    holdoutMedianApe: median(ape),
  };
});
