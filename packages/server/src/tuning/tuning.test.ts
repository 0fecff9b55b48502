import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABULAR, testApp, upload, waitForJob } from '../../test/helpers';
import type { Tuning } from './service';

let app: FastifyInstance;
let sonar: { id: string };
beforeAll(async () => {
  app = await testApp();
  sonar = (await upload(app, join(TABULAR, 'sonar.csv'))).json();
});
afterAll(async () => {
  await app.close();
});

const tune = (body: object) =>
  app.inject({
    method: 'POST',
    url: '/api/jobs/tune',
    payload: { datasetId: sonar.id, target: 'Class', ...body },
  });

async function finished(body: object): Promise<Tuning> {
  const res = await tune(body);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().kind).toBe('tune');
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return (await app.inject({ url: `/api/tunings/${job.result.tuningId}` })).json();
}

describe('hyperparameter tuning', () => {
  it('documents the default ranges and bounds of every family', async () => {
    const { spaces } = (await app.inject({ url: '/api/tuning/spaces' })).json();
    expect(spaces.gbdt.classification.learningRate).toMatchObject({
      min: 1e-4,
      max: 1,
      values: [0.03, 0.1, 0.3],
    });
    expect(spaces.forest.regression.nEstimators.max).toBe(1000);
    expect(spaces.nb.regression).toBeNull();
    expect(spaces.dummy.classification).toBeNull();
  });

  it('grid search: every setting in order up to the trial budget, ranked by mean CV score', async () => {
    const t = await finished({
      family: 'tree',
      search: 'grid',
      space: { maxDepth: [1, 2, 4], minSamplesLeaf: [1, 5] },
      budget: { trials: 4 },
      cv: { strategy: 'stratified', k: 3 },
      seed: 2,
    });
    expect(t.trials.map((x) => x.params)).toEqual([
      { maxDepth: 1, minSamplesLeaf: 1 },
      { maxDepth: 1, minSamplesLeaf: 5 },
      { maxDepth: 2, minSamplesLeaf: 1 },
      { maxDepth: 2, minSamplesLeaf: 5 },
    ]);
    expect(t.stoppedBy).toBe('trials');
    expect(t.metric).toBe('roc_auc');
    for (const trial of t.trials) {
      expect(trial.status).toBe('ok');
      expect(trial.folds).toHaveLength(3);
      expect(trial.std).toBeGreaterThanOrEqual(0);
      expect(trial.fitSeconds).toBeGreaterThanOrEqual(0);
    }
    const best = t.trials.find((x) => x.rank === 1);
    expect(t.best?.mean).toBe(best?.mean);
    expect(Math.max(...t.trials.map((x) => x.mean as number))).toBe(t.best?.mean);
  });

  it('random search: seeded draws from the default distributions, the same for the same seed', async () => {
    const body = {
      family: 'knn',
      search: 'random',
      budget: { trials: 5 },
      cv: { strategy: 'kfold', k: 3 },
      seed: 8,
    };
    const a = await finished(body);
    const b = await finished(body);
    expect(a.trials).toHaveLength(5);
    // Random search draws exactly the budget: it stops because the trial budget is used, never 'exhausted'.
    expect(a.stoppedBy).toBe('trials');
    expect(a.trials.map((x) => [x.params, x.folds])).toEqual(b.trials.map((x) => [x.params, x.folds]));
    for (const x of a.trials) {
      expect(x.params.nNeighbors as number).toBeGreaterThanOrEqual(1);
      expect(x.params.nNeighbors as number).toBeLessThan(51);
    }
  });

  it("says 'exhausted' when every grid setting ran, and saves a trial as a model version", async () => {
    const t = await finished({
      family: 'tree',
      search: 'grid',
      space: { maxDepth: [2, 3], minSamplesLeaf: [5] },
      budget: { trials: 10 },
      cv: { strategy: 'stratified', k: 3 },
      seed: 4,
    });
    expect(t.trials).toHaveLength(2);
    expect(t.stoppedBy).toBe('exhausted');
    const chosen = t.trials.find((x) => x.trial === 1);
    const res = await app.inject({
      method: 'POST',
      url: `/api/tunings/${t.id}/save`,
      payload: { trial: 1, name: 'sonar-tuned' },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().kind).toBe('save');
    const job = await waitForJob(app, res.json().id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const model = (await app.inject({ url: `/api/models/${job.result.modelId}` })).json();
    expect(model).toMatchObject({
      name: 'sonar-tuned',
      version: 1,
      family: 'tree',
      source: 'tuning',
      tuningId: t.id,
      leaderboardId: null,
      params: { maxDepth: 3, minSamplesLeaf: 5 },
      familyScores: { tree: chosen?.mean },
    });
    // The lineage names the run's folds: same k and the same fold sizes the trial was scored on.
    expect(model.lineage.params).toEqual({ maxDepth: 3, minSamplesLeaf: 5 });
    expect(model.lineage.cv).toMatchObject({ strategy: 'stratified', k: 3 });
    expect(model.lineage.cv.foldSizes).toEqual(t.cv.folds.map((f) => f.nValidation));
    expect(model.lineage.seed).toBe(4);
    // Saved with prediction sets calibrated on the run's 3 folds, measured on the holdout.
    expect(model.uncertainty.levels.map((l: { level: number }) => l.level)).toEqual([0.8, 0.9, 0.95]);
    expect(model.uncertainty.nHoldout).toBe(model.split.nTest);
    expect(model.lineage.pipeline.steps.at(-1)).toBe('model: DecisionTreeClassifier');
    expect((await app.inject({ url: `/api/models/${model.id}/charts` })).json().roc).not.toBeNull();
    const missing = await app.inject({
      method: 'POST',
      url: `/api/tunings/${t.id}/save`,
      payload: { trial: 7 },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('TRIAL_NOT_FOUND');
    expect(missing.json().message).toContain('0, 1');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/tunings/nope/save',
      payload: { trial: 0 },
    });
    expect(unknown.json().code).toBe('TUNING_NOT_FOUND');
  });

  it('stops starting trials when the time budget is spent, and can be cancelled', async () => {
    const timed = await finished({
      family: 'forest',
      search: 'grid',
      budget: { minutes: 0.1 },
      cv: { strategy: 'stratified', k: 2 },
    });
    expect(['minutes', 'exhausted']).toContain(timed.stoppedBy);
    expect(timed.trials.length).toBeGreaterThan(0);
    const res = await tune({ family: 'gbdt', search: 'random', budget: { trials: 100 } });
    const cancel = await app.inject({
      method: 'POST',
      url: `/api/jobs/${res.json().id}/cancel`,
      payload: {},
    });
    expect(cancel.statusCode).toBe(200);
    expect((await waitForJob(app, res.json().id)).status).toBe('cancelled');
  });

  it('refuses unknown parameters, out-of-bound values and budgets (no nEstimators: 1e9)', async () => {
    const code = async (body: object) => {
      const res = await tune(body);
      // Out-of-range spaces are 422 with a code; malformed bodies (budgets beyond their schema) are 400.
      expect(res.statusCode).toBe(res.json().code === 'VALIDATION_FAILED' ? 400 : 422);
      return res.json().code;
    };
    expect(await code({ family: 'forest', search: 'grid', space: { nEstimators: [1e9] } })).toBe(
      'BAD_SEARCH_SPACE',
    );
    expect(
      await code({
        family: 'forest',
        search: 'random',
        space: { nEstimators: { type: 'randint', low: 10, high: 5000 } },
      }),
    ).toBe('BAD_SEARCH_SPACE');
    expect(await code({ family: 'linear', search: 'grid', space: { evil: [1] } })).toBe('BAD_SEARCH_SPACE');
    expect(
      await code({ family: 'linear', search: 'grid', space: { C: { type: 'uniform', low: 0.1, high: 1 } } }),
    ).toBe('BAD_SEARCH_SPACE');
    expect(await code({ family: 'gbdt', search: 'grid', space: { maxIter: [2.5] } })).toBe(
      'BAD_SEARCH_SPACE',
    );
    expect(await code({ family: 'gbdt', search: 'grid', budget: { trials: 100_000 } })).toBe(
      'VALIDATION_FAILED',
    );
    expect(await code({ family: 'gbdt', search: 'grid', budget: { minutes: 1e6 } })).toBe(
      'VALIDATION_FAILED',
    );
    expect(await code({ family: 'dummy', search: 'grid' })).toBe('FAMILY_NOT_APPLICABLE');
    expect((await app.inject({ url: '/api/tunings/nope' })).json().code).toBe('TUNING_NOT_FOUND');
  });
});
