import { describe, expect, it } from 'vitest';
import { toCsv } from '../predict/safe-csv';
import type { PredictionResult } from '../predict/service';
import { batchCsv } from './batch';

describe('batchCsv', () => {
  it('writes exactly what toCsv writes for the same rows with a row_id column first', () => {
    const rows = [
      ['=SUM(A1)', 41, null, 'say "hi"', Number.NaN, true, 'No', 0.25],
      ['+1', -5, 'x,y', '@home', Number.POSITIVE_INFINITY, false, 'Yes', 1e-12],
      ['', 0, undefined, '\tTab', 1.5, null, null, null],
    ];
    const result = {
      columns: ['name', 'n', 'note', 'quote', 'bad', 'flag', 'predicted_y', 'proba_Yes'],
      rows,
    } as unknown as PredictionResult;
    const ids = ['a', 'b', 'c'];
    expect(batchCsv(result, ids)).toBe(
      toCsv(
        ['row_id', ...result.columns],
        rows.map((r, i) => [ids[i], ...r]),
      ),
    );
  });

  it('writes only the header for no rows', () => {
    const result = { columns: ['a'], rows: [] } as unknown as PredictionResult;
    expect(batchCsv(result, [])).toBe('"row_id","a"\r\n');
  });
});
