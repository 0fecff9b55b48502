import { describe, expect, it } from 'vitest';
import type { SqlTable } from '../api/types';
import { currentTables } from './tables';

const table = (name: string, version: number, isCurrent: boolean, datasetName = 'customers'): SqlTable => ({
  name,
  datasetId: `${name}-id`,
  datasetName,
  version,
  isCurrent,
  columns: [{ name: 'a', type: 'INTEGER' }],
});

describe('currentTables', () => {
  it('lists each data set once by its plain name, with the names of its versions in order', () => {
    const tables = [
      table('customers_v2', 2, true),
      table('customers', 2, true),
      table('customers_v1', 1, false),
      table('customers_2', 1, true, 'Customers'),
      table('customers_2_v1', 1, true, 'Customers'),
      table('x_v2', 1, true, 'x v2'),
      table('x_v2_v1', 1, true, 'x v2'),
    ];
    expect(currentTables(tables).map((t) => [t.table.name, t.versions])).toEqual([
      ['customers', ['customers_v1', 'customers_v2']],
      ['customers_2', ['customers_2_v1']],
      ['x_v2', ['x_v2_v1']],
    ]);
  });
});
