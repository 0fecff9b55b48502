import type {
  LabSnapshot,
  RecipeStep,
  SnapshotAnomalyRun,
  SnapshotDataset,
  SnapshotForecast,
  SnapshotModel,
} from '@quarry/academy';
import type { AnomalyRun } from '../anomalies/service';
import type { DatasetService, DatasetSummary } from '../datasets/service';
import type { ForecastRun } from '../forecasting/record';
import type { ModelService } from '../models/service';
import type { Store } from '../store/db';

// Ids are UUIDs (no commas), so a list of them travels as one comma-joined parameter.

/**
 * The learner's project for one lab, read from the studio's own records: the chain of data-set versions from the
 * lab's upload to the current one, every model trained on any version of it, forecasts and anomaly runs on it,
 * the prediction-log counts, and the answers given in the progress panel. Nothing here is written by the Academy:
 * the checkpoints judge exactly what the studio recorded.
 */
export async function buildSnapshot(
  deps: { store: Store; datasets: DatasetService; models: ModelService },
  lab: string,
  rootDatasetId: string | null,
  answers: Record<string, string>,
): Promise<LabSnapshot> {
  const empty: LabSnapshot = {
    lab,
    rootDatasetId: null,
    datasets: [],
    models: [],
    forecasts: [],
    anomalyRuns: [],
    answers,
  };
  if (rootDatasetId === null) return empty;
  const lineage = await deps.datasets.lineage(rootDatasetId);
  if (lineage.length === 0) return empty; // the learner deleted the lab's data set: the lab starts over
  const versionIds = lineage.map((d) => d.id);
  const byId = new Map(lineage.map((d) => [d.id, d]));
  return {
    lab,
    rootDatasetId,
    datasets: currentChain(lineage).map(toDataset),
    models: await readModels(deps, versionIds, byId),
    forecasts: await readForecasts(deps.store, versionIds),
    anomalyRuns: await readAnomalyRuns(deps.store, versionIds),
    answers,
  };
}

/** Root → … → current, following parents (versions undone or on another branch are not the learner's data). */
function currentChain(lineage: DatasetSummary[]): DatasetSummary[] {
  const byId = new Map(lineage.map((d) => [d.id, d]));
  let node: DatasetSummary | undefined = lineage.find((d) => d.isCurrent) ?? lineage.at(-1);
  const chain: DatasetSummary[] = [];
  while (node !== undefined && chain.length <= lineage.length) {
    chain.unshift(node);
    node = node.parentId === null ? undefined : byId.get(node.parentId);
  }
  return chain;
}

const toDataset = (d: DatasetSummary): SnapshotDataset => ({
  id: d.id,
  version: d.version,
  nRows: d.nRows,
  columns: d.columns.map((c) => ({ name: c.name, type: c.type, missing: c.missing })),
  steps: d.steps as RecipeStep[],
});

async function readModels(
  deps: { store: Store; models: ModelService },
  versionIds: string[],
  byId: Map<string, DatasetSummary>,
): Promise<SnapshotModel[]> {
  const ids = (await deps.models.list()).filter((m) => versionIds.includes(m.datasetId));
  const counts = await predictionCounts(
    deps.store,
    ids.map((m) => m.id),
  );
  const out: SnapshotModel[] = [];
  for (const summary of ids) {
    const detail = await deps.models.detail(summary.id);
    const lineage = detail.lineage;
    const topFeatures = await deps.models.charts(summary.id).then(
      (charts) => [...charts.importance.features].sort((a, b) => b.mean - a.mean).map((f) => f.name),
      () => [],
    );
    out.push({
      id: summary.id,
      name: summary.name,
      version: summary.version,
      createdAt: summary.createdAt,
      datasetId: summary.datasetId,
      datasetVersion: byId.get(summary.datasetId)?.version ?? 1,
      task: summary.task,
      family: summary.family,
      target: summary.target,
      features: detail.schema.columns.map((c) => c.name),
      pipeline: lineage?.pipeline.steps ?? [],
      split: {
        strategy:
          lineage?.split.strategy ?? String((summary.split as { strategy?: string }).strategy ?? 'random'),
        testSize: lineage?.split.testSize ?? 0,
        nTrain: lineage?.split.nTrain ?? 0,
        nTest: lineage?.split.nTest ?? 0,
        testRowsSha256: lineage?.split.testRowsSha256,
      },
      cv: lineage?.cv
        ? { strategy: lineage.cv.strategy, k: lineage.cv.k, timeColumn: lineage.cv.timeColumn }
        : null,
      imbalance: (lineage?.imbalance as SnapshotModel['imbalance']) ?? null,
      metrics: numericMetrics(summary.metrics),
      recipe: (lineage?.recipe?.steps ??
        (byId.get(summary.datasetId)?.steps as RecipeStep[] | undefined) ??
        []) as RecipeStep[],
      topFeatures,
      predictions: counts.get(summary.id) ?? 0,
      seed: summary.seed,
      threshold: detail.threshold?.value ?? null,
      params: detail.params,
      members: detail.members ?? undefined,
    });
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.version - b.version);
}

function numericMetrics(metrics: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries((metrics ?? {}) as Record<string, unknown>))
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

async function predictionCounts(store: Store, modelIds: string[]): Promise<Map<string, number>> {
  if (modelIds.length === 0) return new Map();
  const rows = await store.all<{ model_id: string; n: bigint | number }>(
    `SELECT model_id, count(*) AS n FROM prediction_log
     WHERE list_contains(string_split($1, ','), model_id) GROUP BY model_id`,
    [modelIds.join(',')],
  );
  return new Map(rows.map((r) => [r.model_id, Number(r.n)]));
}

async function readForecasts(store: Store, versionIds: string[]): Promise<SnapshotForecast[]> {
  const rows = await store.all<{ result: string; spec: string }>(
    `SELECT result, spec FROM forecasts WHERE list_contains(string_split($1, ','), dataset_id) ORDER BY created_at, id`,
    [versionIds.join(',')],
  );
  return rows.map(({ result }) => {
    const run = JSON.parse(result) as ForecastRun;
    const request = run.request as { horizon?: number; folds?: number };
    const scores = run.models.map((m) => ({ model: m.model, mase: m.mase, smape: m.smape }));
    const ranked = scores
      .filter((s) => s.mase !== null)
      .sort((a, b) => (a.mase as number) - (b.mase as number));
    const chosen = [...run.models].sort((a, b) => b.chosen - a.chosen)[0];
    return {
      id: run.id,
      createdAt: run.createdAt,
      datasetId: run.datasetId,
      timeColumn: run.columns.time,
      valueColumn: run.columns.value,
      seriesColumn: run.columns.id,
      horizon: Number(request.horizon ?? run.series[0]?.forecast.mean.length ?? 0),
      season: run.frequency.season,
      // A panel run (a global model across series) validates on one window per series and scores no single
      // model; a per-series run compares its models over `folds` rolling origins.
      backtest:
        ranked.length > 0
          ? { kind: 'walk-forward', folds: Number(request.folds ?? 3) }
          : { kind: 'validation-window', folds: 1 },
      scores,
      // The lowest mean MASE over the series ("chosen most often" ties when series disagree).
      best: ranked[0]?.model ?? chosen?.model ?? null,
      used: chosen !== undefined && chosen.chosen > 0 ? chosen.model : null,
      baselineMase: scores.find((s) => s.model === 'snaive')?.mase ?? null,
    };
  });
}

async function readAnomalyRuns(store: Store, versionIds: string[]): Promise<SnapshotAnomalyRun[]> {
  const rows = await store.all<{ id: string; result: string }>(
    `SELECT id, result FROM anomaly_runs WHERE list_contains(string_split($1, ','), dataset_id) ORDER BY created_at, id`,
    [versionIds.join(',')],
  );
  const out: SnapshotAnomalyRun[] = [];
  for (const { id, result } of rows) {
    const run = JSON.parse(result) as AnomalyRun;
    const labels = await store.all<{ label: string; n: bigint | number }>(
      'SELECT label, count(*) AS n FROM anomaly_labels WHERE run_id = $1 GROUP BY label',
      [id],
    );
    const count = (label: string) => Number(labels.find((l) => l.label === label)?.n ?? 0);
    const flagged = run.rows.filter((r) => r.score > run.threshold).map((r) => r.row);
    out.push({
      id: run.id,
      createdAt: run.createdAt,
      datasetId: run.datasetId,
      columns: run.request.columns,
      detectors: run.detectors.map((d) => d.name),
      nRows: run.nAnalysed,
      nFlagged: Math.round(run.request.contamination * run.nAnalysed),
      labels: { anomaly: count('anomalous'), normal: count('normal') },
      flaggedRows: flagged,
    });
  }
  return out;
}
