import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import type { Job, JobService } from '../jobs/service';
import { defaultFamilies, familyApplies, familyParams, type LeaderboardFamily } from '../modelling/families';
import type { FinalFitOutput } from '../modelling/final-fit';
import { prepareModelling } from '../modelling/prepare-modelling';
import { type ThresholdGoal, type ThresholdTuning, tuneThreshold } from '../modelling/threshold';
import type { ModelService } from '../models/service';
import type { Store } from '../store/db';
import { toShared } from '../training/run-training';
import { checkParams } from '../tuning/check-space';
import { runLeaderboard } from './run-leaderboard';
import { buildSavedModelFile } from './save-file';
import type { LeaderboardBody, SaveBody } from './schemas';
import type { Leaderboard } from './types';

/** Leaderboard jobs, their stored results, threshold goals recomputed from them, and saving a row as a model. */
export class LeaderboardService {
  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetService,
    private readonly jobs: JobService,
    private readonly models: ModelService,
  ) {}

  async submit(request: LeaderboardBody): Promise<Job> {
    const modelling = await prepareModelling(this.datasets, request);
    const { prepared, plan, cv } = modelling;
    const task = prepared.input.task;
    const asked = request.families ?? defaultFamilies(task);
    for (const family of asked)
      if (!familyApplies(family, task))
        throw httpError('FAMILY_NOT_APPLICABLE', { family, task, detail: 'naive Bayes is a classifier.' });
    // The baseline is always on the board, first.
    const families: LeaderboardFamily[] = ['dummy', ...new Set(asked.filter((f) => f !== 'dummy'))];
    const spec = {
      ...request,
      testRows: request.testRows ? `${request.testRows.length} rows` : undefined,
      task,
      families,
    };
    return this.jobs.submit('leaderboard', spec, async ({ id, run, signal, progress }) => {
      const { rows, leader } = await runLeaderboard(
        run,
        {
          ...prepared.input,
          plan,
          families,
          metric: modelling.metric,
          metrics: modelling.metrics,
          imbalance: modelling.imbalance,
        },
        { signal, progress },
      );
      const classes = plan.rows.classes;
      const leaderboard: Leaderboard = {
        id,
        datasetId: prepared.dataset.id,
        datasetName: prepared.dataset.name,
        datasetVersion: prepared.dataset.version,
        target: request.target,
        task,
        classes,
        positiveClass: classes?.length === 2 ? classes[1] : null,
        metric: modelling.metric,
        metrics: modelling.metrics,
        seed: request.seed,
        cv: { ...cv, folds: plan.folds.map((f) => ({ nFit: f.train.length, nValidation: f.test.length })) },
        split: {
          strategy: plan.split,
          testSize: plan.test.length / (plan.train.length + plan.test.length),
          nTrain: plan.train.length,
          nTest: plan.test.length,
        },
        imbalance: modelling.imbalance,
        baseline: 'dummy',
        leader,
        rows,
        createdAt: new Date().toISOString(),
      };
      // What the save route needs to rebuild the same rows and folds, and to know the data did not change.
      const stored = { request: { ...request, task }, contentSha256: modelling.contentSha256 };
      await this.store.run(
        'INSERT INTO leaderboards (id, dataset_id, spec, result) VALUES ($1, $2, $3, $4)',
        [id, prepared.dataset.id, JSON.stringify(stored), JSON.stringify(leaderboard)],
      );
      return { result: { leaderboardId: id }, message: `Done: ${leader} leads on ${modelling.metric}` };
    });
  }

  private async stored(
    id: string,
  ): Promise<{ leaderboard: Leaderboard; request: LeaderboardBody; contentSha256: string }> {
    const row = await this.store.one<{ spec: string; result: string }>(
      'SELECT spec, result FROM leaderboards WHERE id = $1',
      [id],
    );
    if (row === undefined) throw httpError('LEADERBOARD_NOT_FOUND', { id });
    const spec = JSON.parse(row.spec);
    return { leaderboard: JSON.parse(row.result), request: spec.request, contentSha256: spec.contentSha256 };
  }

  async get(id: string): Promise<Leaderboard> {
    return (await this.stored(id)).leaderboard;
  }

  /** Another threshold goal for one row, from the out-of-fold counts stored with it (no refit). */
  async threshold(id: string, family: LeaderboardFamily, goal: ThresholdGoal): Promise<ThresholdTuning> {
    const leaderboard = await this.get(id);
    const row = this.row(leaderboard, family);
    if (row.threshold === null)
      throw httpError('BAD_IMBALANCE', {
        detail: 'Decision thresholds exist for binary classification only.',
      });
    return tuneThreshold(row.threshold.curve, goal, row.threshold.positiveClass);
  }

  private row(leaderboard: Leaderboard, family: string) {
    const row = leaderboard.rows.find((r) => r.family === family && r.status === 'ok');
    if (row === undefined) {
      const available = leaderboard.rows
        .filter((r) => r.status === 'ok')
        .map((r) => r.family)
        .join(', ');
      throw httpError('FAMILY_NOT_IN_LEADERBOARD', { family, id: leaderboard.id, available });
    }
    return row;
  }

  /** Refits a row's family on all training rows, scores the holdout, charts it, and saves it as a new version. */
  async save(id: string, body: SaveBody): Promise<Job> {
    const { leaderboard, request, contentSha256 } = await this.stored(id);
    const row = this.row(leaderboard, body.family);
    const binary = leaderboard.classes?.length === 2;
    if (
      (body.threshold !== undefined && !binary) ||
      (body.calibration !== 'none' && leaderboard.task !== 'classification')
    )
      throw httpError('BAD_IMBALANCE', {
        detail: 'A decision threshold needs a binary target, and calibration a classification target.',
      });
    const tunedHere = body.threshold === 'tuned' || typeof body.threshold === 'object';
    if (tunedHere && body.calibration !== 'none')
      throw httpError('BAD_IMBALANCE', {
        detail:
          "The tuned threshold was chosen on uncalibrated out-of-fold probabilities, so it does not fit calibrated ones: save with calibration and a numeric threshold, or with 'tuned' and no calibration.",
      });
    checkParams(body.family, leaderboard.task, body.params ?? {});
    const modelling = await prepareModelling(this.datasets, request);
    if (modelling.contentSha256 !== contentSha256)
      throw httpError('DATASET_CHANGED', { id, what: 'leaderboard', name: leaderboard.datasetName });
    const { prepared, plan } = modelling;
    // A tuned threshold keeps its goal in the model, so the registry can say how it was chosen.
    const tuned =
      body.threshold === 'tuned'
        ? (row.threshold as ThresholdTuning)
        : typeof body.threshold === 'object'
          ? tuneThreshold(
              (row.threshold as ThresholdTuning).curve,
              body.threshold,
              leaderboard.positiveClass as string,
            )
          : null;
    const value = tuned === null ? body.threshold : tuned.threshold;
    const threshold =
      typeof value !== 'number'
        ? null
        : {
            value,
            positiveClass: leaderboard.positiveClass as string,
            goal: tuned === null ? null : { ...tuned.goal },
          };
    const { params } = familyParams(body.family, leaderboard.imbalance?.classWeight, body.params ?? {});
    const calibration = body.calibration === 'none' ? null : body.calibration;
    const name = body.name ?? `${prepared.dataset.name}-${prepared.input.target.name}`;
    const spec = { leaderboardId: id, ...body };
    return this.jobs.submit('save', spec, async ({ id: jobId, run, signal, progress }) => {
      const output = (await run(
        {
          kind: 'final',
          task: leaderboard.task,
          family: body.family,
          params,
          seed: leaderboard.seed,
          features: prepared.input.features.map(toShared),
          target: toShared(prepared.input.target),
          trainRows: plan.train,
          testRows: plan.test,
          folds: plan.folds,
          resample: leaderboard.imbalance?.resample ?? 'none',
          calibration,
          threshold: threshold?.value ?? null,
        },
        { signal, progress },
      )) as FinalFitOutput;
      const file = buildSavedModelFile({
        origin: {
          source: 'leaderboard',
          id,
          familyScores: Object.fromEntries(
            leaderboard.rows
              .filter((r) => r.status === 'ok')
              .map((r) => [r.family, r.metrics[leaderboard.metric].mean as number]),
          ),
        },
        modelling,
        family: body.family,
        params,
        output,
        name,
        threshold,
        calibration,
      });
      const model = await this.models.insert(file, { charts: output.charts, source: 'leaderboard', jobId });
      return { result: { modelId: model.id }, message: `Saved ${model.name} v${model.version}` };
    });
  }
}
