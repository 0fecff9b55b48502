import type { ColumnData, DatasetService } from '../datasets/service';
import { HttpError, httpError } from '../errors';
import type { JsonValue } from '../serving/encode-rows';
import type { ModelCache } from '../serving/model-cache';
import type { Store } from '../store/db';
import { type FeatureDrift, featureDrift } from './drift';
import { metricsOf, type PerformancePoint, performanceOverTime, type Scored } from './performance';
import type { PredictionLog } from './prediction-log';
import type { SettingsStore } from './settings';

/** One thing the dashboard says to look at, most urgent first. */
export interface Attention {
  kind: 'drift' | 'performance';
  subject: string;
  score: number;
  message: string;
}

const MAX_ROWS = 20_000;

/**
 * Monitoring of a served model version: drift of its logged inputs against the training data (recomputed from
 * the data-set version it was trained on, cached per model), its performance once outcomes arrive, and a
 * ranked list of what to look at first. Champion/challenger comparison reads the same log.
 */
export class MonitoringService {
  private readonly references = new Map<string, Promise<ColumnData[]>>();

  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetService,
    private readonly cache: ModelCache,
    private readonly log: PredictionLog,
    private readonly settings: SettingsStore,
  ) {}

  /** `since`: only rows logged from then on (drift of recent traffic, not all of it). */
  async report(name: string, version: number, options: { bucket: 'hour' | 'day'; since?: Date }) {
    const model = await this.cache.version(name, version);
    const { thresholds } = await this.settings.get(name);
    await this.log.flush();
    const logged = await this.store.all<{ inputs: string }>(
      `SELECT inputs FROM prediction_log WHERE model_id = $1 AND created_at >= $2::TIMESTAMPTZ
       ORDER BY created_at DESC LIMIT $3`,
      [model.id, (options.since ?? new Date(0)).toISOString(), MAX_ROWS],
    );
    const schema = model.file.schema.columns;
    const columns: JsonValue[][] = schema.map(() => []);
    for (const row of logged) {
      const values = JSON.parse(row.inputs) as JsonValue[];
      for (let i = 0; i < columns.length; i++) columns[i].push(values[i]);
    }
    const current = new Map(schema.map((c, i) => [c.name, columns[i]]));
    const drift = featureDrift(await this.reference(model.id), current, thresholds);
    const scored = await this.scored(model.id);
    const performance = performanceOverTime(model.file.model.task, scored, options.bucket);
    const holdout = model.file.model.metrics;
    return {
      model: { name, version, task: model.file.model.task },
      nLogged: logged.length,
      nWithOutcome: scored.length,
      thresholds,
      attention: attention(drift, performance, holdout, thresholds),
      drift,
      performance: { holdout, overTime: performance },
    };
  }

  /** Every version that has logged predictions, with counts and its last use: the dashboard's list. */
  async served() {
    await this.log.flush();
    const rows = await this.store.all<{ name: string; version: number; n: bigint; last: Date }>(
      `SELECT model_name AS name, model_version AS version, count(*) AS n, max(created_at) AS last
       FROM prediction_log GROUP BY ALL ORDER BY last DESC`,
    );
    return rows.map((r) => ({
      name: r.name,
      version: r.version,
      nLogged: Number(r.n),
      lastAt: r.last.toISOString(),
    }));
  }

  /** Champion and challenger (or shadow) side by side, on the rows whose outcomes have arrived. */
  async compare(name: string) {
    const known = await this.store.one<{ n: bigint }>('SELECT count(*) AS n FROM models WHERE name = $1', [
      name,
    ]);
    if (Number(known?.n ?? 0) === 0) throw httpError('MODEL_NOT_FOUND', { id: name });
    await this.log.flush();
    const arms = await this.store.all<{ model_id: string; model_version: number; arm: string }>(
      `SELECT DISTINCT model_id, model_version, arm FROM prediction_log
       WHERE model_name = $1 AND arm <> 'direct' ORDER BY model_version, arm`,
      [name],
    );
    const settings = await this.settings.get(name);
    const out = [];
    for (const a of arms) {
      const model = await this.cache.load(a.model_id);
      const rows = await this.scored(a.model_id, a.arm);
      out.push({ version: a.model_version, arm: a.arm, ...metricsOf(model.file.model.task, rows) });
    }
    return { name, challenger: settings.challenger, arms: out };
  }

  /** Attaches outcomes to logged rows; says how many row ids the log does not know. */
  async recordOutcomes(outcomes: { rowId: string; outcome: string | number }[]) {
    await this.log.flush();
    // One statement for the whole batch; the lists travel as JSON text (a VARCHAR[] cast parses it).
    await this.store.run(
      `INSERT INTO prediction_outcomes (row_id, outcome)
       SELECT * FROM (SELECT unnest($1::VARCHAR[]) AS row_id, unnest($2::VARCHAR[]) AS outcome)
       QUALIFY row_number() OVER (PARTITION BY row_id) = 1
       ON CONFLICT (row_id) DO UPDATE SET outcome = excluded.outcome, recorded_at = now()`,
      [JSON.stringify(outcomes.map((o) => o.rowId)), JSON.stringify(outcomes.map((o) => String(o.outcome)))],
    );
    const known = await this.store.one<{ n: bigint }>(
      `SELECT count(DISTINCT row_id) AS n FROM prediction_log WHERE row_id IN (SELECT unnest($1::VARCHAR[]))`,
      [JSON.stringify(outcomes.map((o) => o.rowId))],
    );
    const n = Number(known?.n ?? 0);
    return { recorded: outcomes.length, unknownRowIds: outcomes.length - n };
  }

  /** Logged rows of one version (one arm of it, if given) that have an outcome, newest first. */
  private async scored(modelId: string, arm?: string): Promise<Scored[]> {
    const rows = await this.store.all<{ prediction: string | null; outcome: string; created_at: Date }>(
      `SELECT l.prediction, o.outcome, l.created_at FROM prediction_log l
       JOIN prediction_outcomes o ON o.row_id = l.row_id
       WHERE l.model_id = $1 AND ($2::VARCHAR IS NULL OR l.arm = $2::VARCHAR)
       ORDER BY l.created_at DESC LIMIT ${MAX_ROWS}`,
      [modelId, arm ?? null],
    );
    return rows.map((r) => ({ prediction: r.prediction, outcome: r.outcome, time: r.created_at }));
  }

  private reference(modelId: string): Promise<ColumnData[]> {
    let ref = this.references.get(modelId);
    if (ref === undefined) {
      ref = this.cache.load(modelId).then(async (model) => {
        const { datasetId } = model.file.model;
        try {
          return await this.datasets.columnData(
            datasetId,
            model.file.schema.columns.map((c) => c.name),
          );
        } catch (err) {
          if (err instanceof HttpError && err.code === 'DATASET_NOT_FOUND')
            throw httpError('REFERENCE_UNAVAILABLE', { name: model.name, version: model.version, datasetId });
          throw err;
        }
      });
      ref.catch(() => this.references.delete(modelId));
      this.references.set(modelId, ref);
    }
    return ref;
  }
}

/** Drifted features by score, then a performance drop of the newest full bucket against the holdout. */
function attention(
  drift: FeatureDrift[],
  performance: PerformancePoint[],
  holdout: Record<string, number | undefined>,
  t: { performanceDrop: number; minRows: number },
): Attention[] {
  const items: Attention[] = drift
    .filter((d) => d.status === 'drift' || d.status === 'watch')
    .map((d) => ({
      kind: 'drift',
      subject: d.feature,
      score: d.score,
      message: `${d.status === 'drift' ? 'Drift' : 'Watch'} on '${d.feature}': ${d.reason}.`,
    }));
  const last = [...performance].reverse().find((p) => p.n >= t.minRows);
  if (last !== undefined) {
    const checks: [string, number | undefined, number | undefined, boolean][] = [
      ['accuracy', last.accuracy, holdout.accuracy, true],
      ['rmse', last.rmse, holdout.rmse, false],
      ['mae', last.mae, holdout.mae, false],
    ];
    for (const [metric, now, before, higherIsBetter] of checks) {
      if (now === undefined || before === undefined || !Number.isFinite(now) || before === 0) continue;
      const worse = higherIsBetter ? (before - now) / before : (now - before) / before;
      if (worse >= t.performanceDrop)
        items.push({
          kind: 'performance',
          subject: metric,
          score: worse / t.performanceDrop,
          message: `${metric} is ${now.toPrecision(3)} on the latest outcomes (${last.n} rows) against ${before.toPrecision(3)} on the holdout.`,
        });
    }
  }
  return items.sort((a, b) => b.score - a.score);
}
