import { Rng } from '@quarry/ml';

export type ResampleStrategy = 'none' | 'oversample' | 'undersample';

/**
 * Random over- or under-sampling of a fold's **fit rows only** (imbalanced-learn's RandomOverSampler /
 * RandomUnderSampler, 'auto' strategy): oversampling draws extra rows of every smaller class, with replacement,
 * until it has as many as the largest class; undersampling keeps, without replacement, as many rows of every
 * class as the smallest class has. The answer is a list of row numbers taken from `fitRows` (repeats allowed),
 * sorted, so the validation rows of the fold cannot enter it: they are not in the input.
 *
 *   fitRows  [r0 r1 r2 … ]  ──resample──▶  [r0 r0 r1 r2 r2 …]   validation rows: untouched, scored as they are
 */
export function resampleRows(
  fitRows: Int32Array,
  codes: Int32Array,
  strategy: ResampleStrategy,
  seed: number,
): Int32Array {
  if (strategy === 'none') return fitRows;
  const byClass = new Map<number, number[]>();
  for (const row of fitRows) {
    const code = codes[row];
    let list = byClass.get(code);
    if (list === undefined) byClass.set(code, (list = []));
    list.push(row);
  }
  const sizes = [...byClass.values()].map((l) => l.length);
  const goal = strategy === 'oversample' ? Math.max(...sizes) : Math.min(...sizes);
  const rng = new Rng(seed);
  const out: number[] = [];
  for (const code of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(code) as number[];
    if (strategy === 'oversample') {
      out.push(...rows);
      for (let extra = rows.length; extra < goal; extra++) out.push(rows[rng.nextInt(rows.length)]);
    } else {
      const order = rng.permutation(rows.length);
      for (let k = 0; k < goal; k++) out.push(rows[order[k]]);
    }
  }
  return Int32Array.from(out).sort();
}
