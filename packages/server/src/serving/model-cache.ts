import { Frame, fromJSON } from '@quarry/ml';
import type { ColumnData } from '../datasets/service';
import { httpError } from '../errors';
import type { ModelFile } from '../models/model-file';
import type { ModelService } from '../models/service';
import type { Store } from '../store/db';
import { type ServedUncertainty, type SpreadModel, servedUncertainty } from './uncertainty';

/** A fitted pipeline as the ML library exposes it after loading (data only: `fromJSON` never runs code). */
interface Estimator {
  predict(X: Frame): Float64Array | Int32Array;
  predictProba?(X: Frame): { data: Float64Array };
}

/** A model version ready to score: its file and its pipeline, deserialized once and kept. */
export interface LoadedModel {
  id: string;
  name: string;
  version: number;
  file: ModelFile;
  estimator: Estimator;
  /** The conformal spread model of a regression (null without one). */
  spread: SpreadModel;
}

export interface RawScores {
  /** Regression: values. Classification: index into classes. */
  predictions: Float64Array;
  /** Classification: n × k probabilities, column-major. */
  proba: Float64Array | null;
  uncertainty: ServedUncertainty | null;
}

/** How long "the production version of X" is remembered; a promotion is served within this time. */
const PRODUCTION_TTL_MS = 1000;

/**
 * Serving cache. Deserializing a pipeline costs milliseconds, scoring one row microseconds, so each version is
 * loaded once per process (versions are immutable: a cached version is never stale). The production pointer
 * changes on promotion, so it is re-read after a second.
 */
export class ModelCache {
  private readonly byId = new Map<string, Promise<LoadedModel>>();
  private readonly byVersion = new Map<string, string>();
  private readonly production = new Map<string, { id: string; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly models: ModelService,
  ) {}

  async version(name: string, version: number): Promise<LoadedModel> {
    const key = `${name}\u0000${version}`;
    let id = this.byVersion.get(key);
    if (id === undefined) {
      const row = await this.store.one<{ id: string }>(
        'SELECT id FROM models WHERE name = $1 AND version = $2',
        [name, version],
      );
      if (row === undefined) throw httpError('MODEL_VERSION_NOT_FOUND', { name, version });
      id = row.id;
      this.byVersion.set(key, id);
    }
    return this.load(id);
  }

  async productionOf(name: string): Promise<LoadedModel> {
    const cached = this.production.get(name);
    if (cached !== undefined && cached.until > Date.now()) return this.load(cached.id);
    const row = await this.store.one<{ id: string }>(
      `SELECT m.id FROM models m JOIN model_meta x ON x.model_id = m.id
       WHERE m.name = $1 AND x.stage = 'production'`,
      [name],
    );
    if (row === undefined) throw httpError('NO_PRODUCTION_VERSION', { name });
    this.production.set(name, { id: row.id, until: Date.now() + PRODUCTION_TTL_MS });
    return this.load(row.id);
  }

  load(id: string): Promise<LoadedModel> {
    let loaded = this.byId.get(id);
    if (loaded === undefined) {
      loaded = Promise.all([this.models.file(id), this.models.summary(id)]).then(([file, summary]) => ({
        id,
        name: summary.name,
        version: summary.version,
        file,
        estimator: fromJSON(file.pipeline as never) as unknown as Estimator,
        spread:
          file.uncertainty?.spread === undefined
            ? null
            : (fromJSON(file.uncertainty.spread.pipeline as never) as unknown as SpreadModel),
      }));
      loaded.catch(() => this.byId.delete(id));
      this.byId.set(id, loaded);
    }
    return loaded;
  }

  /** Forgets a deleted version. */
  evict(id: string): void {
    this.byId.delete(id);
    for (const [key, value] of this.byVersion) if (value === id) this.byVersion.delete(key);
    for (const [key, value] of this.production) if (value.id === id) this.production.delete(key);
  }
}

/**
 * Scores encoded rows in the calling thread. For the handful of rows of an API call this beats a round trip to
 * the worker pool; the same rules as training/predict-model.ts apply (a saved threshold decides binary classes).
 */
export function scoreRows(model: LoadedModel, features: ColumnData[]): RawScores {
  const frame = new Frame(features);
  const { classes, threshold } = model.file.model;
  if (classes === null || !model.estimator.predictProba) {
    const predictions = Float64Array.from(model.estimator.predict(frame));
    const uncertainty = servedUncertainty(model.file, model.spread, frame, predictions, null);
    return { predictions, proba: null, uncertainty };
  }
  // A classifier predicts its most probable class (the first on a tie, as NumPy's argmax): derive it from the
  // probabilities rather than walk every tree a second time in predict().
  const proba = Float64Array.from(model.estimator.predictProba(frame).data);
  const n = frame.nRows;
  const k = classes.length;
  const predictions = new Float64Array(n);
  const t = threshold?.value ?? null;
  for (let i = 0; i < n; i++) {
    if (t !== null && k === 2) {
      predictions[i] = proba[n + i] >= t ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[c * n + i] > proba[best * n + i]) best = c;
    predictions[i] = best;
  }
  const uncertainty = servedUncertainty(model.file, null, frame, predictions, proba);
  return { predictions, proba, uncertainty };
}
