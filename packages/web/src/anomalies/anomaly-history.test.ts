import { describe, expect, it } from 'vitest';
import { defaultRun } from './anomaly-history';
import type { AnomalyRunSummary } from './types';

const run = (id: string, datasetId: string): AnomalyRunSummary => ({
  id,
  datasetId,
  datasetName: datasetId,
  createdAt: '2026-11-27T10:00:00.000Z',
  contamination: 0.05,
  seed: 42,
  columns: ['amount'],
  nRows: 600,
  nAnalysed: 600,
  nFlagged: 30,
  detectors: [],
  nMarked: 0,
});

describe('the run the Anomalies page opens', () => {
  // Newest first, as GET /api/anomalies lists them.
  const runs = [run('r3', 'orders'), run('r2', 'payments'), run('r1', 'payments')];

  it('is the newest run, or the newest on the data set the page was opened for', () => {
    expect(defaultRun(runs)?.id).toBe('r3');
    expect(defaultRun(runs, 'payments')?.id).toBe('r2');
    // A data set without runs yet: no result under its form (the list still offers the others).
    expect(defaultRun(runs, 'fresh')).toBeUndefined();
  });

  it('is none while the list loads or when nothing ran', () => {
    expect(defaultRun(undefined)).toBeUndefined();
    expect(defaultRun([], 'orders')).toBeUndefined();
  });
});
