import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createPool } from '../jobs/pool';
import { isModelFile } from '../models/model-file';
import { toCsv } from '../predict/safe-csv';
import { predictFile } from '../predict/service';
import { Store } from '../store/db';
import type { PredictOutput } from '../training/types';
import { UsageError } from './main';

export async function predictCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      raw: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      threads: { type: 'string' },
    },
  });
  if (positionals.length !== 2) throw new UsageError('predict takes a model file and a data file.');
  const [modelPath, dataPath] = positionals;
  let model: unknown;
  try {
    model = JSON.parse(await readFile(modelPath, 'utf8'));
  } catch (err) {
    throw new UsageError(`${modelPath} is not a readable JSON model file (${(err as Error).message}).`);
  }
  if (!isModelFile(model))
    throw new UsageError(`${modelPath} is not a Quarry model file (format quarry-model-file, version 1).`);

  const scratch = await Store.memory();
  const tmp = await mkdtemp(`${tmpdir()}/quarry-predict-`);
  const pool = createPool(values.threads === undefined ? 1 : Number(values.threads));
  try {
    const result = await predictFile(
      model,
      { path: dataPath, fileName: basename(dataPath) },
      {
        tmpDir: tmp,
        scratch,
        runPredict: async (input) => (await pool.run(input)) as PredictOutput,
      },
    );
    for (const issue of result.issues) {
      if (issue.severity !== 'info')
        process.stderr.write(`quarry: ${issue.severity}: ${issue.column}: ${issue.message}\n`);
    }
    const csv = toCsv(result.columns, result.rows, values.raw);
    if (values.out !== undefined) await writeFile(values.out, csv);
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ n_rows: result.nRows, columns: result.columns, out: values.out ?? null, issues: result.issues })}\n`,
      );
    } else if (values.out === undefined) process.stdout.write(csv);
    else process.stdout.write(`Wrote ${result.nRows} predictions to ${values.out}\n`);
    return 0;
  } finally {
    await pool.destroy();
    scratch.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
