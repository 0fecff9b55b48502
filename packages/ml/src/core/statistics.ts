/** The median of the non-missing values (mean of the two middle ones for an even count), NaN when none. */
export function nanMedian(values: Float64Array): number {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const n = present.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}

/** The mean of the non-missing values, NaN when none. */
export function nanMean(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** The most frequent non-missing value; ties go to the smallest value (as scikit-learn). NaN when none. */
export function nanMode(values: Float64Array): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  let best = Number.NaN;
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

/** The most frequent level among the codes (-1 = missing); ties go to the smallest string. null when none. */
export function modeLevel(codes: Int32Array, levels: readonly string[]): string | null {
  const counts = new Float64Array(levels.length);
  for (const code of codes) if (code >= 0) counts[code]++;
  let best: string | null = null;
  let bestCount = 0;
  for (let code = 0; code < levels.length; code++) {
    const count = counts[code];
    if (count > bestCount || (count === bestCount && count > 0 && best !== null && levels[code] < best)) {
      bestCount = count;
      best = levels[code];
    }
  }
  return best;
}
