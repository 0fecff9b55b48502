import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import type { Job, JobService } from '../jobs/service';
import type { Store } from '../store/db';
import { buildSeries, type PreparedSeries } from './long-series';
import { DEFAULT_CANDIDATES, FORECAST_MODELS } from './models';
import { detectColumnsIn, readLongColumns, resolveColumns } from './read-dataset';
import { buildRecord, type ForecastRun } from './record';
import { runForecasts } from './run-forecasts';
import { type ForecastBody, MAX_HORIZON } from './schemas';

export interface ForecastListItem {
  id: string;
  name: string;
  datasetId: string;
  datasetName: string;
  horizon: number;
  series: number;
  createdAt: string;
}

/**
 * Checks that a horizon fits every series: at least 1, at most MAX_HORIZON, and at most half the shortest series
 * so a backtest fold can train on as much as it forecasts.
 */
export function checkHorizon(horizon: number, series: readonly { id: string; values: Float64Array }[]): void {
  const shortest = series.reduce((a, b) => (b.values.length < a.values.length ? b : a));
  const max = Math.min(MAX_HORIZON, Math.floor(shortest.values.length / 2));
  if (horizon < 1 || horizon > max) {
    throw httpError('HORIZON_OUT_OF_RANGE', {
      horizon,
      detail:
        horizon < 1
          ? 'forecast at least 1 step ahead.'
          : `the shortest series ('${shortest.id}', ${shortest.values.length} points) allows at most ${max} steps (half its length, so a backtest can train on as much as it forecasts). Shorten the horizon.`,
    });
  }
}

/** Forecast runs: validated up front (422s before any job exists), computed as a job, stored as versioned JSON. */
export class ForecastService {
  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetService,
    private readonly jobs: JobService,
  ) {}

  /** The columns detection picks for a data set (what the web page pre-fills). */
  async columns(datasetId: string) {
    const dataset = await this.datasets.get(datasetId);
    return {
      detected: await detectColumnsIn(this.datasets, dataset),
      columns: dataset.columns.map((c) => ({ name: c.name, type: c.type })),
      models: FORECAST_MODELS.map(({ key, label }) => ({
        key,
        label,
        default: DEFAULT_CANDIDATES.includes(key),
      })),
    };
  }

  async submit(body: ForecastBody): Promise<Job> {
    const dataset = await this.datasets.get(body.datasetId);
    const guessed =
      body.valueColumn === undefined || body.idColumn === undefined || body.timeColumn === undefined;
    const detected = guessed ? await detectColumnsIn(this.datasets, dataset) : undefined;
    const choice = resolveColumns(dataset.columns, dataset.nRows, body, dataset.name, detected);
    const cols = await readLongColumns(this.datasets, dataset.id, choice);
    const { series, frequency } = buildSeries(cols, { sort: body.sort });
    checkHorizon(body.horizon, series);
    const settings = {
      season: body.season ?? frequency.season,
      horizon: body.horizon,
      levels: [...new Set(body.levels)].sort((a, b) => a - b),
      models: body.models ?? [...DEFAULT_CANDIDATES],
      select: body.select,
      folds: body.folds,
      seed: body.seed,
      modelsGiven: body.models !== undefined,
    };
    const spec = { ...body, ...settings, columns: choice, frequency, series: series.length };
    const name = body.name ?? `${dataset.name} +${body.horizon}`;
    return this.jobs.submit('forecast', spec, async ({ id, run, signal, progress }) => {
      const outcomes = await runForecasts(run, series, settings, { signal, progress });
      const record = buildRecord(
        {
          id,
          name,
          datasetId: dataset.id,
          datasetName: dataset.name,
          createdAt: new Date().toISOString(),
          request: { ...body, ...settings },
          columns: choice,
        },
        { ...frequency, season: settings.season },
        series as PreparedSeries[],
        outcomes,
      );
      await this.store.run('INSERT INTO forecasts (id, dataset_id, spec, result) VALUES ($1, $2, $3, $4)', [
        id,
        dataset.id,
        JSON.stringify(spec),
        JSON.stringify(record),
      ]);
      const failed = record.series.filter((s) => s.error !== null).length;
      return {
        result: { forecastId: id },
        message: `Done: ${series.length - failed} of ${series.length} series forecast ${body.horizon} steps ahead`,
      };
    });
  }

  async get(id: string): Promise<ForecastRun> {
    const row = await this.store.one<{ result: string }>('SELECT result FROM forecasts WHERE id = $1', [id]);
    if (row === undefined) throw httpError('FORECAST_NOT_FOUND', { id });
    return JSON.parse(row.result);
  }

  async list(): Promise<ForecastListItem[]> {
    const rows = await this.store.all<{ result: string }>(
      'SELECT result FROM forecasts ORDER BY created_at DESC, id LIMIT 200',
    );
    return rows.map((r) => {
      const run = JSON.parse(r.result) as ForecastRun;
      return {
        id: run.id,
        name: run.name,
        datasetId: run.datasetId,
        datasetName: run.datasetName,
        horizon: Number(run.request.horizon),
        series: run.series.length,
        createdAt: run.createdAt,
      };
    });
  }
}
