import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetService } from '../datasets/service';
import { createPool, poolRunner } from '../jobs/pool';
import { buildModelFile } from '../models/service';
import { writeFileAtomic } from '../store/atomic-file';
import { Store } from '../store/db';
import { prepareTraining } from '../training/prepare';
import { runTraining } from '../training/run-training';
import { FAMILIES, type Family } from '../training/types';
import { cliLeaderboard } from './leaderboard';
import { UsageError } from './main';

export async function trainCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      task: { type: 'string', default: 'auto' },
      model: { type: 'string', default: 'auto' },
      params: { type: 'string' },
      'test-rows': { type: 'string' },
      seed: { type: 'string', default: '42' },
      threads: { type: 'string' },
      out: { type: 'string' },
      cv: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1)
    throw new UsageError('train takes exactly one data file.');
  if (values.target === undefined) throw new UsageError('--target <column> is required.');
  if (!['auto', 'classification', 'regression'].includes(values.task)) {
    throw new UsageError(`--task must be auto, classification or regression (got '${values.task}').`);
  }
  if (!(FAMILIES as readonly string[]).includes(values.model)) {
    throw new UsageError(`--model must be one of ${FAMILIES.join(', ')} (got '${values.model}').`);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    throw new UsageError(`--seed must be a whole number ≥ 0 (got '${values.seed}').`);
  const threads = values.threads === undefined ? null : Number(values.threads);
  if (threads !== null && (!Number.isInteger(threads) || threads < 1))
    throw new UsageError('--threads must be a whole number ≥ 1.');
  const params = parseJson<Record<string, unknown>>(
    values.params,
    '--params',
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  );
  const testRows = values['test-rows'] === undefined ? null : await readTestRows(values['test-rows']);
  const cv = values.cv === undefined ? null : Number(values.cv);
  if (cv !== null && !(Number.isInteger(cv) && cv >= 2 && cv <= 20))
    throw new UsageError(`--cv must be a whole number of folds from 2 to 20 (got '${values.cv}').`);

  const store = await Store.memory();
  const tmp = await mkdtemp(`${tmpdir()}/quarry-train-`);
  const pool = createPool(threads);
  try {
    const datasets = new DatasetService(store, tmp);
    const size = (await stat(file)).size;
    const dataset = await datasets.createFromFile({ path: file, fileName: basename(file), sizeBytes: size });
    const prepared = await prepareTraining(datasets, {
      datasetId: dataset.id,
      target: values.target,
      task: values.task as 'auto',
      model: values.model as Family,
      params: params ?? {},
      seed,
      testRows,
    });
    const output = await runTraining(poolRunner(pool), prepared.input, {
      progress: (fraction, message) => {
        if (!values.json) process.stderr.write(`[${Math.round(fraction * 100)}%] ${message}\n`);
      },
    });
    if (output.droppedRows > 0) {
      process.stderr.write(
        `quarry: warning: ${output.droppedRows} rows with a missing target were dropped.\n`,
      );
    }
    if (values.out !== undefined) {
      const name = basename(file).replace(/\.[^.]+$/, '');
      await writeFileAtomic(
        values.out,
        JSON.stringify(buildModelFile(prepared, output, `${name}-${values.target}`)),
      );
    }
    const summary = {
      task: prepared.input.task,
      model: output.family,
      n_train: output.nTrain,
      n_test: output.nTest,
      fit_seconds: output.fitSeconds,
      metrics: output.metrics,
    };
    const board =
      cv === null
        ? null
        : await cliLeaderboard(datasets, poolRunner(pool), {
            datasetId: dataset.id,
            target: values.target,
            task: values.task as 'auto',
            seed,
            testRows,
            k: cv,
            quiet: values.json,
          });
    if (values.json)
      process.stdout.write(
        `${JSON.stringify(board === null ? summary : { ...summary, leaderboard: board.json })}\n`,
      );
    else {
      process.stdout.write(
        `${prepared.taskReason}\nModel: ${output.family}  (train ${output.nTrain} rows, holdout ${output.nTest} rows, ${output.fitSeconds.toFixed(2)} s)\n`,
      );
      for (const [k, v] of Object.entries(output.metrics))
        process.stdout.write(`  ${k.padEnd(18)} ${Number(v).toFixed(4)}\n`);
      if (board !== null) process.stdout.write(board.text);
      if (values.out !== undefined) process.stdout.write(`Saved to ${values.out}\n`);
    }
    return 0;
  } finally {
    await pool.destroy();
    store.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

export function parseJson<T>(
  text: string | undefined,
  flag: string,
  ok: (v: unknown) => boolean,
): T | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${flag} must be JSON, e.g. ${flag} '{"maxDepth": 6}'.`);
  }
  if (!ok(value)) throw new UsageError(`${flag} must be a JSON object.`);
  return value as T;
}

async function readTestRows(path: string): Promise<number[]> {
  const value = parseJson<{ test?: unknown }>(
    await readFile(path, 'utf8'),
    '--test-rows file',
    (v) => typeof v === 'object' && v !== null,
  );
  const rows = value?.test;
  if (!Array.isArray(rows) || !rows.every((i) => Number.isInteger(i) && i >= 0)) {
    throw new UsageError(`${path} must hold {"test": [0-based row indices]}.`);
  }
  return rows as number[];
}
