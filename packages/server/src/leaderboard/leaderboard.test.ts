import { join } from 'node:path';
import {
  crossValidate,
  Frame,
  type Labels,
  makeTabularModel,
  runFold,
  StratifiedKFold,
  trainTestSplit,
} from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABULAR, testApp, upload, waitForJob } from '../../test/helpers';
import { familyParams, type LeaderboardFamily } from '../modelling/families';
import { featureSpecs, prepareTarget } from '../training/split';
import type { Leaderboard } from './types';

let app: FastifyInstance;
let sonar: { id: string };
beforeAll(async () => {
  app = await testApp();
  sonar = (await upload(app, join(TABULAR, 'sonar.csv'))).json();
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

async function runLeaderboard(body: object): Promise<Leaderboard> {
  const res = await post('/api/jobs/leaderboard', body);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().kind).toBe('leaderboard');
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  const lb = await app.inject({ url: `/api/leaderboards/${job.result.leaderboardId}` });
  expect(lb.statusCode).toBe(200);
  return lb.json();
}

/** A leaderboard with the run-dependent parts (ids, times) taken out. */
const stable = (lb: Leaderboard) => ({
  ...lb,
  id: undefined,
  createdAt: undefined,
  rows: lb.rows.map((r) => ({ ...r, fitSeconds: undefined })),
});

describe('leaderboard', () => {
  const request = {
    datasetId: '',
    target: 'Class',
    families: ['linear', 'tree'],
    cv: { strategy: 'stratified', k: 5 },
    seed: 11,
    testSize: 0.25,
  };
  let first: Leaderboard;

  it('has a dummy baseline row, mean ± std per metric, fold scores, holdout scores, fit times and flags', async () => {
    first = await runLeaderboard({ ...request, datasetId: sonar.id });
    expect(first.rows.map((r) => r.family).sort()).toEqual(['dummy', 'linear', 'tree']);
    expect(first.metric).toBe('roc_auc');
    expect(first.positiveClass).toBe('R');
    expect(first.split).toMatchObject({ strategy: 'stratified', nTrain: 156, nTest: 52 });
    expect(first.cv.folds.reduce((s, f) => s + f.nValidation, 0)).toBe(156);
    for (const row of first.rows) {
      expect(row.status).toBe('ok');
      expect(row.metrics.roc_auc.folds).toHaveLength(5);
      expect(row.metrics.neg_log_loss.mean).toBeLessThan(0);
      expect(row.holdout.roc_auc).toBeTypeOf('number');
      expect(row.fitSeconds.total).toBeGreaterThanOrEqual(0);
      expect(row.threshold?.curve).toHaveLength(101);
      expect(row.calibration?.brier).toBeGreaterThan(0);
    }
    const dummy = first.rows.find((r) => r.family === 'dummy');
    const linear = first.rows.find((r) => r.family === 'linear');
    expect(dummy?.flags.isBaseline).toBe(true);
    expect(dummy?.metrics.roc_auc.mean).toBe(0.5);
    expect(dummy?.vsBaseline).toBeNull();
    // A real model beats the class-prior baseline on sonar, significantly.
    expect(linear?.vsBaseline?.better).toBe(true);
    expect(linear?.vsBaseline?.pValue).toBeLessThan(0.05);
    expect(linear?.flags.notBetterThanBaseline).toBe(false);
    expect(first.rows[0].flags.isLeader).toBe(true);
    expect(first.rows[0].family).toBe(first.leader);
    expect(first.rows.at(-1)?.family).toBe('dummy');
    expect(dummy?.flags.tiedWithLeader).toBe(false);
  });

  it("equals the ML library's crossValidate on the same folds, and its holdout fit", async () => {
    const [features, target] = await Promise.all([
      app.datasets.columnData(sonar.id, [...Array.from({ length: 60 }, (_, i) => `V${i + 1}`)]),
      app.datasets.columnData(sonar.id, ['Class']).then((c) => c[0]),
    ]);
    // The same rows and folds, built here from the ML library directly.
    const rows = prepareTarget(target, 'classification');
    const codes = rows.y as Int32Array;
    const { train, test } = trainTestSplit(rows.keep.length, {
      testSize: 0.25,
      stratify: codes,
      randomState: 11,
    });
    const yTrain = Int32Array.from(train, (k) => codes[k]);
    const folds = new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 11 }).split(
      train.length,
      yTrain,
    );
    const X = new Frame(features).take(rows.keep);
    const levels = rows.classes as string[];
    const y: Labels = { codes, levels };
    for (const family of ['dummy', 'linear', 'tree'] as LeaderboardFamily[]) {
      const make = () =>
        makeTabularModel({
          task: 'classification',
          family,
          features: featureSpecs(features),
          params: familyParams(family, null).params,
          randomState: 11,
        });
      const cv = crossValidate(make, X.take(train), { codes: yTrain, levels }, folds, {
        scoring: first.metrics,
      });
      const row = first.rows.find((r) => r.family === family);
      for (const metric of first.metrics) {
        const expected = Array.from(cv.testScores[metric]);
        expect(row?.metrics[metric].folds, `${family} ${metric}`).toEqual(expected);
        expect(row?.metrics[metric].mean).toBeCloseTo(
          expected.reduce((a, b) => a + b, 0) / expected.length,
          12,
        );
      }
      const holdout = runFold(make, X, y, { train, test }, { scoring: first.metrics });
      for (const metric of first.metrics) expect(row?.holdout[metric]).toBe(holdout.testScores[metric]);
    }
  });

  it('gives the same leaderboard for the same seed, and another for another seed', async () => {
    const again = await runLeaderboard({ ...request, datasetId: sonar.id });
    expect(stable(again)).toEqual(stable(first));
    const other = await runLeaderboard({ ...request, datasetId: sonar.id, seed: 12 });
    expect(stable(other).rows).not.toEqual(stable(first).rows);
  });

  it('refuses what cannot apply, with a code, before any job exists', async () => {
    const bad = async (body: object, code: string) => {
      const res = await post('/api/jobs/leaderboard', { datasetId: sonar.id, target: 'Class', ...body });
      expect(res.json().code, res.body).toBe(code);
    };
    await bad({ cv: { strategy: 'stratified', k: 200 } }, 'VALIDATION_FAILED');
    await bad({ cv: { strategy: 'time', k: 3, timeColumn: 'Class' } }, 'BAD_CV');
    await bad({ cv: { strategy: 'group', k: 3 } }, 'VALIDATION_FAILED');
    await bad({ cv: { strategy: 'group', k: 3, groupColumn: 'Nope' } }, 'BAD_CV');
    await bad({ metric: 'r2' }, 'BAD_METRIC');
    await bad({ families: ['forest'], seed: -1 }, 'VALIDATION_FAILED');
    await bad({ task: 'regression' }, 'BAD_TARGET');
  });
});
