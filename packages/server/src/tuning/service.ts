import { type ParamDistributions, type ParamGrid, parameterGrid, sampleParameters } from '@quarry/ml';
import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import type { Job, JobService } from '../jobs/service';
import type { CvRequest } from '../modelling/cv-plan';
import { familyApplies, familyParams } from '../modelling/families';
import { prepareModelling } from '../modelling/prepare-modelling';
import type { Store } from '../store/db';
import { resolveSpace, type SearchSpace } from './check-space';
import { runTuning, type TuningTrial } from './run-tuning';
import type { TuneBody } from './schemas';

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
        stoppedBy: timedOut ? 'minutes' : candidates.length < all.length ? 'trials' : 'exhausted',
        trials,
        best:
          best === undefined
            ? null
            : { trial: best.trial, params: best.params, mean: best.mean as number, std: best.std as number },
        createdAt: new Date().toISOString(),
      };
      await this.store.run('INSERT INTO tunings (id, dataset_id, spec, result) VALUES ($1, $2, $3, $4)', [
        id,
        prepared.dataset.id,
        JSON.stringify(spec),
        JSON.stringify(tuning),
      ]);
      return {
        result: { tuningId: id },
        message: `Done: ${trials.length} trials, best ${modelling.metric} ${best?.mean?.toFixed(4) ?? '—'}`,
      };
    });
  }

  async get(id: string): Promise<Tuning> {
    const row = await this.store.one<{ result: string }>('SELECT result FROM tunings WHERE id = $1', [id]);
    if (row === undefined) throw httpError('TUNING_NOT_FOUND', { id });
    return JSON.parse(row.result);
  }
}
