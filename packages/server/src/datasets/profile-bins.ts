/**
 * What the profile counts per numeric value — its histogram bin and whether it is an IQR or a MAD outlier — as
 * boundaries for DuckDB's `histogram(x, boundaries)`, which counts each value under the first boundary at or above
 * it (values above the last under a key of their own) with a binary search. Each of the three is defined by
 * arithmetic on doubles: the bin is `least(greatest(floor((x - lo) / width), 0), last)`, an IQR outlier has
 * `x < a OR x > b`, a MAD outlier `t > 0 AND abs(x - m) > t`. That arithmetic is what the profile used to compute
 * per row, and it cost more than the search (0.3 s CPU time over the ten numeric columns of the 1 000 000-row
 * profile benchmark). Each is a step function of x that is monotone on either side of m (IEEE subtraction and
 * division by a positive width are monotone, and so are floor and abs), so it changes only at a few exact doubles.
 * They are found by bisecting the ordered doubles with the same arithmetic in JavaScript; between two of them
 * every value has the same bin and flags, so every value is counted where the arithmetic puts it.
 */
export interface NumericCuts {
  /** Sorted, each once, finite: a repeated boundary must not reach DuckDB (1.5 then drops the values above the last). */
  boundaries: number[];
  /** Per stretch: up to boundaries[j] for j < boundaries.length, above the last one for the final stretch. */
  stretches: { bin: number; iqr: boolean; mad: boolean }[];
}

export interface CutRule {
  lo: number;
  width: number;
  /** The last bin's index (bins are 0..last). */
  last: number;
  /** IQR fences. */
  a: number;
  b: number;
  /** Median and MAD threshold (no MAD outliers when t ≤ 0). */
  m: number;
  t: number;
}

/** Doubles in order as integers: bit patterns for x ≥ 0, their negation below (both zeros are 0). */
const view = new DataView(new ArrayBuffer(8));
function ordinal(x: number): bigint {
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigInt64(0);
  return x < 0 ? -bits : bits;
}
function fromOrdinal(o: bigint): number {
  view.setBigInt64(0, o < 0n ? -o : o);
  const x = view.getFloat64(0);
  return o < 0n ? -x : x;
}

const MIN = ordinal(-Number.MAX_VALUE);
const MAX = ordinal(Number.MAX_VALUE);

export function numericCuts(rule: CutRule): NumericCuts {
  const { lo, width, last, a, b, m, t } = rule;
  // A width that is not a positive finite number (a range beyond the doubles) leaves one bin for all values.
  const binned = Number.isFinite(width) && width > 0;
  const bin = (x: number) => (binned ? Math.min(Math.max(Math.floor((x - lo) / width), 0), last) : 0);
  const iqr = (x: number) => x < a || x > b;
  const mad = (x: number) => t > 0 && Math.abs(x - m) > t;
  // Largest doubles at which a step function still has its lower value.
  const cuts: number[] = [];
  if (binned) for (let k = 1; k <= last; k++) cuts.push(before(firstTrue((x) => bin(x) >= k, MIN, MAX)));
  cuts.push(before(ordinal(a)), b);
  const om = ordinal(m);
  if (mad(-Number.MAX_VALUE)) cuts.push(before(firstTrue((x) => !mad(x), MIN, om)));
  if (mad(Number.MAX_VALUE)) cuts.push(before(firstTrue(mad, om, MAX)));
  const boundaries = [...new Set(cuts.filter(Number.isFinite))].sort((x, y) => x - y);
  // Each stretch is read at a value inside it: its boundary, or just above the last one.
  const inside = boundaries.map((x) => x);
  inside.push(boundaries.length > 0 ? fromOrdinal(ordinal(boundaries[boundaries.length - 1]) + 1n) : 0);
  return { boundaries, stretches: inside.map((x) => ({ bin: bin(x), iqr: iqr(x), mad: mad(x) })) };
}

/** The aggregate counting a column's values by `cuts` (a plain count when one stretch covers every value). */
export function cutsAggregate(column: string, cuts: NumericCuts): string {
  if (cuts.boundaries.length === 0) return `count(${column})`;
  return `histogram(${column}, [${cuts.boundaries.map((x) => `CAST('${x}' AS DOUBLE)`).join(', ')}])`;
}

/** Bin counts and outlier counts from `cutsAggregate`'s answer (a map's entries, or the plain count). */
export function cutCounts(
  answer: unknown,
  entries: [unknown, unknown][],
  cuts: NumericCuts,
  bins: number,
): { bins: number[]; iqrCount: number; madCount: number } {
  const out = { bins: new Array<number>(bins).fill(0), iqrCount: 0, madCount: 0 };
  const stretch = new Map(cuts.boundaries.map((x, j) => [x, j]));
  const counted: [number, number][] =
    cuts.boundaries.length === 0
      ? [[0, Number(answer ?? 0)]]
      : // Values above the last boundary come under a key of their own (+Infinity for doubles).
        entries.map(([key, n]) => [stretch.get(Number(key)) ?? cuts.boundaries.length, Number(n)]);
  for (const [j, n] of counted) {
    const s = cuts.stretches[j];
    out.bins[s.bin] += n;
    if (s.iqr) out.iqrCount += n;
    if (s.mad) out.madCount += n;
  }
  return out;
}

/** The smallest ordinal in (below, above] where `pred` holds, given it fails at `below` and holds at `above`. */
function firstTrue(pred: (x: number) => boolean, below: bigint, above: bigint): bigint {
  let lo = below;
  let hi = above;
  while (hi - lo > 1n) {
    const mid = (hi + lo) / 2n;
    if (pred(fromOrdinal(mid))) hi = mid;
    else lo = mid;
  }
  return hi;
}

const before = (o: bigint) => fromOrdinal(o - 1n);
