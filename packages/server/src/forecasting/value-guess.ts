/**
 * Which numeric column a forecast most likely wants to predict. Long-format tables often carry calendar helper
 * columns (year, month, week, day_of_week) and numeric keys (store_id) next to the measure; those are numbers
 * too, but forecasting them is never what a person means. The guess therefore:
 *   1. drops date parts: integer columns named like one (year, month, day_of_week, …) or whose values are a part
 *      of the time column plus a constant (month, 0- or 1-based weekday, …; seen in the data when it was read),
 *   2. drops keys: columns named like one (…id, …_id, …code, key, sku) or, unless named like a measure, whose
 *      values are all distinct integers (a row number),
 *   3. prefers a measure's name (y, target, sales, demand, revenue, units, quantity, value, amount, count, load, …;
 *      price last, since a price is more often an input than the thing to plan for),
 *   4. else takes the column with the most distinct values (the column order when nothing was measured).
 * When every numeric column is dropped it still answers: the one with the most distinct values.
 */

/** What was measured about one numeric column (on a seeded sample of rows); see column-stats.ts. */
export interface NumericColumnStats {
  /** Non-missing values. */
  count: number;
  distinct: number;
  /** Every value is a whole number. */
  integer: boolean;
  /** The date part (of the time column) the values equal up to a constant, e.g. 'month' or 'dow'. */
  datePart: string | null;
}

export interface NumericCandidate {
  name: string;
  stats?: NumericColumnStats;
}

/** Words a name is made of: snake_case, kebab-case, spaces and camelCase split, lower-cased. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const DATE_WORDS = new Set([
  'year',
  'yr',
  'quarter',
  'qtr',
  'month',
  'week',
  'wk',
  'isoweek',
  'weekofyear',
  'day',
  'days',
  'dayofweek',
  'dayofmonth',
  'dayofyear',
  'dow',
  'doy',
  'dom',
  'wday',
  'mday',
  'yday',
  'weekday',
  'hour',
  'hr',
  'minute',
  'second',
  'yearmonth',
  'yearweek',
]);
/**
 * Words that join date words without changing what they are: day_of_week, month_num, iso_week, fiscal_year, and
 * the time column's own name in front, as the studio's date-parts recipe step names them (date_month).
 */
const DATE_JOINERS = new Set(
  'of in the num number no nr idx index iso fiscal date time timestamp ts dt'.split(' '),
);

/** Named like a calendar part: every word is a date word or a joiner (day_of_week, Month, fiscal_year). */
export function isDatePartName(name: string): boolean {
  const words = nameWords(name);
  return words.some((w) => DATE_WORDS.has(w)) && words.every((w) => DATE_WORDS.has(w) || DATE_JOINERS.has(w));
}

const KEY_WORDS = new Set(['id', 'ids', 'code', 'key', 'sku', 'uuid', 'guid', 'zip', 'postcode']);

/** Named like a key: the last word is id / code / key / sku (store_id, storeId, StoreID, item_code). */
export function isIdName(name: string): boolean {
  const words = nameWords(name);
  return words.length > 0 && KEY_WORDS.has(words[words.length - 1]);
}

/** Measure names, best first. A column whose name is exactly one of WHOLE ranks above all of them. */
const WHOLE = ['y', 'target'];
const MEASURE_WORDS = [
  'sales',
  'demand',
  'revenue',
  'units',
  'sold',
  'quantity',
  'qty',
  'volume',
  'value',
  'values',
  'amount',
  'count',
  'counts',
  'load',
  'consumption',
  'orders',
  'visits',
  'traffic',
  'total',
  'price',
];

/** Rank of a measure-like name (0 best), or null when the name says nothing about being a measure. */
export function measureRank(name: string): number | null {
  const lower = name.toLowerCase();
  if (WHOLE.includes(lower)) return 0;
  const words = nameWords(name);
  let best: number | null = null;
  for (const w of words) {
    const rank = MEASURE_WORDS.indexOf(w);
    if (rank >= 0 && (best === null || rank + 1 < best)) best = rank + 1;
  }
  return best;
}

/** A calendar helper: an integer column named like a date part, or one the data shows is a date part. */
export function isDatePart(c: NumericCandidate): boolean {
  if (c.stats?.datePart) return true;
  return isDatePartName(c.name) && c.stats?.integer !== false;
}

/** A key: named like one, or (unless named like a measure) every one of at least 20 values a distinct integer. */
export function isIdLike(c: NumericCandidate): boolean {
  if (isIdName(c.name)) return true;
  const s = c.stats;
  if (s === undefined || !s.integer) return false;
  return s.count >= 20 && s.distinct === s.count && measureRank(c.name) === null;
}

const distinct = (c: NumericCandidate) => c.stats?.distinct ?? -1;

/** The column with the most distinct values; the later column on a tie (or when nothing was measured). */
function mostDistinct(columns: readonly NumericCandidate[]): NumericCandidate | undefined {
  let best: NumericCandidate | undefined;
  for (const c of columns) if (best === undefined || distinct(c) >= distinct(best)) best = c;
  return best;
}

/** The numeric column to forecast (see the file comment), or undefined when there is none. */
export function guessValueColumn(numeric: readonly NumericCandidate[]): string | undefined {
  const measures = numeric.filter((c) => !isDatePart(c) && !isIdLike(c));
  const named = measures
    .map((c) => ({ c, rank: measureRank(c.name) }))
    .filter((x): x is { c: NumericCandidate; rank: number } => x.rank !== null);
  if (named.length > 0) {
    const top = Math.min(...named.map((x) => x.rank));
    return mostDistinct(named.filter((x) => x.rank === top).map((x) => x.c))?.name;
  }
  return (mostDistinct(measures) ?? mostDistinct(numeric))?.name;
}
