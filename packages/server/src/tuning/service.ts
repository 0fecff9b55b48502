import { type ParamDistributions, type ParamGrid, parameterGrid, sampleParameters } from '@quarry/ml';
import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import type { Job, JobService } from '../jobs/service';
import { buildSavedModelFile } from '../leaderboard/save-file';
import type { CvRequest } from '../modelling/cv-plan';
import { familyApplies, familyParams } from '../modelling/families';
import type { FinalFitOutput } from '../modelling/final-fit';
import { prepareModelling } from '../modelling/prepare-modelling';
import type { ModelService } from '../models/service';
import type { Store } from '../store/db';
import { toShared } from '../training/run-training';
import { resolveSpace, type SearchSpace } from './check-space';
import { runTuning, type TuningTrial } from './run-tuning';
import type { SaveTrialBody, TuneBody } from './schemas';

export interface Tuning {
  id: string;
  datasetId: string;
  target: string;
  task: 'classification' | 'regression';
  family: string;
  search: 'grid' | 'random';
  metric: string;
  seed: number;
  space: SearchSpace;
  cv: CvRequest & { folds: { nFit: number; nValidation: number }[] };
  budget: { trials: number | null; minutes: number | null };
  /** trials: the trial budget was used; minutes: the time budget ran out; exhausted: every grid setting ran. */
  stoppedBy: 'trials' | 'minutes' | 'exhausted';
  trials: TuningTrial[];
  best: { trial: number; params: Record<string, unknown>; mean: number; std: number } | null;
  createdAt: string;
}

const DEFAULT_TRIALS = 20;

/** Tuning jobs (grid or random search, budgeted) and their stored results. */
export class TuningService {
  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetService,
    private readonly jobs: JobService,
    private readonly models: ModelService,
  ) {}

  async submit(request: TuneBody): Promise<Job> {
    const modelling = await prepareModelling(this.datasets, request);
    const { prepared, plan, cv } = modelling;
    const task = prepared.input.task;
    if (request.family === 'dummy' || !familyApplies(request.family, task))
      throw httpError('FAMILY_NOT_APPLICABLE', {
        family: request.family,
        task,
        detail:
          request.family === 'dummy' ? 'the baseline has nothing to tune.' : 'naive Bayes is a classifier.',
      });
    const space = resolveSpace(
      request.family,
      task,
      request.search,
      request.space as SearchSpace | undefined,
    );
    const limit = request.budget.trials ?? (request.budget.minutes === undefined ? DEFAULT_TRIALS : 200);
    const all =
      request.search === 'grid'
        ? parameterGrid(space as ParamGrid)
        : sampleParameters(space as ParamDistributions, limit, request.seed);
    const candidates = all.slice(0, limit);
    const spec = {
      ...request,
      testRows: request.testRows ? `${request.testRows.length} rows` : undefined,
      task,
    };
    return this.jobs.submit('tune', spec, async ({ id, run, signal, progress }) => {
      const { trials, timedOut } = await runTuning(
        run,
        {
          ...prepared.input,
          plan,
          family: request.family,
          base: familyParams(request.family, modelling.imbalance?.classWeight).params,
          candidates,
          metric: modelling.metric,
          seed: request.seed,
          resample: modelling.imbalance?.resample ?? 'none',
          minutes: request.budget.minutes ?? null,
        },
        { signal, progress },
      );
      const best = trials.filter((t) => t.rank === 1 && t.mean !== null).sort((a, b) => a.trial - b.trial)[0];
      const tuning: Tuning = {
        id,
        datasetId: prepared.dataset.id,
        target: request.target,
        task,
        family: request.family,
        search: request.search,
        metric: modelling.metric,
        seed: request.seed,
        space: space as SearchSpace,
        cv: { ...cv, folds: plan.folds.map((f) => ({ nFit: f.train.length, nValidation: f.test.length })) },
        budget: { trials: request.budget.trials ?? null, minutes: request.budget.minutes ?? null },
        stoppedBy: stoppedBy(request.search, timedOut, candidates.length, all.length),
        trials,
        best:
          best === undefined
            ? null
            : { trial: best.trial, params: best.params, mean: best.mean as number, std: best.std as number },
        createdAt: new Date().toISOString(),
      };
      // What saving a trial needs to rebuild the same rows and folds, and to know the data did not change.
      const stored = { request: { ...request, task }, contentSha256: modelling.contentSha256 };
      await this.store.run('INSERT INTO tunings (id, dataset_id, spec, result) VALUES ($1, $2, $3, $4)', [
        id,
        prepared.dataset.id,
        JSON.stringify(stored),
        JSON.stringify(tuning),
      ]);
      return {
        result: { tuningId: id },
        message: `Done: ${trials.length} trials, best ${modelling.metric} ${best?.mean?.toFixed(4) ?? '—'}`,
      };
    });
  }

  private async stored(id: string): Promise<{ tuning: Tuning; request?: TuneBody; contentSha256?: string }> {
    const row = await this.store.one<{ spec: string; result: string }>(
      'SELECT spec, result FROM tunings WHERE id = $1',
      [id],
    );
    if (row === undefined) throw httpError('TUNING_NOT_FOUND', { id });
    const spec = JSON.parse(row.spec);
    return { tuning: JSON.parse(row.result), request: spec.request, contentSha256: spec.contentSha256 };
  }

  async get(id: string): Promise<Tuning> {
    return (await this.stored(id)).tuning;
  }

  /**
   * Saves one trial as a model version: its parameters refit on all training rows of the run's split (with the
   * run's imbalance settings), the holdout scored and charted, the run's folds in the lineage.
   */
  async save(id: string, body: SaveTrialBody): Promise<Job> {
    const { tuning, request, contentSha256 } = await this.stored(id);
    const trial = tuning.trials.find((t) => t.trial === body.trial && t.status === 'ok');
    if (trial === undefined || request === undefined)
      throw httpError('TRIAL_NOT_FOUND', {
        trial: body.trial,
        id,
        available:
          request === undefined
            ? 'none (this run predates saving trials; run the search again)'
            : tuning.trials
                .filter((t) => t.status === 'ok')
                .map((t) => t.trial)
                .join(', '),
      });
    const modelling = await prepareModelling(this.datasets, request);
    if (modelling.contentSha256 !== contentSha256)
      throw httpError('DATASET_CHANGED', { id, what: 'tuning run', name: modelling.prepared.dataset.name });
    const { prepared, plan } = modelling;
    const family = request.family;
    const { params } = familyParams(family, modelling.imbalance?.classWeight, trial.params);
    const name = body.name ?? `${prepared.dataset.name}-${prepared.input.target.name}`;
    return this.jobs.submit('save', { tuningId: id, ...body }, async ({ id: job, run, signal, progress }) => {
      const output = (await run(
        {
          kind: 'final',
          task: tuning.task,
          family,
          params,
          seed: tuning.seed,
          features: prepared.input.features.map(toShared),
          target: toShared(prepared.input.target),
          trainRows: plan.train,
          testRows: plan.test,
          folds: plan.folds,
          resample: modelling.imbalance?.resample ?? 'none',
          calibration: null,
          threshold: null,
        },
        { signal, progress },
      )) as FinalFitOutput;
      const file = buildSavedModelFile({
        origin: { source: 'tuning', id, familyScores: { [family]: trial.mean as number } },
        modelling,
        family,
        params,
        output,
        name,
        threshold: null,
        calibration: null,
      });
      const model = await this.models.insert(file, { charts: output.charts, source: 'tuning', jobId: job });
      return { result: { modelId: model.id }, message: `Saved ${model.name} v${model.version}` };
    });
  }
}

/**
 * Why a search stopped: the time budget ran out, every grid setting was tried, or the trial budget was used
 * (random search always stops there: it draws exactly as many settings as the budget allows).
 */
export function stoppedBy(
  search: 'grid' | 'random',
  timedOut: boolean,
  ran: number,
  available: number,
): Tuning['stoppedBy'] {
  if (timedOut) return 'minutes';
  return search === 'grid' && ran === available ? 'exhausted' : 'trials';
}
