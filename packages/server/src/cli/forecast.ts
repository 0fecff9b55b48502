import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AutoPanelForecaster } from '@quarry/ml';
import { DatasetService } from '../datasets/service';
import { panelPlan } from '../forecasting/forecast-panel';
import { buildSeries, type PreparedSeries } from '../forecasting/long-series';
import { DEFAULT_CANDIDATES, MODEL_KEYS } from '../forecasting/models';
import { detectColumnsIn, readLongColumns, resolveColumns } from '../forecasting/read-dataset';
import { buildRecord, forecastCsv } from '../forecasting/record';
import { runForecasts } from '../forecasting/run-forecasts';
import { checkHorizon } from '../forecasting/service';
import { createPool, poolRunner } from '../jobs/pool';
import { Store } from '../store/db';
import { m4Defaults, readWide, scoreM4, wideCsv } from './forecast-wide';
import { UsageError } from './main';

export async function forecastCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      format: { type: 'string', default: 'long' },
      time: { type: 'string' },
      value: { type: 'string' },
      id: { type: 'string' },
      horizon: { type: 'string' },
      model: { type: 'string', default: 'auto' },
      models: { type: 'string' },
      season: { type: 'string' },
      levels: { type: 'string', default: '80,95' },
      folds: { type: 'string', default: '3' },
      sort: { type: 'boolean', default: false },
      test: { type: 'string' },
      limit: { type: 'string' },
      seed: { type: 'string', default: '42' },
      threads: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = values.data ?? positionals[0];
  if (file === undefined || positionals.length > (values.data === undefined ? 1 : 0))
    throw new UsageError('forecast takes one data file (as --data FILE or the first argument).');
  const format = values.format === 'm4' ? 'wide' : values.format;
  if (format !== 'long' && format !== 'wide')
    throw new UsageError(`--format must be long, wide or m4 (got '${values.format}').`);
  const whole = (name: string, text: string | undefined, min: number): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`--${name} must be a whole number ≥ ${min} (got '${text}').`);
    return n;
  };
  const keys = MODEL_KEYS as readonly string[];
  if (values.model !== 'auto' && !keys.includes(values.model))
    throw new UsageError(`--model must be auto or one of ${keys.join(', ')} (got '${values.model}').`);
  const candidates =
    values.models?.split(',').map((m) => m.trim()) ??
    (values.model === 'auto' ? [...DEFAULT_CANDIDATES] : [values.model]);
  const unknown = candidates.filter((m) => !keys.includes(m));
  if (unknown.length > 0)
    throw new UsageError(`--models: unknown model ${unknown.join(', ')}; pick from ${keys.join(', ')}.`);
  const levels = values.levels.split(',').map(Number);
  if (!levels.every((l) => l > 0 && l < 100))
    throw new UsageError('--levels must be percentages between 0 and 100, e.g. 80,95.');
  const threads = whole('threads', values.threads, 1) ?? null;
  const seed = whole('seed', values.seed, 0) as number;
  const limit = whole('limit', values.limit, 1);
  const defaults = format === 'wide' ? m4Defaults(file) : { horizon: undefined, season: undefined };
  const horizon = whole('horizon', values.horizon, 1) ?? defaults.horizon;
  if (horizon === undefined)
    throw new UsageError('--horizon H is required (the number of steps to forecast).');
  const log = (text: string) => {
    if (!values.json) process.stderr.write(text);
  };

  const store = await Store.memory();
  const tmp = await mkdtemp(`${tmpdir()}/quarry-forecast-`);
  const pool = createPool(threads);
  const started = performance.now();
  try {
    let series: PreparedSeries[];
    let record: ReturnType<typeof buildRecord> | null = null;
    let season: number;
    let frequencyLabel = 'period';
    let build: (outcomes: Awaited<ReturnType<typeof runForecasts>>) => void;
    const settings = (s: number) => ({
      season: s,
      horizon,
      levels,
      models: candidates,
      select: values.model,
      folds: whole('folds', values.folds, 1) as number,
      seed,
      modelsGiven: values.models !== undefined,
    });
    if (format === 'wide') {
      series = readWide(await readFile(file, 'utf8'), limit);
      season = whole('season', values.season, 1) ?? defaults.season ?? 1;
      build = () => undefined;
    } else {
      const datasets = new DatasetService(store, tmp);
      const dataset = await datasets.createFromFile({
        path: file,
        fileName: basename(file),
        sizeBytes: (await stat(file)).size,
      });
      const choice = resolveColumns(
        dataset.columns,
        dataset.nRows,
        { idColumn: values.id, timeColumn: values.time, valueColumn: values.value },
        dataset.name,
        await detectColumnsIn(datasets, dataset),
      );
      const built = buildSeries(await readLongColumns(datasets, dataset.id, choice), { sort: values.sort });
      series = limit === undefined ? built.series : built.series.slice(0, limit);
      season = whole('season', values.season, 1) ?? built.frequency.season;
      const frequency = { ...built.frequency, season };
      build = (outcomes) => {
        record = buildRecord(
          {
            id: 'cli',
            name: basename(file),
            datasetId: dataset.id,
            datasetName: dataset.name,
            createdAt: new Date().toISOString(),
            request: { ...settings(season), seed },
            columns: choice,
          },
          frequency,
          series,
          outcomes,
        );
        frequencyLabel = record.frequency.label;
      };
    }
    checkHorizon(horizon, series);
    const plan = panelPlan(settings(season), series);
    const method = plan === null ? 'per series' : 'panel';
    const compared =
      plan === null
        ? candidates
        : plan.model !== 'auto'
          ? [plan.model]
          : plan.candidates.length > 0
            ? plan.candidates
            : new AutoPanelForecaster().params.candidates;
    log(
      `${series.length} series, horizon ${horizon}, season ${season}, ${method}: models ${compared.join(', ')} (select ${values.model})\n`,
    );
    const outcomes = await runForecasts(poolRunner(pool), series, settings(season), {
      lanes: 2 * (threads ?? availableParallelism()),
      progress: (fraction, message) => log(`[${Math.round(fraction * 100)}%] ${message}\n`),
    });
    build(outcomes);
    const seconds = (performance.now() - started) / 1000;
    const failed = outcomes.flatMap((o, i) => ('error' in o ? [`${series[i].id}: ${o.error.message}`] : []));
    for (const f of failed) process.stderr.write(`quarry: warning: series ${f}\n`);
    const chosen: Record<string, number> = {};
    for (const o of outcomes) if (!('error' in o)) chosen[o.chosen] = (chosen[o.chosen] ?? 0) + 1;
    const scores =
      values.test === undefined
        ? null
        : scoreM4(series, outcomes, await readFile(values.test, 'utf8'), season);
    if (values.out !== undefined) {
      await writeFile(values.out, record === null ? wideCsv(series, outcomes, horizon) : forecastCsv(record));
    }
    const summary = {
      format,
      series: series.length,
      failed: failed.length,
      horizon,
      season,
      frequency: format === 'wide' ? null : frequencyLabel,
      models: compared,
      select: values.model,
      /** 'panel': one model (or AutoPanelForecaster's choice) fitted on all series; 'per series': a backtest each. */
      method,
      seed,
      chosen,
      seconds,
      ...(scores === null ? {} : { scores }),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(
        `Forecast ${series.length - failed.length} of ${series.length} series ${horizon} steps ahead in ${seconds.toFixed(1)} s\n`,
      );
      for (const [model, count] of Object.entries(chosen).sort((a, b) => b[1] - a[1]))
        process.stdout.write(`  ${model.padEnd(32)} chosen for ${count}\n`);
      if (scores !== null)
        process.stdout.write(
          `sMAPE ${scores.smape.toFixed(3)}  MASE ${scores.mase.toFixed(3)}  OWA ${scores.owa.toFixed(3)}  coverage ${Object.entries(
            scores.coverage,
          )
            .map(([l, c]) => `${l}%: ${(100 * c).toFixed(1)}%`)
            .join(', ')}\n`,
        );
      if (values.out !== undefined) process.stdout.write(`Saved to ${values.out}\n`);
    }
    return 0;
  } finally {
    await pool.destroy();
    store.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
