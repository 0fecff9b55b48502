import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { QUARRY_BIN, startChildServer } from '../../test/child-server';
import { TABULAR, tempDir } from '../../test/helpers';

const run = promisify(execFile);
const quarry = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [QUARRY_BIN, ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('quarry CLI', () => {
  it('trains on the sonar split with --json, then predicts one row per input row', async () => {
    const out = join(tempDir(), 'sonar.model.json');
    const res = await quarry(
      'train',
      join(TABULAR, 'sonar.csv'),
      '--target',
      'Class',
      '--test-rows',
      join(TABULAR, 'splits/sonar.json'),
      '--model',
      'linear',
      '--out',
      out,
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1); // exactly one JSON object on stdout
    const summary = JSON.parse(lines[0]);
    expect(Object.keys(summary)).toEqual(['task', 'model', 'n_train', 'n_test', 'fit_seconds', 'metrics']);
    expect(summary).toMatchObject({ task: 'classification', model: 'linear', n_train: 156, n_test: 52 });
    expect(Object.keys(summary.metrics).sort()).toEqual([
      'accuracy',
      'balanced_accuracy',
      'log_loss',
      'roc_auc',
    ]);
    expect(summary.metrics.roc_auc).toBeGreaterThan(0.75);

    const csv = join(tempDir(), 'pred.csv');
    const pred = await quarry('predict', out, join(TABULAR, 'sonar.csv'), '--out', csv);
    expect(pred.code, pred.stderr).toBe(0);
    const rows = (await readFile(csv, 'utf8')).trim().split('\r\n');
    expect(rows).toHaveLength(209);
    expect(rows[0]).toContain('"predicted_Class"');
  });

  it('--cv K adds the leaderboard to --json without changing the other keys', async () => {
    const res = await quarry(
      'train',
      join(TABULAR, 'sonar.csv'),
      '--target',
      'Class',
      '--test-rows',
      join(TABULAR, 'splits/sonar.json'),
      '--model',
      'linear',
      '--cv',
      '3',
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    expect(Object.keys(summary)).toEqual([
      'task',
      'model',
      'n_train',
      'n_test',
      'fit_seconds',
      'metrics',
      'leaderboard',
    ]);
    const board = summary.leaderboard as {
      model: string;
      mean: number;
      std: number;
      folds: number[];
      holdout: number;
    }[];
    expect(board.map((r) => r.model).sort()).toEqual([
      'dummy',
      'extra_trees',
      'forest',
      'gbdt',
      'knn',
      'linear',
      'nb',
      'tree',
    ]);
    expect(board[0]).toMatchObject({ rank: 1, metric: 'roc_auc', status: 'ok' });
    expect(Object.keys(board[0])).toEqual(
      expect.arrayContaining([
        'model',
        'mean',
        'std',
        'folds',
        'holdout',
        'fit_seconds',
        'not_better_than_baseline',
      ]),
    );
    expect(board.find((r) => r.model === 'dummy')?.mean).toBe(0.5);
    expect(board.every((r) => r.folds.length === 3)).toBe(true);
    // The leaderboard's holdout refit of the trained family is the trained model.
    expect(board.find((r) => r.model === 'linear')?.holdout).toBeCloseTo(summary.metrics.roc_auc, 12);
    expect((await quarry('train', join(TABULAR, 'sonar.csv'), '--target', 'Class', '--cv', '1')).code).toBe(
      2,
    );
  });

  it('prints multiclass and regression metric keys', async () => {
    const vehicle = JSON.parse(
      (await quarry('train', join(TABULAR, 'vehicle.csv'), '--target', 'Class', '--model', 'tree', '--json'))
        .stdout,
    );
    expect(Object.keys(vehicle.metrics).sort()).toEqual([
      'accuracy',
      'balanced_accuracy',
      'log_loss',
      'roc_auc_ovr',
    ]);
    const ozone = await quarry(
      'train',
      join(TABULAR, 'ozone.csv'),
      '--target',
      'V4',
      '--json',
      '--threads',
      '1',
    );
    expect(ozone.code, ozone.stderr).toBe(0);
    expect(Object.keys(JSON.parse(ozone.stdout).metrics).sort()).toEqual(['mae', 'r2', 'rmse']);
  });

  it('drops rows with a missing target, with a warning on stderr', async () => {
    const dir = tempDir();
    const file = join(dir, 'gaps.csv');
    const lines = ['x,y'];
    for (let i = 0; i < 60; i++) lines.push(`${(i * 1.5).toFixed(1)},${i % 7 === 0 ? '' : i * 2 + (i % 3)}`);
    await import('node:fs/promises').then((fs) => fs.writeFile(file, lines.join('\n')));
    const res = await quarry('train', file, '--target', 'y', '--json');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/9 rows with a missing target were dropped/);
    const summary = JSON.parse(res.stdout);
    expect(summary.n_train + summary.n_test).toBe(51);
  });

  it('says what is wrong, with exit codes 1 and 2', async () => {
    const missing = await quarry('train', join(TABULAR, 'sonar.csv'), '--target', 'Nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Target column 'Nope' is not in data set/);
    expect(missing.stderr).toMatch(/TARGET_NOT_FOUND/);
    expect((await quarry('train', join(TABULAR, 'sonar.csv'))).code).toBe(2);
    expect((await quarry('frobnicate')).code).toBe(2);
    const help = await quarry('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/quarry train <file> --target <col>/);
  });
});

describe('quarry start off loopback', () => {
  it('generates a token, prints it once and requires it', async () => {
    const server = await startChildServer(tempDir(), { QUARRY_HOST: '0.0.0.0' });
    try {
      const token = /Access token \(shown once; the studio asks for it\): ([0-9a-f]{32})/.exec(
        server.output(),
      )?.[1];
      expect(token).toBeDefined();
      const url = server.url.replace('0.0.0.0', '127.0.0.1');
      expect((await fetch(`${url}/api/datasets`)).status).toBe(401);
      const ok = await fetch(`${url}/api/datasets`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('refuses to start with a bad config value, naming the key', async () => {
    const res = await run(process.execPath, [QUARRY_BIN, 'start', '--data-dir', tempDir()], {
      env: { ...process.env, QUARRY_PORT: 'eighty' },
    }).catch((e) => e);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/QUARRY_PORT/);
  });
});
