import { describe, expect, it } from 'vitest';
import type { SchemaColumn } from '../training/types';
import { encodeRows, type JsonRow } from './encode-rows';

const schema = [
  { name: 'age', type: 'numeric' },
  { name: 'dept', type: 'categorical', categories: ['HR', 'Sales'] },
  { name: 'note', type: 'text' },
] as SchemaColumn[];

/** The rows as a request body arrives: parsed from JSON, so every row is a fresh plain object. */
const parsed = (rows: unknown[]) => JSON.parse(JSON.stringify(rows)) as JsonRow[];

describe('encodeRows', () => {
  it('encodes numbers, categories (unseen ones after the training levels) and free text', () => {
    const rows = parsed([
      { age: 30, dept: 'Sales', note: 'late', extra: 'ignored' },
      { age: '41 ', dept: ' HR ', note: null },
      { age: null, dept: 'R&D', note: '' },
      { age: true, dept: null, note: 'late' },
      { age: '', dept: 'R&D', note: 'early' },
    ]);
    const [age, dept, note] = encodeRows(rows, schema);
    expect(age).toEqual({
      name: 'age',
      kind: 'numeric',
      values: Float64Array.from([30, 41, Number.NaN, 1, Number.NaN]),
    });
    expect(dept).toEqual({
      name: 'dept',
      kind: 'categorical',
      codes: Int32Array.from([1, 0, 2, -1, 2]),
      levels: ['HR', 'Sales', 'R&D'],
    });
    expect(note).toEqual({
      name: 'note',
      kind: 'categorical',
      codes: Int32Array.from([0, -1, -1, 0, 1]),
      levels: ['late', 'early'],
      text: true,
    });
  });

  it('reads rows whose keys come in different orders or with extra keys the same way', () => {
    const ordered = parsed([
      { age: 1, dept: 'HR', note: 'a' },
      { age: 2, dept: 'Sales', note: 'b' },
    ]);
    const shuffled = parsed([
      { note: 'a', x: 0, dept: 'HR', age: 1 },
      { dept: 'Sales', age: 2, note: 'b' },
    ]);
    expect(encodeRows(shuffled, schema)).toEqual(encodeRows(ordered, schema));
  });

  it('names the first row that lacks a feature and the first row with text where a number belongs', () => {
    const rows = parsed([
      { age: 1, dept: 'HR', note: 'a' },
      { age: 'ten', dept: 'HR', note: 'a' },
      { age: 3, note: 'a' },
    ]);
    let caught: { statusCode?: number; code?: string; message?: string } = {};
    try {
      encodeRows(rows, schema);
    } catch (err) {
      caught = err as typeof caught;
    }
    expect(caught.statusCode).toBe(422);
    expect(caught.code).toBe('SCHEMA_MISMATCH');
    expect(caught.message).toContain("Row 2 has no 'dept'");
    expect(caught.message).toContain('\'age\' is numeric but row 1 has "ten"');
  });

  it('does not take inherited keys for features', () => {
    const inherited = Object.create({ dept: 'HR' }) as JsonRow;
    Object.assign(inherited, { age: 5, note: 'x' });
    expect(() => encodeRows([inherited], schema)).toThrow(/Row 0 has no 'dept'/);
  });
});
