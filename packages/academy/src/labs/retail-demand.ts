import { addDays, LabRandom, round } from './random';
import { retailCalendar } from './retail-calendar';
import type { GenerateOptions, LabColumn, LabDataset, LabRow } from './types';

const START = '2024-01-01';
const DAYS = 731; // 2024-01-01 .. 2025-12-31
/** Sunday..Saturday: a grocer's week, quiet on Monday, busiest on Saturday. */
const WEEKDAY = [1.05, 0.82, 0.86, 0.9, 0.98, 1.2, 1.4];
const STORES = [
  { id: 'S01', city: 'Springfield', size: 1.0 },
  { id: 'S02', city: 'Riverton', size: 0.7 },
  { id: 'S03', city: 'Lakeside', size: 1.35 },
  { id: 'S04', city: 'Hillcrest', size: 0.85 },
];
/** Base daily units, price, and yearly amplitude (positive = summer peak, negative = winter peak). */
const PRODUCTS = [
  { id: 'P01', name: 'whole milk 1 l', category: 'dairy', base: 60, price: 1.29, summer: 0.05 },
  { id: 'P02', name: 'sourdough bread', category: 'bakery', base: 35, price: 3.49, summer: 0 },
  { id: 'P03', name: 'vanilla ice cream 500 ml', category: 'frozen', base: 18, price: 4.99, summer: 0.6 },
  { id: 'P04', name: 'tomato soup 400 g', category: 'pantry', base: 22, price: 1.89, summer: -0.35 },
  { id: 'P05', name: 'sparkling water 6-pack', category: 'beverages', base: 30, price: 3.99, summer: 0.35 },
];

/**
 * Lab 3, retail demand. A small grocery chain wants next month's daily sales per store and product to plan
 * orders. Units sold are Poisson around a multiplicative demand: store size × weekday × a yearly cycle (ice cream
 * and water peak in July, soup in January) × a December lift × slow growth × holiday and promotion lifts.
 *
 * Planted traps:
 * - seasonality: a weekly cycle (lag-7 autocorrelation) and a yearly one (month means differ);
 * - holidays: a fixed calendar (see retail-calendar.ts) lifts sales about 60%;
 * - promotions: seeded 4–7-day promotions per series cut the price ~20% and lift units ~50%;
 * - missing days: no rows when a store is closed (Christmas, Thanksgiving, a renovation, system outages), so a
 *   model that assumes one row per day, or a random train/test split, goes wrong.
 */
export function generateRetailDemand(seed: number, options: GenerateOptions = {}): LabDataset {
  const rnd = new LabRandom(seed);
  const stores = STORES.slice(0, Math.max(1, Math.min(STORES.length, options.rows ?? STORES.length)));
  const calendar = retailCalendar([2024, 2025], rnd);

  // Store-specific closures: two stores close for a renovation; every store loses a few days to outages.
  const closed = stores.map((_, s) => {
    const days = new Set<number>();
    if (s % 2 === 1) {
      const start = rnd.int(60, DAYS - 30);
      for (let d = start; d < start + rnd.int(5, 12); d++) days.add(d);
    }
    for (let k = rnd.int(4, 8); k > 0; k--) days.add(rnd.int(0, DAYS - 1));
    return days;
  });
  // Promotion days per store × product, as runs of 4–7 days starting on about 1.5% of days.
  const promo = stores.map(() =>
    PRODUCTS.map(() => {
      const days = new Uint8Array(DAYS);
      let d = 0;
      while (d < DAYS) {
        if (rnd.chance(0.015)) days.fill(1, d, (d += rnd.int(4, 7)));
        d++;
      }
      return days;
    }),
  );
  const promoLift = stores.map(() => PRODUCTS.map(() => rnd.uniform(1.35, 1.7)));

  const rows: LabRow[] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = addDays(START, d);
    if (calendar.closedEverywhere.has(date)) continue;
    const when = new Date(`${date}T00:00:00Z`);
    const yearPhase = (2 * Math.PI * (d - 196)) / 365.25; // 0 in mid-July
    const holiday = calendar.holidays.get(date) ?? null;
    for (let s = 0; s < stores.length; s++) {
      if (closed[s].has(d)) continue;
      for (let p = 0; p < PRODUCTS.length; p++) {
        const product = PRODUCTS[p];
        const onPromo = promo[s][p][d] === 1;
        const demand =
          product.base *
          stores[s].size *
          WEEKDAY[when.getUTCDay()] *
          (1 + product.summer * Math.cos(yearPhase)) *
          (when.getUTCMonth() === 11 ? 1.15 : 1) *
          (1 + (0.05 * d) / 365) *
          (holiday ? 1.6 : 1) *
          (onPromo ? promoLift[s][p] : 1);
        rows.push({
          date,
          store_id: stores[s].id,
          store_city: stores[s].city,
          product_id: product.id,
          product_name: product.name,
          category: product.category,
          unit_price_usd: round(onPromo ? product.price * 0.8 : product.price),
          on_promotion: onPromo,
          holiday,
          units_sold: rnd.poisson(demand),
        });
      }
    }
  }

  return {
    name: 'retail-demand',
    title: 'Daily demand at a grocery chain',
    story:
      'A grocery chain orders stock a month ahead. You get two years of daily unit sales per store and product; ' +
      'forecast the next weeks, and show with a walk-forward backtest that your forecast beats last year’s sales.',
    target: 'units_sold',
    columns: RETAIL_COLUMNS,
    rows,
    problems: [
      {
        kind: 'seasonality',
        columns: ['date', 'units_sold'],
        description:
          'Sales follow a weekly cycle (Saturday peak) and a yearly one (ice cream in summer, soup in winter).',
        measure:
          'per-store daily totals have lag-7 autocorrelation > 0.5 and 0.2 above lag 3; month means differ by > 20%',
      },
      {
        kind: 'holidays',
        columns: ['holiday', 'units_sold'],
        description:
          'Shopping holidays lift sales well above an ordinary day, so a forecast must know the calendar.',
        measure:
          'mean units on holidays (without promotion) at least 30% above ordinary days of the same series',
      },
      {
        kind: 'promotions',
        columns: ['on_promotion', 'unit_price_usd', 'units_sold'],
        description: 'Promotions cut the price about 20% and lift units sold by about half while they run.',
        measure: 'mean units on promotion days at least 30% above ordinary days of the same series',
      },
      {
        kind: 'missing-days',
        columns: ['date', 'store_id'],
        description:
          'Some days have no rows at all: stores were closed or the till system was down, so the series have gaps.',
        measure: 'every store misses ≥ 7 of the 731 calendar days, whole store-days at once',
      },
    ],
  };
}

const RETAIL_COLUMNS: LabColumn[] = [
  { name: 'date', type: 'datetime', description: 'Trading day (store local time).' },
  { name: 'store_id', type: 'categorical', description: 'Store code.' },
  { name: 'store_city', type: 'categorical', description: 'Town the store is in.' },
  { name: 'product_id', type: 'categorical', description: 'Product code (SKU).' },
  { name: 'product_name', type: 'text', description: 'Product description on the shelf label.' },
  { name: 'category', type: 'categorical', description: 'Product category.' },
  { name: 'unit_price_usd', type: 'numeric', description: 'Shelf price that day in US dollars.' },
  { name: 'on_promotion', type: 'boolean', description: 'Whether the product was on promotion that day.' },
  {
    name: 'holiday',
    type: 'categorical',
    description: 'Name of the holiday that day; empty on ordinary days.',
  },
  { name: 'units_sold', type: 'numeric', description: 'Units sold that day.' },
];
