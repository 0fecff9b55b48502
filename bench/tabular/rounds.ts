/**
 * Rounds: the two tools whose ratio is the target (Quarry HGB and scikit-learn HGB) run `--rounds` times per data
 * set and thread count, back to back, in alternating order (Quarry first in odd rounds, scikit-learn first in
 * even ones). This machine is a shared virtual one whose speed drifts by tens of percent over minutes (the same fit
 * measured 8.8 s and 13.5 s within ten minutes); a round's two fits run within a minute of each other, so the
 * median of the rounds' ratios cancels the drift that a single pair of runs takes for a difference.
 */
import type { Execute } from './execute';
import type { JobResult } from './jobs';
import type { Row } from './table';

export const PAIRED_TOOLS = ['quarry_hgb', 'sklearn_hgb'] as const;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs the rows `rounds` times in alternating order; each row keeps every round's result (`rounds`) and, as its
 * `result`, the round with the median fit time (the upper middle one for an even count).
 */
export async function runRounds(rows: Row[], rounds: number, execute: Execute): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? rows : [...rows].reverse();
    for (const row of order) {
      await execute(row, row.argv);
      if (row.result !== undefined) (row.rounds ??= []).push(row.result);
    }
  }
  for (const row of rows) {
    const results = row.rounds ?? [];
    if (results.length === 0) continue;
    const sorted = [...results].sort((a, b) => a.fit_s - b.fit_s);
    row.result = sorted[sorted.length >> 1];
    row.runs = results.length;
  }
}

/**
 * A row's fit time over the baseline row's: with rounds on both sides, the median of the rounds' ratios and their
 * range; else the one ratio.
 */
export function fitRatio(row: Row, base: Row): { ratio: number; low?: number; high?: number } {
  const a = row.rounds;
  const b = base.rounds;
  if (a !== undefined && b !== undefined && a.length >= 2 && a.length === b.length) {
    const ratios = a.map((r: JobResult, i) => r.fit_s / b[i].fit_s);
    return { ratio: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) };
  }
  return { ratio: row.result!.fit_s / base.result!.fit_s };
}
