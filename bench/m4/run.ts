/**
 * `npm run bench:m4` — Quarry's classical forecasters on M4 Hourly (414 series, season 24, horizon 48), scored as
 * the M4 organisers do (sMAPE, MASE with the in-sample seasonal scale, OWA against the official Naive2), with
 * seconds per model; R's `forecast` package (`ets`, `thetaf`, `auto.arima`) runs on the same series at the same
 * time when it is installed. Writes the table between the bench:m4 markers of docs/benchmarks.md.
 *
 * Options: --limit N (first N series), --models A,B (subset), --no-r, --reuse-r (score R forecasts saved by an
 * earlier run in bench/results/m4 instead of running R again), --reuse-quarry (likewise for Quarry's point
 * forecasts and seconds; coverage is then not recomputed), --no-write.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AutoARIMA,
  AutoPanelForecaster,
  DampedHolt,
  ETS,
  empiricalCoverage,
  type Forecast,
  type Forecaster,
  GlobalGbdtForecaster,
  Holt,
  mase,
  Naive,
  Naive2,
  OptimizedTheta,
  owa,
  SeasonalNaive,
  SimpleExpSmoothing,
  STLForecaster,
  smape,
  Theta,
} from '@quarry/ml';
import { TransformerForecaster } from '../../packages/server/src/forecasting/transformer/transformer-forecaster';
import {
  HORIZON,
  loadM4Hourly,
  M4_DIR,
  NAIVE2_MASE,
  NAIVE2_SMAPE,
  PROJECT_ROOT,
  readForecastCsv,
  SEASON,
} from './m4-data';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name: string) => args.includes(name);
const OUT_DIR = resolve(PROJECT_ROOT, 'bench', 'results', 'm4');
const DOC = resolve(PROJECT_ROOT, 'docs', 'benchmarks.md');

const MODELS: [string, () => Forecaster][] = [
  ['Naive', () => new Naive()],
  ['SeasonalNaive', () => new SeasonalNaive()],
  ['Naive2', () => new Naive2()],
  ['SES', () => new SimpleExpSmoothing()],
  ['Holt', () => new Holt()],
  ['Damped', () => new DampedHolt()],
  ['Theta', () => new Theta()],
  ['OptimizedTheta', () => new OptimizedTheta()],
  ['ETS', () => new ETS()],
  ['AutoARIMA', () => new AutoARIMA()],
  ['MSTL-ETS', () => new STLForecaster({ periods: [24, 168] })],
  ['MSTL-Theta', () => new STLForecaster({ periods: [24, 168], method: 'theta' })],
];

/** Panel models: fitted once on all series (`fitPanel`), then forecast every series (`predictPanel`). */
interface PanelModel {
  fitPanel(series: Float64Array[], options: { season: number; horizon: number }): unknown;
  predictPanel(horizon: number): Forecast[];
}
const PANEL_MODELS: [string, () => PanelModel][] = [
  ['GlobalGbdt (direct)', () => new GlobalGbdtForecaster()],
  ['GlobalGbdt (recursive)', () => new GlobalGbdtForecaster({ strategy: 'recursive' })],
  ['auto', () => new AutoPanelForecaster()],
  ['auto (per series)', () => new AutoPanelForecaster({ selection: 'series' })],
];

/** Panel models whose fit is asynchronous (TensorFlow.js). */
const ASYNC_PANEL_MODELS: [
  string,
  (train: Float64Array[]) => Promise<{ forecasts: Forecast[]; note: string }>,
][] = [
  [
    'Transformer',
    async (train) => {
      const model = await new TransformerForecaster().fitPanel(train, { season: SEASON, horizon: HORIZON });
      const { dModel, layers, heads, inputSize, backend } = model.params;
      const note = `encoder-only, ${layers} layers, d_model ${dModel}, ${heads} heads, input ${inputSize} points in ${model.shape_.tokens} patches of ${model.shape_.patch}, ${model.steps_} Adam steps on the ${backend} backend, seed ${model.params.randomState}; median output as the forecast, 10/90% and 2.5/97.5% quantile outputs as the intervals.`;
      return { forecasts: await model.predictPanel(HORIZON), note };
    },
  ],
];

/** Combinations scored from the members' forecasts (what CombinationForecaster computes with the same members). */
const COMBINATIONS: [string, 'mean' | 'median', string[]][] = [
  ['median(ETS, AutoARIMA, Theta)', 'median', ['ETS', 'AutoARIMA', 'Theta']],
  ['mean(ETS, AutoARIMA)', 'mean', ['ETS', 'AutoARIMA']],
  ['mean(ETS, AutoARIMA, Theta)', 'mean', ['ETS', 'AutoARIMA', 'Theta']],
  ['median(ETS, AutoARIMA, SeasonalNaive)', 'median', ['ETS', 'AutoARIMA', 'SeasonalNaive']],
  ['mean(ETS, AutoARIMA, SeasonalNaive)', 'mean', ['ETS', 'AutoARIMA', 'SeasonalNaive']],
  ['median(ETS, AutoARIMA, MSTL-ETS)', 'median', ['ETS', 'AutoARIMA', 'MSTL-ETS']],
  ['mean(ETS, AutoARIMA, MSTL-ETS)', 'mean', ['ETS', 'AutoARIMA', 'MSTL-ETS']],
  ['mean(AutoARIMA, MSTL-ETS)', 'mean', ['AutoARIMA', 'MSTL-ETS']],
  ['median(AutoARIMA, MSTL-ETS, SeasonalNaive)', 'median', ['AutoARIMA', 'MSTL-ETS', 'SeasonalNaive']],
  ['median(SeasonalNaive, MSTL-ETS)', 'median', ['SeasonalNaive', 'MSTL-ETS']],
  ['median(SeasonalNaive, MSTL-ETS, MSTL-Theta)', 'median', ['SeasonalNaive', 'MSTL-ETS', 'MSTL-Theta']],
  [
    'median(SeasonalNaive, AutoARIMA, MSTL-ETS, MSTL-Theta)',
    'median',
    ['SeasonalNaive', 'AutoARIMA', 'MSTL-ETS', 'MSTL-Theta'],
  ],
  ['mean(SES, Holt, Damped) (M4 Comb)', 'mean', ['SES', 'Holt', 'Damped']],
];

interface Row {
  name: string;
  smape: number;
  mase: number;
  owa: number;
  seconds: number | null;
  coverage80?: number;
  coverage95?: number;
  source: 'Quarry' | 'R forecast' | 'combination';
}

function score(name: string, forecasts: Float64Array[], data: ReturnType<typeof loadM4Hourly>, n: number) {
  let s = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    s += smape(data.test[i], forecasts[i]);
    m += mase(data.test[i], forecasts[i], data.train[i], SEASON);
  }
  s /= n;
  m /= n;
  return { name, smape: s, mase: m, owa: owa(s, m, NAIVE2_SMAPE, NAIVE2_MASE) };
}

/** Saves a model's point forecasts, seconds and coverage for `--reuse-quarry`. */
function writeForecastCsv(path: string, ids: string[], means: Float64Array[], row: Row): void {
  const header = ['id', ...Array.from({ length: HORIZON }, (_, h) => `F${h + 1}`)].join(',');
  writeFileSync(path, [header, ...ids.map((id, i) => [id, ...Array.from(means[i])].join(','))].join('\n'));
  const { seconds, coverage80, coverage95 } = row;
  writeFileSync(`${path}.json`, JSON.stringify({ seconds, coverage80, coverage95 }));
}

/** What an `auto` run chose, and the validation scores it chose by (on the training data only). */
function describeSelection(model: AutoPanelForecaster): string {
  const counts = new Map<string, number>();
  for (const name of model.selected_) counts.set(name, (counts.get(name) ?? 0) + 1);
  const chosen = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const scores = Object.entries(model.validationScores_)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 5);
  return `chose ${chosen.map(([name, k]) => `${name} (${k} series)`).join(', ')}${counts.size > 5 ? ', …' : ''}. Best validation scores (OWA against seasonal naive on the last ${HORIZON} training points): ${scores.map(([name, v]) => `${name} ${v.toFixed(3)}`).join(', ')}.`;
}

function rAvailable(): boolean {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages(library(forecast))'], { stdio: 'ignore' });
  return probe.status === 0;
}

async function main() {
  const data = loadM4Hourly();
  const n = Math.min(data.ids.length, Number(option('--limit') ?? data.ids.length));
  const wanted = option('--models')?.split(',');
  mkdirSync(OUT_DIR, { recursive: true });
  const runR = !flag('--no-r') && !flag('--reuse-r') && n === data.ids.length && rAvailable();
  const started = new Date();
  let rDone: Promise<void> = Promise.resolve();
  if (runR) {
    console.log('R forecast: running ets, thetaf and auto.arima in the background (one core)…');
    rDone = new Promise((done, fail) => {
      const child = spawn('Rscript', [resolve(PROJECT_ROOT, 'bench/m4/reference.R'), M4_DIR, OUT_DIR], {
        stdio: 'inherit',
      });
      child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`reference.R exited with ${code}`))));
    });
  }
  const rows: Row[] = [];
  const forecasts = new Map<string, Float64Array[]>();
  const missingR: string[] = [];
  const selections = new Map<string, string>();
  const runs: [string, (train: Float64Array[]) => Forecast[] | Promise<Forecast[]>][] = [
    ...MODELS.map(([name, make]): [string, (train: Float64Array[]) => Forecast[]] => [
      name,
      (train) => train.map((y) => make().fit(y, { season: SEASON }).predict(HORIZON)),
    ]),
    ...PANEL_MODELS.map(([name, make]): [string, (train: Float64Array[]) => Forecast[]] => [
      name,
      (train) => {
        const model = make();
        model.fitPanel(train, { season: SEASON, horizon: HORIZON });
        if (model instanceof AutoPanelForecaster) selections.set(name, describeSelection(model));
        return model.predictPanel(HORIZON);
      },
    ]),
    ...ASYNC_PANEL_MODELS.map(([name, fit]): [string, (train: Float64Array[]) => Promise<Forecast[]>] => [
      name,
      async (train) => {
        const { forecasts, note } = await fit(train);
        selections.set(name, note);
        return forecasts;
      },
    ]),
  ];
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
  for (const [name, how, members] of COMBINATIONS) {
    if (!members.every((m) => forecasts.has(m))) continue;
    const parts = members.map((m) => forecasts.get(m) as Float64Array[]);
    const combined = parts[0].map((_, i) =>
      Float64Array.from({ length: HORIZON }, (_, h) => {
        const values = parts.map((p) => p[i][h]).sort((a, b) => a - b);
        if (how === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
        const mid = values.length >> 1;
        return values.length % 2 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
      }),
    );
    const seconds = members.reduce((sum, m) => sum + (rows.find((r) => r.name === m)?.seconds ?? 0), 0);
    rows.push({ ...score(name, combined, data, n), seconds, source: 'combination' });
  }
  await rDone;
  if ((runR || flag('--reuse-r')) && n === data.ids.length) {
    const timingsPath = resolve(OUT_DIR, 'r-timings.csv');
    const timings = existsSync(timingsPath)
      ? new Map(
          readFileSync(timingsPath, 'utf8')
            .trim()
            .split(/\r?\n/)
            .slice(1)
            .map((line) => {
              const [method, seconds] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
              return [method, Number(seconds)] as [string, number];
            }),
        )
      : new Map<string, number>();
    for (const method of ['ets', 'thetaf', 'auto.arima']) {
      const path = resolve(OUT_DIR, `r-${method}.csv`);
      if (!existsSync(path)) {
        missingR.push(method);
        continue;
      }
      const r = readForecastCsv(path, data.ids);
      rows.push({
        ...score(`R ${method}`, r, data, n),
        seconds: timings.get(method) ?? null,
        source: 'R forecast',
      });
    }
  }
  let table = renderTable(rows, n, data.ids.length, started);
  for (const [name, text] of selections) table += `\n\n**${name}**: ${text}`;
  for (const note of keptRows(rows).notes) table += `\n\n${note}`;
  if (missingR.length > 0)
    table += `\n\nNo R forecasts for ${missingR.join(', ')}: the reference run had not finished.`;
  console.log(`\n${table}`);
  if (!flag('--no-write') && n === data.ids.length) writeSection(table);
}

function renderTable(rows: Row[], n: number, total: number, started: Date): string {
  const kept = keptRows(rows);
  const fmt = (v: number | undefined | null, digits: number) =>
    v === undefined || v === null ? '–' : v.toFixed(digits);
  const best = [
    ...rows.filter((r) => r.source === 'combination'),
    ...kept.combinations.map((c) => ({ ...c, name: `${c.name} †` })),
  ].sort((a, b) => a.owa - b.owa)[0];
  const lines = [
    `Command: \`npm run bench:m4${args.length ? ` -- ${args.join(' ')}` : ''}\` · ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${n} of ${total} M4 Hourly series, season ${SEASON}, horizon ${HORIZON} · 2-core machine, ${flag('--no-r') ? 'one thread, R not run (`--no-r`).' : 'one thread per side, R in a second process at the same time.'}${flag('--reuse-quarry') || flag('--reuse-r') ? ' Scored from the forecasts and seconds saved in bench/results/m4 by the runs of this session (same code, same machine).' : ''}`,
    '',
    "OWA = ½(sMAPE / 18.383 + MASE / 2.395) against the official Naive2. Official results: Naive2 18.383 / 2.395, seasonal naive 13.912 / 1.193 (0.627), SES 18.094 / 2.385, Theta 18.138 / 2.455; best M4 entries 0.410–0.444 OWA. Coverage: share of the 48 test values inside the model's 80% / 95% intervals. Combinations are scored from the members' forecasts (the same numbers `CombinationForecaster` gives); their seconds are the members' sum.",
    '',
    '| model | source | sMAPE | MASE | OWA | seconds | coverage 80% | coverage 95% |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.source} | ${fmt(r.smape, 3)} | ${fmt(r.mase, 3)} | ${fmt(r.owa, 3)} | ${fmt(r.seconds, 1)} | ${r.coverage80 === undefined ? '–' : fmt(100 * r.coverage80, 1)} | ${r.coverage95 === undefined ? '–' : fmt(100 * r.coverage95, 1)} |`,
    ),
    ...kept.rows,
  ];
  if (kept.rows.length > 0) {
    lines.push(
      '',
      `† Not run this time (\`--models\`): kept from the earlier run in this file — ${kept.from}`,
    );
  }
  if (best) {
    lines.push(
      '',
      `Best combination: **${best.name}**, OWA ${best.owa.toFixed(3)} — picked among the combinations above by its test-set score (the list itself was drawn up after a 20-series pilot on the test data), so it is an optimistic figure; an \`auto\` model must choose its members by backtest on the training data.`,
    );
  }
  lines.push(
    '',
    'Seconds are wall-clock for fitting and forecasting all series on a machine shared with other jobs (load average 5–10 on 2 cores during these runs), so they are inflated and only roughly comparable between rows.',
  );
  return lines.join('\n');
}

/**
 * With `--models`, the rows of models not run this time are kept from the current docs table (marked †), so a
 * partial run — the new models without hours of AutoARIMA — does not erase the measured rows of the others.
 */
function keptRows(rows: Row[]): {
  rows: string[];
  from: string;
  combinations: { name: string; owa: number }[];
  /** The `**name**: …` notes (what an `auto` chose, a model's settings) of the kept rows. */
  notes: string[];
} {
  if (!option('--models') || !existsSync(DOC)) return { rows: [], from: '', combinations: [], notes: [] };
  const doc = readFileSync(DOC, 'utf8');
  const section = doc.slice(doc.indexOf('<!-- bench:m4:start -->'), doc.indexOf('<!-- bench:m4:end -->'));
  const fresh = new Set(rows.map((r) => r.name));
  const kept = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| model |'))
    .map((line) => {
      const cells = line.split(' | ');
      const name = cells[0].slice(2).replace(/ †$/, '');
      return {
        name,
        line: [`| ${name} †`, ...cells.slice(1)].join(' | '),
        combination: cells[1] === 'combination',
        owa: Number(cells[4]),
      };
    })
    .filter((r) => !fresh.has(r.name));
  // Rows kept once already keep the origin noted then (a mixed table names the oldest run; rerun to refresh).
  const earlier = /^† Not run this time .*? — (.*)$/m.exec(section)?.[1];
  const from = earlier ?? /^Command: (.*?) · /m.exec(section)?.[1] ?? 'an earlier run';
  const date = earlier ? '' : (/· (\d{4}-\d\d-\d\d \d\d:\d\d UTC) ·/.exec(section)?.[1] ?? '');
  return {
    rows: kept.map((r) => r.line),
    from: `${from}${date ? ` at ${date}` : ''}`,
    combinations: kept.filter((r) => r.combination).map(({ name, owa }) => ({ name, owa })),
    notes: section
      .split('\n')
      .filter(
        (line) => /^\*\*(.+?)\*\*: /.test(line) && !fresh.has(/^\*\*(.+?)\*\*: /.exec(line)?.[1] ?? ''),
      ),
  };
}

function writeSection(table: string): void {
  const start = '<!-- bench:m4:start -->';
  const end = '<!-- bench:m4:end -->';
  const section = `${start}\n## Forecasting: M4 Hourly\n\n${table}\n${end}`;
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const i = current.indexOf(start);
  const j = current.indexOf(end);
  const next =
    i >= 0 && j > i
      ? current.slice(0, i) + section + current.slice(j + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  console.log(`Wrote the M4 section of ${DOC}.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
