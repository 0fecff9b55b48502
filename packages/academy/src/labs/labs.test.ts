import { describe, expect, it } from 'vitest';
import { LAB_GENERATORS } from '../index';
import type { Cell, LabColumnType } from './types';

/** What a cell of each declared column type may hold (null = missing is always allowed). */
const FITS: Record<LabColumnType, (v: Cell) => boolean> = {
  numeric: (v) => typeof v === 'number' && Number.isFinite(v),
  categorical: (v) => typeof v === 'string' && v.length > 0,
  boolean: (v) => typeof v === 'boolean',
  datetime: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/.test(v),
  text: (v) => typeof v === 'string',
  identifier: (v) => typeof v === 'string' && v.length > 0,
};

describe('every lab data set', () => {
  for (const [name, generate] of Object.entries(LAB_GENERATORS)) {
    it(`${name}: rows match the declared columns and types, the row key is unique, problems name real columns`, () => {
      const data = generate(1);
      expect(data.name).toBe(name);
      const names = data.columns.map((c) => c.name);
      expect(names).toContain(data.target);
      for (const row of data.rows) expect(Object.keys(row).sort()).toEqual([...names].sort());
      for (const column of data.columns) {
        expect(column.description.length).toBeGreaterThan(5);
        const bad = data.rows.filter((r) => r[column.name] !== null && !FITS[column.type](r[column.name]));
        expect(bad.slice(0, 3), `${name}.${column.name}`).toEqual([]);
      }
      // A leading identifier column is the row key (transaction, customer, house); others, like a card holder, repeat.
      const key = data.columns[0];
      if (key.type === 'identifier')
        expect(new Set(data.rows.map((r) => r[key.name])).size).toBe(data.rows.length);
      for (const problem of data.problems) {
        for (const c of problem.columns) expect(names).toContain(c);
        for (const i of problem.rows ?? []) expect(i).toBeLessThan(data.rows.length);
      }
    });
  }

  it('shrinks with options.rows', () => {
    expect(LAB_GENERATORS.churn(1, { rows: 200 }).rows).toHaveLength(200);
    expect(LAB_GENERATORS['house-prices'](1, { rows: 300 }).rows).toHaveLength(300);
    expect(LAB_GENERATORS['payment-fraud'](1, { rows: 2000 }).rows).toHaveLength(2000);
    const oneStore = LAB_GENERATORS['retail-demand'](1, { rows: 1 });
    expect(new Set(oneStore.rows.map((r) => r.store_id)).size).toBe(1);
  });
});
