import { addDays, LabRandom, round } from './random';
import type { GenerateOptions, LabColumn, LabDataset, LabRow } from './types';

const PREFIXES = [
  'Oak',
  'Maple',
  'River',
  'Hill',
  'Mill',
  'Ash',
  'Elm',
  'Cedar',
  'Brook',
  'Lake',
  'Stone',
  'Fair',
];
const SUFFIXES = [
  'field',
  'side',
  'gate',
  'wood',
  'view',
  'ton',
  'bury',
  'dale',
  'mere',
  'ford',
  'park',
  'heath',
];
const SQFT_PER_M2 = 10.7639;

/**
 * Lab 2, house prices. A regional estate agency exports five years of sales. Price follows the hedonic model
 * appraisers use: log(price) is linear in log(living area), condition, age, renovation and distance to the centre,
 * plus a neighbourhood premium: location is a large share of the variance, as it is in real markets.
 *
 * Planted traps:
 * - skew: price is log-normal (skewness ≈ 1.5), log(price) is nearly symmetric;
 * - outliers: a handful of mansions (800–1 400 m², multi-million prices) and data-entry errors where the living
 *   area was typed in square feet instead of m² (the price is normal, the area ten times too big);
 * - missing values: `garage_area_m2` and `lot_area_m2` are missing at random; `year_renovated` is empty for houses
 *   never renovated (structurally missing: an empty cell that means "never", not "unknown");
 * - high cardinality: 200 neighbourhoods (some split into an East part), from busy to rare, whose
 *   premium a target encoding can learn (inside the folds) but a one-hot encoding would drown in.
 */
export function generateHousePrices(seed: number, options: GenerateOptions = {}): LabDataset {
  const n = options.rows ?? 3000;
  const rnd = new LabRandom(seed);

  // ~200 neighbourhoods with a seeded price premium (log scale) and Zipf-like popularity.
  const names: string[] = [];
  for (const p of PREFIXES) for (const s of SUFFIXES) names.push(`${p}${s}`);
  const order = rnd.permutation(names.length);
  const hoods = Array.from({ length: 200 }, (_, k) => {
    const name = names[order[k % names.length]];
    return k < names.length ? name : `${name} East`;
  });
  const premium = hoods.map(() => rnd.normal(0, 0.28));
  const weights = hoods.map((_, k) => 1 / (k + 8) ** 0.6);

  const rows: LabRow[] = [];
  for (let i = 0; i < n; i++) {
    const hood = rnd.weighted(weights);
    const area = Math.max(28, rnd.logNormal(115, 0.33));
    const yearBuilt = Math.min(2023, Math.round(rnd.uniform(1900, 2024) * 0.4 + rnd.normal(1985, 20) * 0.6));
    const renovated =
      yearBuilt < 2005 && rnd.chance(0.45) ? rnd.int(Math.max(yearBuilt + 10, 1990), 2024) : null;
    const condition = Math.min(5, Math.max(1, Math.round(rnd.normal(renovated ? 3.8 : 3.1, 0.8))));
    const distance = round(rnd.logNormal(6, 0.6), 1);
    const hasGarage = rnd.chance(0.7);
    const logPrice =
      Math.log(320_000) +
      0.85 * Math.log(area / 115) +
      premium[hood] +
      0.06 * (condition - 3) -
      0.035 * distance +
      0.002 * (yearBuilt - 1985) +
      (renovated ? 0.06 : 0) +
      (hasGarage ? 0.04 : 0) +
      rnd.normal(0, 0.2);
    rows.push({
      house_id: `H${String(20001 + i)}`,
      sale_date: addDays('2019-01-01', rnd.int(0, 5 * 365 - 1)),
      neighbourhood: hoods[hood],
      living_area_m2: round(area, 1),
      lot_area_m2: round(area * rnd.logNormal(2.6, 0.5), 0),
      bedrooms: Math.max(1, Math.round(area / 32 + rnd.normal(0, 0.7))),
      bathrooms: Math.max(1, Math.round(area / 70 + rnd.normal(0, 0.4))),
      year_built: yearBuilt,
      year_renovated: renovated,
      condition,
      garage_area_m2: hasGarage ? round(rnd.uniform(14, 42), 1) : 0,
      distance_to_centre_km: distance,
      sale_price_usd: Math.round(Math.exp(logPrice) / 100) * 100,
    });
  }

  // Outliers: a few mansions and some areas typed in square feet, in rows chosen by the seed.
  const picks = rnd.permutation(n);
  const mansions = Array.from(picks.subarray(0, 6)).sort((a, b) => a - b);
  for (const i of mansions) {
    const area = rnd.uniform(800, 1400);
    Object.assign(rows[i], {
      living_area_m2: round(area, 1),
      lot_area_m2: round(area * rnd.uniform(8, 20), 0),
      bedrooms: rnd.int(7, 12),
      bathrooms: rnd.int(5, 9),
      sale_price_usd: Math.round(rnd.uniform(4_000_000, 12_000_000) / 1000) * 1000,
    });
  }
  const sqftErrors = Array.from(picks.subarray(6, 60))
    .filter((i) => (rows[i].living_area_m2 as number) >= 60)
    .slice(0, 10)
    .sort((a, b) => a - b);
  for (const i of sqftErrors)
    rows[i].living_area_m2 = round((rows[i].living_area_m2 as number) * SQFT_PER_M2, 1);

  // Missing completely at random: fields the agents skipped.
  for (const row of rows) {
    if (rnd.chance(0.07)) row.garage_area_m2 = null;
    if (rnd.chance(0.04)) row.lot_area_m2 = null;
  }

  return {
    name: 'house-prices',
    title: 'House prices in a regional market',
    story:
      'An estate agency wants a fair first price for new listings. You get five years of sales; predict the sale ' +
      'price of a house from its features, and be honest about how wrong the estimate can be.',
    target: 'sale_price_usd',
    columns: HOUSE_COLUMNS,
    rows,
    problems: [
      {
        kind: 'outliers',
        columns: ['living_area_m2', 'sale_price_usd'],
        description:
          'A few mansions and some living areas typed in square feet instead of m² sit far from every other house.',
        measure: 'robust z-score of living_area_m2 > 5 for every planted row',
        rows: [...mansions, ...sqftErrors].sort((a, b) => a - b),
      },
      {
        kind: 'skew',
        columns: ['sale_price_usd'],
        description:
          'Prices are right-skewed: a few expensive houses pull the mean; modelling log(price) fixes it.',
        measure: 'without the planted outlier rows: skewness of price > 1 and |skewness| of log(price) < 0.5',
      },
      {
        kind: 'missing',
        columns: ['garage_area_m2', 'lot_area_m2', 'year_renovated'],
        description:
          'Garage and lot areas were sometimes not entered; an empty renovation year means the house was never renovated.',
        measure: 'missing share per column in range; year_renovated empty only where no renovation happened',
      },
      {
        kind: 'high-cardinality',
        columns: ['neighbourhood'],
        description:
          'Neighbourhood has about 200 levels, many rare, yet location is a large part of the price.',
        measure:
          '≥ 150 levels, and a train-fitted target encoding explains > 10% of log-price variance on a holdout',
      },
    ],
  };
}

const HOUSE_COLUMNS: LabColumn[] = [
  { name: 'house_id', type: 'identifier', description: 'Listing reference.' },
  { name: 'sale_date', type: 'datetime', description: 'Date the sale completed.' },
  { name: 'neighbourhood', type: 'categorical', description: 'Named neighbourhood the house is in.' },
  { name: 'living_area_m2', type: 'numeric', description: 'Heated living area in square metres.' },
  { name: 'lot_area_m2', type: 'numeric', description: 'Plot size in square metres.' },
  { name: 'bedrooms', type: 'numeric', description: 'Number of bedrooms.' },
  { name: 'bathrooms', type: 'numeric', description: 'Number of bathrooms.' },
  { name: 'year_built', type: 'numeric', description: 'Year construction finished.' },
  {
    name: 'year_renovated',
    type: 'numeric',
    description: 'Year of the last major renovation; empty if never.',
  },
  {
    name: 'condition',
    type: 'numeric',
    description: 'Surveyor’s condition grade, 1 (poor) to 5 (excellent).',
  },
  { name: 'garage_area_m2', type: 'numeric', description: 'Garage floor area in m² (0 = no garage).' },
  { name: 'distance_to_centre_km', type: 'numeric', description: 'Road distance to the city centre in km.' },
  { name: 'sale_price_usd', type: 'numeric', description: 'Final sale price in US dollars.' },
];
