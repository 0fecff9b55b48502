import { randomUUID } from 'node:crypto';
import type { LogEntry, PredictionLog } from '../monitoring/prediction-log';
import type { SettingsStore } from '../monitoring/settings';
import { encodeRows, featureValues, hashInputs, type JsonRow } from './encode-rows';
import { type LoadedModel, type ModelCache, type RawScores, scoreRows } from './model-cache';

/** One answered row: its id (to attach the outcome to later), the prediction and, for classifiers, probabilities. */
export interface ServedRow {
  rowId: string;
  prediction: string | number | null;
  probabilities?: Record<string, number>;
  /** Regression: the conformal interval at `level` (90%), when the model was calibrated. */
  interval?: { level: number; lower: number | null; upper: number | null };
  /** Classification: the conformal prediction set at `level` (90%), when the model was calibrated. */
  set?: { level: number; classes: string[] };
}

export interface ServeResult {
  model: { name: string; version: number };
  predictions: ServedRow[];
  /** Rows answered by the challenger (a routed share of production traffic), by index. */
  challenger?: { version: number; rows: number[] };
}

/**
 * Scores JSON rows against one model version (or the production version and its challenger), logs every row
 * asynchronously and answers. No DuckDB on this path once the versions are cached.
 */
export class ServingService {
  constructor(
    readonly cache: ModelCache,
    readonly log: PredictionLog,
    private readonly settings: SettingsStore,
  ) {}

  async version(name: string, version: number, rows: JsonRow[]): Promise<ServeResult> {
    const start = performance.now();
    const model = await this.cache.version(name, version);
    const scored = score(model, rows);
    const predictions = this.record(model, 'direct', rows, scored, start);
    return { model: { name: model.name, version: model.version }, predictions };
  }

  /**
   * The production version answers, except the rows routed to a challenger ('split': chosen by a hash of the
   * row's inputs, so the same input always goes to the same arm, and runs repeat). In 'shadow' mode the
   * challenger scores every row too, and only its log sees the result.
   */
  async production(name: string, rows: JsonRow[]): Promise<ServeResult> {
    const start = performance.now();
    const champion = await this.cache.productionOf(name);
    const { challenger: plan } = await this.settings.get(name);
    // A challenger that cannot be loaded (deleted since it was set) must not take production down with it.
    const challenger =
      plan === null || plan.version === champion.version
        ? null
        : await this.cache.version(name, plan.version).catch(() => null);
    if (challenger === null || plan === null) {
      const predictions = this.record(champion, 'champion', rows, score(champion, rows), start);
      return { model: { name, version: champion.version }, predictions };
    }
    if (plan.mode === 'shadow') {
      const scored = score(champion, rows);
      const predictions = this.record(champion, 'champion', rows, scored, start);
      const shadowStart = performance.now();
      const shadow = score(challenger, rows);
      this.record(
        challenger,
        'shadow',
        rows,
        shadow,
        shadowStart,
        predictions.map((p) => p.rowId),
      );
      return { model: { name, version: champion.version }, predictions };
    }
    const toChallenger: number[] = [];
    const toChampion: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const h = hashInputs(JSON.stringify(featureValues(rows[i], champion.file.schema.columns)));
      (Number.parseInt(h.slice(0, 8), 16) / 2 ** 32 < plan.share ? toChallenger : toChampion).push(i);
    }
    const predictions: ServedRow[] = new Array(rows.length);
    for (const [model, arm, index] of [
      [champion, 'champion', toChampion],
      [challenger, 'challenger', toChallenger],
    ] as const) {
      if (index.length === 0) continue;
      const part = index.map((i) => rows[i]);
      const served = this.record(model, arm, part, score(model, part), start);
      index.forEach((i, k) => {
        predictions[i] = served[k];
      });
    }
    return {
      model: { name, version: champion.version },
      predictions,
      challenger: { version: challenger.version, rows: toChallenger },
    };
  }

  private record(
    model: LoadedModel,
    arm: LogEntry['arm'],
    rows: JsonRow[],
    scored: RawScores,
    start: number,
    rowIds?: string[],
  ): ServedRow[] {
    const latencyMs = (performance.now() - start) / rows.length;
    const timeMs = Date.now();
    const { classes } = model.file.model;
    const schema = model.file.schema.columns;
    const n = rows.length;
    const out: ServedRow[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const p = scored.predictions[i];
      const prediction = classes !== null ? classes[p] : Number.isFinite(p) ? p : null;
      const row: ServedRow = { rowId: rowIds?.[i] ?? randomUUID(), prediction };
      if (classes !== null && scored.proba !== null) {
        const probabilities: Record<string, number> = {};
        for (let k = 0; k < classes.length; k++) probabilities[classes[k]] = scored.proba[k * n + i];
        row.probabilities = probabilities;
      }
      const u = scored.uncertainty;
      if (u !== null && 'sets' in u && classes !== null)
        row.set = { level: u.level, classes: u.sets[i].map((c) => classes[c]) };
      else if (u !== null && 'lower' in u)
        row.interval = { level: u.level, lower: finiteOrNull(u.lower[i]), upper: finiteOrNull(u.upper[i]) };
      out[i] = row;
      const inputs = JSON.stringify(featureValues(rows[i], schema));
      this.log.add({
        rowId: row.rowId,
        modelId: model.id,
        modelName: model.name,
        modelVersion: model.version,
        arm,
        inputHash: hashInputs(inputs),
        inputs,
        prediction: prediction === null ? null : String(prediction),
        proba: row.probabilities === undefined ? null : JSON.stringify(row.probabilities),
        latencyMs,
        timeMs,
      });
    }
    return out;
  }
}

/** JSON has no Infinity: an unbounded interval end (too few calibration rows) is null. */
const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

function score(model: LoadedModel, rows: JsonRow[]): RawScores {
  return scoreRows(model, encodeRows(rows, model.file.schema.columns));
}
