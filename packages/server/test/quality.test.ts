import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetService } from '../src/datasets/service';
import { createPool, poolRunner } from '../src/jobs/pool';
import { Store } from '../src/store/db';
import { prepareTraining } from '../src/training/prepare';
import { runTraining } from '../src/training/run-training';
import { TABULAR, tempDir } from './helpers';

/**
 * Issue [B]'s quality bar for `--model auto`, on the 8 reference sets and their fixed splits, against the
 * peers' holdout scores in reference-peers.jsonl (scikit-learn 1.2.1 and XGBoost 1.7.4, measured by the data's
 * authors): within 0.01 AUC (+3% RMSE) of scikit-learn's HGB on every set, and within 0.002 AUC (+0.5% RMSE) of
 * the best of the four peers on at least 6 of 8. Multiclass sets compare one-vs-rest ROC AUC.
 */
const specs = JSON.parse(readFileSync(join(TABULAR, 'specs.json'), 'utf8')) as Record<
  string,
  { target: string }
>;
const peers = readFileSync(join(TABULAR, 'reference-peers.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, number | string>);

const pool = createPool(null);
afterAll(async () => pool.destroy());

/** Larger is better: AUC, or −RMSE. */
const score = (m: Record<string, number | string | undefined>) =>
  m.rmse !== undefined ? -Number(m.rmse) : Number(m.roc_auc ?? m.roc_auc_ovr);

async function trainAuto(name: string) {
  const store = await Store.memory();
  try {
    const datasets = new DatasetService(store, tempDir());
    const path = join(TABULAR, `${name}.csv`);
    const dataset = await datasets.createFromFile({
      path,
      fileName: `${name}.csv`,
      sizeBytes: statSync(path).size,
    });
    const testRows = JSON.parse(readFileSync(join(TABULAR, 'splits', `${name}.json`), 'utf8'))
      .test as number[];
    const prepared = await prepareTraining(datasets, {
      datasetId: dataset.id,
      target: specs[name].target,
      model: 'auto',
      seed: 42,
      testRows,
    });
    return await runTraining(poolRunner(pool), prepared.input, { progress: () => undefined });
  } finally {
    store.close();
  }
}

describe('auto mode against the reference peers', () => {
  it('reaches scikit-learn HGB on all 8 sets and the best peer on at least 6', async () => {
    const rows: string[] = [];
    let nearBest = 0;
    for (const name of Object.keys(specs)) {
      const output = await trainAuto(name);
      const ours = score(output.metrics);
      const mine = peers.filter((p) => p.dataset === name);
      const hgb = score(mine.find((p) => p.model === 'sklearn_hgb') as Record<string, number>);
      const best = Math.max(...mine.map((p) => score(p)));
      const regression = output.metrics.rmse !== undefined;
      // RMSE is compared as a ratio (+3%, +0.5%); AUC as a difference (−0.01, −0.002).
      const reachesHgb = regression ? -ours <= -hgb * 1.03 : ours >= hgb - 0.01;
      const reachesBest = regression ? -ours <= -best * 1.005 : ours >= best - 0.002;
      if (reachesBest) nearBest++;
      rows.push(
        `${name} ${output.family} ours=${Math.abs(ours).toFixed(4)} hgb=${Math.abs(hgb).toFixed(4)} best=${Math.abs(best).toFixed(4)}`,
      );
      expect(reachesHgb, rows.join('\n')).toBe(true);
    }
    expect(nearBest, rows.join('\n')).toBeGreaterThanOrEqual(6);
  }, 300_000);
});
