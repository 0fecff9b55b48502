import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../store/db';

/**
 * Per-column facts for type inference (infer-types.ts), gathered from the all-VARCHAR table. A fact is measured
 * only where it can change the decision: `datetime`, `booleanLike`, `avgLength` and `avgWords` stay 0 for
 * all-number columns (they are numeric whatever those say); `numeric`, `integer` and the range are counted only
 * for columns with a number among their first 2048 values (0 and null otherwise: such a column is text, and at
 * most the count in its reason could differ); `datetime` is counted only for columns whose first rows all parse
 * as timestamps (otherwise it is the count in those rows, which is already less than `nonNull`); `avgLength` and
 * `avgWords` also stay 0 for yes/no and date columns (the text rules are never reached for them).
 */
export interface ColumnStats {
  name: string;
  rows: number;
  nonNull: number;
  /** Exact when it decides a rule (≤ 3 values, or all distinct); a HyperLogLog estimate otherwise. */
  distinct: number;
  numeric: number; // values that parse as numbers
  integer: number; // … that are whole numbers
  minNumber: number | null;
  maxNumber: number | null;
  datetime: number; // values that parse as timestamps (and not as numbers)
  booleanLike: number; // true/false, yes/no, y/n, t/f
  avgLength: number;
  avgWords: number;
  sample: string[];
}

const BOOLEAN_WORDS = "('true','false','yes','no','y','n','t','f')";
/** Rows read to rule out the (costly) timestamp parse for columns that are plainly not dates. */
const PROBE_ROWS = 2048;
/** Up to this many rows every deciding distinct count is exact (it is cheap). */
const EXACT_ROWS = 200_000;

type Raw = Record<string, unknown>;
/**
 * Measures taken after the first look at a column, each only where it can decide its type: an exact distinct
 * count, yes/no words, timestamps, length and words (text), and the smallest and largest value (the two values
 * of a yes/no column, shown in its reason).
 */
type Extra = 'exact' | 'bool' | 'ts' | 'len' | 'words' | 'ends';
type Probe = Awaited<ReturnType<typeof probeRows>>[number];

/**
 * One aggregate pass over the table, after a probe of its first rows; a second pass only for what the probe
 * failed to foresee (rare). Every column gets its counts and approximate distinct values, plus numbers, whole
 * numbers and range where the probe saw a number. The probe also predicts which extra measures a column will
 * need (see `needed`), and those are taken in the same pass: exact distinct counts where they decide a rule,
 * yes/no words for columns of at most three values, timestamps for columns that may be dates, lengths and words
 * for text. After the pass the rules of `needed` are applied to the real counts; a measure they ask for that the
 * probe did not predict is taken in a second pass, and one the probe predicted but the rules do not ask for is
 * dropped, so the stats are the same as if every rule had been applied in order. Values are read as stored, and
 * trimmed only in the columns where some value may have blanks around it (`Pass`).
 */
export async function columnStats(
  c: DuckDBConnection,
  table: string,
  names: string[],
  nRows: number,
): Promise<ColumnStats[]> {
  if (names.length === 0) return [];
  const from = ident(table);
  const probe = await probeRows(c, from, names);
  const predicted = probe.map((p) => predict(p, nRows));
  const first = await one(
    c,
    passSql(from, names, (i) => predicted[i], probe, { first: true, raw: true }),
  );
  // Columns where some value may have blanks around it: their first-pass answers are taken again on trimmed values.
  const padded = names.map((_, i) => Number(first[`pad${i}`]) > 0);
  if (padded.some(Boolean)) {
    const include = (i: number) => padded[i];
    Object.assign(
      first,
      await one(
        c,
        passSql(from, names, (i) => predicted[i], probe, { first: true, include }),
      ),
    );
  }
  const stats = names.map((name, i) => baseStats(name, i, first, probe[i]));
  const extras = stats.map((s, i) => needed(s, probe[i]));
  // What the rules ask for and the first pass did not take. Lengths matter only when the column is neither
  // yes/no nor dates, words only when it is also long or mostly distinct; what decides that but is not known yet
  // is taken along.
  const missing = extras.map((want, i) => {
    const lacking = new Set([...want].filter((m) => !predicted[i].has(m)));
    const known = applyExtras({ ...stats[i], sample: [] }, first, i, want);
    const open = (...ms: Extra[]) => ms.some((m) => lacking.has(m));
    if (lacking.has('len') && !open('exact', 'bool', 'ts') && !reachesText(known)) lacking.delete('len');
    const wordsMatter = reachesText(known) && (known.avgLength >= 40 || known.distinct > known.nonNull * 0.5);
    if (lacking.has('words') && !open('exact', 'bool', 'ts', 'len') && !wordsMatter) lacking.delete('words');
    return lacking;
  });
  const second = missing.some((m) => m.size > 0)
    ? await one(
        c,
        passSql(from, names, (i) => missing[i], probe, { first: false }),
      )
    : {};
  // The second pass answers under the same names, for measures the first did not take.
  const answers = { ...first, ...second };
  for (const [i, s] of stats.entries()) applyExtras(s, answers, i, extras[i]);
  return stats;
}

/** The extra measures the probe predicts for a column: the rules of `needed`, applied to its first rows. */
function predict(p: Probe, nRows: number): Set<Extra> {
  const out = new Set<Extra>();
  const text = p.nonNull > 0 && p.numeric < p.nonNull; // a non-number among the first rows: certainly text
  const few = p.nonNull > 0 && p.distinct <= 3;
  // All distinct in the first rows. (A column with a few repeats there is rarely near-unique on a large table.)
  const unique = p.nonNull > 0 && p.distinct === p.nonNull;
  if (few || (unique && (text || p.integer === p.nonNull || nRows <= EXACT_ROWS))) out.add('exact');
  if (!text) return out;
  const yesNo = few && p.booleanLike === p.nonNull;
  if (few) out.add('bool').add('ends');
  if (p.dates) out.add('ts');
  else if (!yesNo) out.add('len');
  if (!p.dates && !yesNo && p.distinct > p.nonNull * 0.5) out.add('words');
  return out;
}

/**
 * The extra measures the type rules need for a column, from its first-pass stats (the rules of infer-types.ts):
 * an exact distinct count where it can decide (three values or fewer, or near-unique where uniqueness matters:
 * text, whole numbers, or a table small enough), and for text, yes/no words (three values or fewer), timestamps
 * (when the first rows all were), the two values of a possible yes/no column, and lengths and words.
 */
function needed(s: ColumnStats, p: Probe): Set<Extra> {
  const out = new Set<Extra>();
  const text = s.numeric < s.nonNull;
  const nearUnique = Math.abs(s.distinct - s.nonNull) <= s.nonNull * 0.05;
  // All-number columns that are not all whole numbers are numeric however many distinct values they have: on
  // large tables their count only feeds the reason, and the estimate will do.
  const decides = text || s.integer === s.nonNull || s.rows <= EXACT_ROWS;
  if (s.distinct <= 3 || (nearUnique && decides)) out.add('exact');
  if (!text) return out;
  if (s.distinct <= 3) out.add('bool').add('ends');
  if (s.numeric === 0 && p.dates) out.add('ts');
  out.add('len').add('words');
  return out;
}

/** Whether infer-types.ts can reach its text rules for a column (it is not numeric, yes/no or dates). */
function reachesText(s: ColumnStats): boolean {
  return !(
    s.numeric === s.nonNull ||
    (s.booleanLike === s.nonNull && s.distinct <= 2) ||
    s.datetime === s.nonNull
  );
}

/**
 * Which columns a pass covers and how it reads them. `raw` (first pass only) reads every value as stored instead of
 * trimmed, since `trim` copies every string (0.8 of the pass's 2.1 s of CPU time on the profile benchmark; the
 * count below costs about half of that); it also counts, per column, the values that may differ from their trimmed form (`pad`), and a column
 * with any is read again, trimmed (see `columnStats`). Where no value may differ, every measure is the same read
 * either way.
 */
interface Pass {
  first: boolean;
  raw?: boolean;
  include?: (i: number) => boolean;
}

/**
 * A value `trim` could change starts or ends with a space separator (Unicode category Zs: U+0020, U+00A0,
 * U+1680, U+2000–U+200A, U+202F, U+205F, U+3000). Cheap tests first (a prefix, a suffix, a byte count against a
 * character count); the regular expression runs only on values holding a non-ASCII character. It may
 * say yes for a value `trim` leaves alone (that only costs a trimmed re-read), never no for one it changes.
 */
const mayBePadded = (s: string) =>
  `count(CASE WHEN ${s} LIKE ' %' OR ${s} LIKE '% ' OR (strlen(${s}) <> length(${s}) AND regexp_matches(${s}, '^\\p{Zs}|\\p{Zs}$')) THEN 1 END)`;

/** One aggregate query: counts for every column on the first pass, then the extra measures asked for. */
function passSql(
  from: string,
  names: string[],
  extras: (i: number) => Set<Extra>,
  probe: Probe[],
  pass: Pass,
): string {
  const { first, raw = false, include = () => true } = pass;
  const inner: string[] = [];
  const parts: string[] = first ? ['count(*) AS rows'] : [];
  names.forEach((name, i) => {
    const want = extras(i);
    const numbers = first && probe[i].numbers;
    if ((!first && want.size === 0) || !include(i)) return;
    const s = `s${i}`;
    inner.push(`${raw ? ident(name) : `trim(${ident(name)})`} AS ${s}`);
    if (numbers) inner.push(`TRY_CAST(${s} AS DOUBLE) AS x${i}`);
    if (first) parts.push(`count(${s}) AS nn${i}`, `approx_count_distinct(${s}) AS d${i}`);
    if (raw) parts.push(`${mayBePadded(s)} AS pad${i}`);
    if (numbers) {
      parts.push(
        `count(x${i}) AS num${i}`,
        `count(CASE WHEN x${i} = floor(x${i}) THEN 1 END) AS int${i}`,
        `min(x${i}) AS min${i}`,
        `max(x${i}) AS max${i}`,
      );
    }
    if (want.has('exact')) parts.push(`count(DISTINCT ${s}) AS e${i}`);
    if (want.has('bool')) parts.push(`count(CASE WHEN lower(${s}) IN ${BOOLEAN_WORDS} THEN 1 END) AS b${i}`);
    if (want.has('ends')) parts.push(`min(${s}) AS lo${i}`, `max(${s}) AS hi${i}`);
    if (want.has('ts')) parts.push(`count(TRY_CAST(${s} AS TIMESTAMP)) AS ts${i}`);
    if (want.has('len')) parts.push(`coalesce(avg(length(${s})), 0) AS len${i}`);
    if (want.has('words')) {
      // Spaces + 1, counted by splitting: `length(s) - length(replace(s, ' ', '')) + 1` gives the same integers
      // but copies every value (half the CPU time of this measure on the profile benchmark's text columns).
      parts.push(`coalesce(avg(len(string_split(${s}, ' '))), 0) AS w${i}`);
    }
  });
  return `SELECT ${parts.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${from})`;
}

function baseStats(name: string, i: number, a: Raw, p: Probe): ColumnStats {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const s: ColumnStats = {
    name,
    rows: Number(a.rows),
    nonNull: Number(a[`nn${i}`]),
    distinct: Math.min(Number(a[`d${i}`]), Number(a[`nn${i}`])),
    numeric: Number(a[`num${i}`] ?? 0),
    integer: Number(a[`int${i}`] ?? 0),
    minNumber: num(a[`min${i}`]),
    maxNumber: num(a[`max${i}`]),
    datetime: 0,
    booleanLike: 0,
    avgLength: 0,
    avgWords: 0,
    sample: [],
  };
  // Not a date candidate (see `needed`): the count of timestamps among the first rows, already below nonNull.
  if (s.numeric === 0 && s.nonNull > 0 && !p.dates) s.datetime = p.timestamps;
  return s;
}

/**
 * Copies the extra measures `which` of column i from an answer row into its stats; a measure the row lacks (lengths
 * found not to matter) keeps its default.
 */
function applyExtras(s: ColumnStats, row: Raw, i: number, which: Set<Extra>): ColumnStats {
  const has = (m: Extra, key: string) => which.has(m) && row[`${key}${i}`] !== undefined;
  // An exact count, once taken, always beats the estimate (HyperLogLog can be ~20% low on a few thousand values,
  // which turned 3 000 unique ids into "2 448 distinct values: a category").
  if (row[`e${i}`] !== undefined) s.distinct = Number(row[`e${i}`]);
  if (has('bool', 'b')) s.booleanLike = Number(row[`b${i}`]);
  if (has('ts', 'ts')) s.datetime = Number(row[`ts${i}`]);
  if (has('len', 'len')) s.avgLength = Number(row[`len${i}`]);
  if (has('words', 'w')) s.avgWords = Number(row[`w${i}`]);
  // The values of a yes/no column (at most two, sorted as DuckDB sorts text), for its reason.
  if (has('ends', 'lo') && s.booleanLike === s.nonNull && s.distinct <= 2 && s.nonNull > 0) {
    s.sample = s.distinct === 2 ? [String(row[`lo${i}`]), String(row[`hi${i}`])] : [String(row[`lo${i}`])];
  }
  return s;
}

/**
 * The first rows of every column: does any value parse as a number (else the column is text, whatever follows, and
 * its numbers are not counted), and does every value parse as a timestamp (else it is not a date column)? Their
 * distinct values, whole numbers, non-numbers and yes/no words let `predict` foresee the extra measures.
 */
async function probeRows(c: DuckDBConnection, from: string, names: string[]) {
  const inner = names.map((name, i) => `trim(${ident(name)}) AS s${i}`);
  const parts = names.map(
    (_, i) =>
      `count(s${i}) AS nn${i}, count(TRY_CAST(s${i} AS DOUBLE)) AS num${i}, count(TRY_CAST(s${i} AS TIMESTAMP)) AS ts${i},
       count(DISTINCT s${i}) AS d${i}, count(CASE WHEN TRY_CAST(s${i} AS DOUBLE) = floor(TRY_CAST(s${i} AS DOUBLE)) THEN 1 END) AS int${i},
       count(CASE WHEN lower(s${i}) IN ${BOOLEAN_WORDS} THEN 1 END) AS b${i}`,
  );
  const row = await one(
    c,
    `SELECT ${parts.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${from} LIMIT ${PROBE_ROWS})`,
  );
  return names.map((_, i) => {
    const nonNull = Number(row[`nn${i}`]);
    const numeric = Number(row[`num${i}`]);
    const timestamps = Number(row[`ts${i}`]);
    return {
      numbers: nonNull === 0 || numeric > 0,
      dates: timestamps === nonNull,
      timestamps,
      nonNull,
      numeric,
      distinct: Number(row[`d${i}`]),
      integer: Number(row[`int${i}`]),
      booleanLike: Number(row[`b${i}`]),
    };
  });
}

async function one(c: DuckDBConnection, sql: string): Promise<Raw> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS()[0] as Raw;
}
