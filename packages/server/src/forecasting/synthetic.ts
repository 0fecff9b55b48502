/**
 * Seeded synthetic long-format data for tests and demos: daily series with a level, a trend, a weekly cycle and
 * noise, one block of rows per series, sorted by time.
 */
export function syntheticLongCsv(options: { series?: number; days?: number; seed?: number } = {}): string {
  const { series = 3, days = 120, seed = 7 } = options;
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  const lines = ['store,date,sales'];
  const start = Date.UTC(2024, 0, 1);
  for (let s = 0; s < series; s++) {
    const level = 100 + 50 * s;
    const trend = 0.2 * (s - 1);
    const amplitude = 10 + 5 * s;
    for (let d = 0; d < days; d++) {
      const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      const value = level + trend * d + amplitude * Math.sin((2 * Math.PI * d) / 7) + 3 * normal();
      lines.push(`S${s + 1},${date},${value.toFixed(3)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
