import { Rng } from '../core/rng';

/**
 * A seeded synthetic panel for the global forecasters' tests: series with levels spread over two orders of
 * magnitude, a daily profile drawn from a few shapes, a weekly factor, a slow random-walk level and multiplicative
 * noise — the setting where one model across series should beat seasonal naive. Returns the training part and
 * the `horizon` values after it.
 */
export function syntheticPanel(
  count: number,
  length: number,
  horizon: number,
  seed: number,
  season = 24,
): { train: Float64Array[]; test: Float64Array[] } {
  const rng = new Rng(seed);
  const gauss = () =>
    (rng.nextFloat() + rng.nextFloat() + rng.nextFloat() + rng.nextFloat() - 2) * Math.sqrt(3);
  const train: Float64Array[] = [];
  const test: Float64Array[] = [];
  for (let s = 0; s < count; s++) {
    const level = 10 ** (1 + 2 * rng.nextFloat());
    const shape = s % 3;
    const phase = Math.floor(rng.nextFloat() * season);
    const y = new Float64Array(length + horizon);
    let walk = 0;
    for (let t = 0; t < y.length; t++) {
      const x = (2 * Math.PI * ((t + phase) % season)) / season;
      const daily = shape === 0 ? Math.sin(x) : shape === 1 ? Math.sin(2 * x) * 0.7 : Math.cos(x) ** 3;
      const weekly = Math.floor((t + phase) / season) % 7 >= 5 ? 0.8 : 1;
      walk = 0.98 * walk + 0.02 * gauss();
      y[t] = level * (1 + 0.4 * daily) * weekly * (1 + walk) * (1 + 0.05 * gauss());
    }
    train.push(y.slice(0, length));
    test.push(y.slice(length));
  }
  return { train, test };
}
