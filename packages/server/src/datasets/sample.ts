/** Analyses that need every value in memory at once (quantiles, ranks, contingency tables) use at most this many rows. */
export const SAMPLE_ROWS = 200_000;
const SCALE = 1_000_000;
/** Columns with at most this many distinct values in the sample get exact value counts of every value. */
export const FEW_LEVELS = 1000;
/** Top values kept per column, and candidates taken from the sample for large tables (counted on every row). */
export const TOP = 20;
export const TOP_CANDIDATES = 40;

/**
 * A column of a large table whose sample is more than half distinct values: its top values would all count about
 * 1, so the profile shows none and does not look for them.
 */
export function nearUnique(nRows: number, distinct: number, nonNull: number): boolean {
  return nRows > SAMPLE_ROWS && distinct > nonNull / 2;
}

/**
 * A WHERE clause that keeps about `SAMPLE_ROWS` rows of a data-set table, chosen by a hash of the row id: the same
 * rows every time (data-set tables are never modified), spread evenly over the file, and cheap to evaluate. Empty
 * when the table is small enough to use whole. Use it on a single-table FROM (it names `rowid`).
 */
export function sampleWhere(nRows: number): string {
  if (nRows <= SAMPLE_ROWS) return '';
  const keep = Math.ceil((SAMPLE_ROWS / nRows) * SCALE);
  return `WHERE hash(rowid) % ${SCALE} < ${keep}`;
}

/**
 * A SELECT over a data-set table that reads at most `maxRows` rows: all of them in row order, or above that a
 * seeded sample — the rows with the smallest hash of (row id, seed), so the same rows every time — in row order.
 */
export function seededSampleSql(
  table: string,
  select: string[],
  options: { nRows: number; maxRows: number; seed: number },
): { sql: string; sampled: boolean } {
  const { nRows, maxRows, seed } = options;
  if (nRows <= maxRows)
    return { sql: `SELECT ${select.join(', ')} FROM ${table} ORDER BY rowid`, sampled: false };
  return {
    sql: `SELECT * EXCLUDE (r) FROM (SELECT rowid AS r, ${select.join(', ')} FROM ${table} ORDER BY hash(rowid + ${seed * 7919}), rowid LIMIT ${maxRows}) ORDER BY r`,
    sampled: true,
  };
}
