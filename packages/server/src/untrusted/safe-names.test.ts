import { describe, expect, it } from 'vitest';
import { safeColumnNames } from './safe-names';

describe('safeColumnNames', () => {
  it('renames the names that change a plain object, and records each rename', () => {
    const { names, renames } = safeColumnNames(['__proto__', 'constructor', 'prototype', 'x']);
    expect(names).toEqual(['proto_column', 'constructor_column', 'prototype_column', 'x']);
    expect(renames.map((r) => r.from)).toEqual(['__proto__', 'constructor', 'prototype']);
    const row: Record<string, number> = {};
    for (const name of names) row[name] = 1;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('keeps the renamed names unique against the file’s own names', () => {
    expect(safeColumnNames(['__proto__', 'proto_column', '']).names).toEqual([
      'proto_column',
      'proto_column_2',
      'column_3',
    ]);
  });
});
