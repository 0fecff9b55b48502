import { join } from 'node:path';
import { Frame, type Labels, makeTabularModel, runFold } from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABULAR, testApp, upload, waitForJob } from '../../test/helpers';
import { prepareModelling } from '../modelling/prepare-modelling';
import { resampleRows } from '../modelling/resample';
import { featureSpecs } from '../training/split';
import type { Leaderboard } from './types';

let app: FastifyInstance;
let so: { id: string };
beforeAll(async () => {
  app = await testApp();
  so = (await upload(app, join(TABULAR, 'stackoverflow.csv'))).json();
});
afterAll(async () => {
  await app.close();
});

describe('class imbalance on a leaderboard (stackoverflow, 10% Remote)', () => {
  const request = {
    target: 'Remote',
    families: ['linear', 'knn'],
    cv: { strategy: 'stratified' as const, k: 3 },
    seed: 9,
    testSize: 0.25,
    imbalance: {
      classWeight: 'balanced' as const,
      resample: 'undersample' as const,
      threshold: { metric: 'recall_at_precision' as const, minPrecision: 0.2 },
    },
  };

  it('weighs classes where the family can, resamples fit rows only, and tunes the threshold out of fold', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/jobs/leaderboard',
      payload: { ...request, datasetId: so.id },
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(app, res.json().id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const lb: Leaderboard = (
      await app.inject({ url: `/api/leaderboards/${job.result.leaderboardId}` })
    ).json();
    expect(lb.positiveClass).toBe('Remote');
    const linear = lb.rows.find((r) => r.family === 'linear');
    const knn = lb.rows.find((r) => r.family === 'knn');
    expect(linear?.params).toEqual({ classWeight: 'balanced' });
    expect(knn?.params).toEqual({});
    expect(knn?.notes.join(' ')).toMatch(/knn has no class weights/);
    expect(linear?.threshold?.goal).toEqual(request.imbalance.threshold);
    const at = linear?.threshold?.curve.find((p) => p.threshold === linear.threshold?.threshold);
    expect(at?.precision).toBeGreaterThanOrEqual(0.2);
    // Every training row is validated exactly once, unresampled: the counts at threshold 0 are the class sizes.
    const zero = linear?.threshold?.curve[0];
    expect((zero?.tp ?? 0) + (zero?.fp ?? 0)).toBe(lb.split.nTrain);

    // Fold by fold: fit on the undersampled fit rows, score the validation rows as they are — the same numbers.
    const { prepared, plan, metrics } = await prepareModelling(app.datasets, {
      ...request,
      datasetId: so.id,
    });
    const X = new Frame(prepared.input.features).take(plan.rows.keep);
    const codes = plan.rows.y as Int32Array;
    const y: Labels = { codes, levels: plan.rows.classes as string[] };
    const make = () =>
      makeTabularModel({
        task: 'classification',
        family: 'linear',
        features: featureSpecs(prepared.input.features),
        params: { classWeight: 'balanced' },
        randomState: 9,
      });
    plan.folds.forEach((fold, f) => {
      const fit = resampleRows(
        Int32Array.from(fold.train, (p) => plan.train[p]),
        codes,
        'undersample',
        9,
      );
      const validation = Int32Array.from(fold.test, (p) => plan.train[p]);
      const expected = runFold(make, X, y, { train: fit, test: validation }, { scoring: metrics });
      for (const m of metrics)
        expect(linear?.metrics[m].folds[f], `${m} fold ${f}`).toBe(expected.testScores[m]);
    });
  });

  it('refuses imbalance settings on a regression target', async () => {
    const boston = (await upload(app, join(TABULAR, 'boston.csv'))).json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/jobs/leaderboard',
      payload: { datasetId: boston.id, target: 'cmedv', imbalance: { resample: 'oversample' } },
    });
    expect(res.json().code).toBe('BAD_IMBALANCE');
    const nb = await app.inject({
      method: 'POST',
      url: '/api/jobs/leaderboard',
      payload: { datasetId: boston.id, target: 'cmedv', families: ['nb'] },
    });
    expect(nb.json().code).toBe('FAMILY_NOT_APPLICABLE');
  });
});
