import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import type { LabColumn } from './types';

const columns: LabColumn[] = [
  { name: 'name', type: 'text', description: '' },
  { name: 'value', type: 'numeric', description: '' },
  { name: 'flag', type: 'boolean', description: '' },
];

describe('toCsv', () => {
  it('quotes by RFC 4180 and writes missing values as empty cells', () => {
    const csv = toCsv({
      columns,
      rows: [
        { name: 'plain', value: 1.5, flag: true },
        { name: 'a, "quoted"\nline', value: null, flag: false },
        { name: null, value: Number.NaN },
      ],
    });
    expect(csv).toBe('name,value,flag\r\nplain,1.5,true\r\n"a, ""quoted""\nline",,false\r\n,,\r\n');
  });

  it('quotes a header that needs it', () => {
    const csv = toCsv({
      columns: [{ name: 'price, usd', type: 'numeric', description: '' }],
      rows: [{ 'price, usd': 3 }],
    });
    expect(csv).toBe('"price, usd"\r\n3\r\n');
  });
});
