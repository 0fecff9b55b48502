/**
 * A measured value to 6 significant digits. DuckDB aggregates in parallel, so the last bits of a sum (and of a
 * correlation or an AUC built on one) can differ from run to run; rounded, the same data gives the same answer.
 */
export function steady<T>(v: T): T {
  return (
    typeof v === 'number' && !Number.isInteger(v) && Number.isFinite(v) ? Number(v.toPrecision(6)) : v
  ) as T;
}
