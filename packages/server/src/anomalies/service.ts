import type { DatasetService } from '../datasets/service';
import { columnOrThrow } from '../datasets/summary';
import { httpError } from '../errors';
import type { Job, JobService } from '../jobs/service';
import type { Store } from '../store/db';
import { toShared } from '../training/run-training';
import type { DetectInput, DetectOutput } from './detect';
import type { AnomalyBody } from './schemas';

/** Column types the detectors can read; text, identifiers and dates are left out (and the page says why). */
const USABLE = new Set(['numeric', 'categorical', 'boolean']);

/** A finished anomaly run as stored: versioned JSON, with the request that made it. */
export interface AnomalyRun extends DetectOutput {
  version: 1;
  id: string;
  datasetId: string;
  datasetName: string;
  createdAt: string;
  request: { columns: string[]; contamination: number; seed: number };
  /** Row number → what a person marked it as. */
  labels: Record<string, 'normal' | 'anomalous'>;
}

/** Anomaly runs: validated up front (422 before any job exists), computed in the worker pool, stored as JSON. */
export class AnomalyService {
  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetService,
    private readonly jobs: JobService,
  ) {}

  async submit(body: AnomalyBody): Promise<Job> {
    const dataset = await this.datasets.get(body.datasetId);
    const names = body.columns ?? dataset.columns.filter((c) => USABLE.has(c.type)).map((c) => c.name);
    for (const name of names) {
      const info = columnOrThrow(dataset, name);
      if (!USABLE.has(info.type))
        throw httpError('BAD_ANOMALY_COLUMNS', {
          detail: `'${name}' is ${info.type}: anomaly detection reads numeric, categorical and yes/no columns. Leave it out, or change its type on the data set page.`,
        });
    }
    if (names.length === 0)
      throw httpError('BAD_ANOMALY_COLUMNS', {
        detail: `'${dataset.name}' has no numeric, categorical or yes/no column to look at.`,
      });
    const columns = await this.datasets.columnData(dataset.id, names);
    const request = { columns: names, contamination: body.contamination, seed: body.seed };
    return this.jobs.submit(
      'anomalies',
      { datasetId: dataset.id, ...request },
      async ({ id, run, signal, progress }) => {
        const input: DetectInput = {
          kind: 'anomalies',
          columns: columns.map(toShared),
          contamination: request.contamination,
          seed: request.seed,
        };
        const output = (await run(input, { signal, progress })) as DetectOutput;
        const record: AnomalyRun = {
          version: 1,
          id,
          datasetId: dataset.id,
          datasetName: dataset.name,
          createdAt: new Date().toISOString(),
          request,
          ...output,
          labels: {},
        };
        await this.store.run('INSERT INTO anomaly_runs (id, dataset_id, result) VALUES ($1, $2, $3)', [
          id,
          dataset.id,
          JSON.stringify(record),
        ]);
        const flagged = output.rows.filter((r) => r.score > output.threshold).length;
        return {
          result: { anomalyRunId: id },
          message: `Done: ${flagged} of ${output.nAnalysed} rows flagged`,
        };
      },
    );
  }

  async get(id: string): Promise<AnomalyRun> {
    const row = await this.store.one<{ result: string }>('SELECT result FROM anomaly_runs WHERE id = $1', [
      id,
    ]);
    if (row === undefined) throw httpError('ANOMALY_RUN_NOT_FOUND', { id });
    const run = JSON.parse(row.result) as AnomalyRun;
    const labels = await this.store.all<{ row_index: number; label: 'normal' | 'anomalous' }>(
      'SELECT row_index, label FROM anomaly_labels WHERE run_id = $1 ORDER BY row_index',
      [id],
    );
    return { ...run, labels: Object.fromEntries(labels.map((l) => [String(l.row_index), l.label])) };
  }

  /** The runs, newest first, each summed up so a page can offer them as a history to go back to. */
  async list(datasetId?: string) {
    const rows = await this.store.all<{ result: string; marked: number | bigint }>(
      `SELECT r.result, (SELECT count(*) FROM anomaly_labels l WHERE l.run_id = r.id) AS marked
       FROM anomaly_runs r WHERE $1::VARCHAR IS NULL OR r.dataset_id = $1::VARCHAR
       ORDER BY r.created_at DESC, r.id LIMIT 200`,
      [datasetId ?? null],
    );
    return rows.map((r) => {
      const run = JSON.parse(r.result) as AnomalyRun;
      return {
        id: run.id,
        datasetId: run.datasetId,
        datasetName: run.datasetName,
        createdAt: run.createdAt,
        contamination: run.request.contamination,
        seed: run.request.seed,
        columns: run.request.columns,
        nRows: run.nRows,
        nAnalysed: run.nAnalysed,
        nFlagged: run.rows.filter((row) => row.score > run.threshold).length,
        detectors: run.detectors,
        nMarked: Number(r.marked),
      };
    });
  }

  /**
   * Deletes a run and the marks made in it, in one transaction (a run never loses its marks but stays, nor the
   * reverse). Checked by the rows the DELETE removed, not by a read before it, so a second DELETE is a clean 404.
   */
  async remove(id: string): Promise<void> {
    const found = await this.store.transaction(async (c) => {
      const removed = await c.run('DELETE FROM anomaly_runs WHERE id = $1', [id]);
      if (Number(removed.rowsChanged) === 0) return false;
      await c.run('DELETE FROM anomaly_labels WHERE run_id = $1', [id]);
      return true;
    });
    if (!found) throw httpError('ANOMALY_RUN_NOT_FOUND', { id });
  }

  /** Marks a row (of the run's top rows) as normal or anomalous, or forgets the mark. */
  async label(id: string, row: number, label: 'normal' | 'anomalous' | null) {
    const run = await this.get(id);
    if (!run.rows.some((r) => r.row === row))
      throw httpError('BAD_ANOMALY_ROW', {
        detail: `row ${row} is not among the ${run.rows.length} rows this run lists; mark one of those.`,
      });
    if (label === null)
      await this.store.run('DELETE FROM anomaly_labels WHERE run_id = $1 AND row_index = $2', [id, row]);
    else
      await this.store.run(
        `INSERT INTO anomaly_labels (run_id, row_index, label) VALUES ($1, $2, $3)
         ON CONFLICT (run_id, row_index) DO UPDATE SET label = excluded.label, updated_at = now()`,
        [id, row, label],
      );
    return { labels: (await this.get(id)).labels };
  }
}
