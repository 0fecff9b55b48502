/**
 * Quarry's side of bench:m4: each model forecasts the first `n` series, timed and scored with interval coverage;
 * full runs save the point forecasts so `--reuse-quarry` can score them again without refitting.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { empiricalCoverage } from '@quarry/ml';
import { flag } from './args';
import { HORIZON, type M4Hourly, OUT_DIR, readForecastCsv } from './m4-data';
import type { ModelRun } from './models';
import { type Row, score } from './score';

/** Saves a model's point forecasts, seconds and coverage for `--reuse-quarry`. */
function writeForecastCsv(path: string, ids: string[], means: Float64Array[], row: Row): void {
  const header = ['id', ...Array.from({ length: HORIZON }, (_, h) => `F${h + 1}`)].join(',');
  writeFileSync(path, [header, ...ids.map((id, i) => [id, ...Array.from(means[i])].join(','))].join('\n'));
  const { seconds, coverage80, coverage95 } = row;
  writeFileSync(`${path}.json`, JSON.stringify({ seconds, coverage80, coverage95 }));
}

/**
 * Runs (or, with `--reuse-quarry`, reloads) each wanted model; returns the rows in run order and the point
 * forecasts by model name, for the combinations. Notes on the models go to `selections`.
 */
export async function runQuarryModels(
  runs: ModelRun[],
  data: M4Hourly,
  n: number,
  wanted: string[] | undefined,
  selections: Map<string, string>,
): Promise<{ rows: Row[]; forecasts: Map<string, Float64Array[]> }> {
  const rows: Row[] = [];
  const forecasts = new Map<string, Float64Array[]>();
  for (const [name, make] of runs) {
    if (wanted && !wanted.includes(name)) continue;
    const cache = resolve(OUT_DIR, `quarry-${name.replace(/[^A-Za-z0-9-]+/g, '_')}.csv`);
    if (flag('--reuse-quarry') && existsSync(cache) && n === data.ids.length) {
      const means = readForecastCsv(cache, data.ids);
      forecasts.set(name, means);
      const saved = JSON.parse(readFileSync(`${cache}.json`, 'utf8')) as Pick<
        Row,
        'seconds' | 'coverage80' | 'coverage95'
      >;
      rows.push({ ...score(name, means, data, n), ...saved, source: 'Quarry' });
      if (existsSync(`${cache}.selection.txt`))
        selections.set(name, readFileSync(`${cache}.selection.txt`, 'utf8'));
      continue;
    }
    const t0 = performance.now();
    const out = await make(data.train.slice(0, n));
    const seconds = (performance.now() - t0) / 1000;
    const means = out.map((f) => f.mean);
    forecasts.set(name, means);
    const actual = data.test.slice(0, n);
    const cover = (level: number) =>
      out[0].lower?.[level]
        ? empiricalCoverage(
            actual,
            out.map((f) => f.lower![level]),
            out.map((f) => f.upper![level]),
          )
        : undefined;
    const row: Row = {
      ...score(name, means, data, n),
      seconds,
      coverage80: cover(80),
      coverage95: cover(95),
      source: 'Quarry',
    };
    rows.push(row);
    if (n === data.ids.length) writeForecastCsv(cache, data.ids, means, row);
    if (n === data.ids.length && selections.has(name))
      writeFileSync(`${cache}.selection.txt`, selections.get(name) as string);
    console.log(
      `${name.padEnd(16)} sMAPE ${row.smape.toFixed(3)}  MASE ${row.mase.toFixed(3)}  OWA ${row.owa.toFixed(3)}  ${seconds.toFixed(1)} s`,
    );
  }
  return { rows, forecasts };
}
