import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { sheetParts, workbook, workbookEntries, zip } from '../../test/hostile/zip-writer';
import { parseLimits } from './limits';
import { preflightXlsx } from './zip-preflight';

const limits = parseLimits();
const dir = tempDir();
let n = 0;
const file = (content: Buffer): string => {
  const path = join(dir, `${n++}.xlsx`);
  writeFileSync(path, content);
  return path;
};
const refusal = async (content: Buffer): Promise<string> => {
  try {
    await preflightXlsx(file(content), 'book.xlsx', limits);
  } catch (err) {
    expect((err as { code: string }).code).toBe('UNREADABLE_FILE');
    return (err as Error).message;
  }
  throw new Error('not refused');
};

describe('preflightXlsx', () => {
  it('passes a workbook written by exceljs and one written by hand', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('S').addRows([
      ['a', 'b'],
      [1, 'x'],
    ]);
    const path = join(dir, 'real.xlsx');
    await book.xlsx.writeFile(path);
    await expect(preflightXlsx(path, 'real.xlsx', limits)).resolves.toBeUndefined();
    await expect(
      preflightXlsx(file(zip(workbook([['a'], ['1']]))), 'b.xlsx', limits),
    ).resolves.toBeUndefined();
  });

  it('refuses a declared expansion over the ratio, and a lie about it while inflating', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 0x41);
    const entries = workbook([['a'], ['1']]);
    const bomb = [...entries.slice(0, -1), { name: 'xl/worksheets/sheet1.xml', data: big }];
    expect(await refusal(zip(bomb))).toMatch(/expands more than 100:1/);
    const liar = [
      ...entries.slice(0, -1),
      { name: 'xl/worksheets/sheet1.xml', data: big, declaredSize: 1000 },
    ];
    expect(await refusal(zip(liar))).toMatch(/inflates to more than the 1000 bytes it declares/);
  });

  it('refuses too many entries, unsafe names, encryption, DTDs and UTF-16 XML', async () => {
    const entries = workbook([['a'], ['1']]);
    const many = Array.from({ length: limits.maxZipEntries + 1 }, (_, i) => ({
      name: `m/${i}`,
      data: Buffer.alloc(0),
      stored: true,
    }));
    expect(await refusal(zip(many))).toMatch(/entries; the limit is 10000/);
    expect(await refusal(zip([...entries, { name: 'a/../../x', data: Buffer.from('x') }]))).toMatch(
      /unsafe path/,
    );
    expect(await refusal(zip([...entries, { name: 'C:/x', data: Buffer.from('x') }]))).toMatch(/unsafe path/);
    expect(await refusal(zip(entries.map((e) => ({ ...e, encrypted: true }))))).toMatch(/encrypted/);
    const dtd = workbookEntries(sheetParts([['a']], '<!DOCTYPE x [<!ENTITY e "e">]>').sheet);
    expect(await refusal(zip(dtd))).toMatch(/declares a DTD/);
    const utf16 = [
      ...entries.slice(0, -1),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.from(`\ufeff${sheetParts([['a']]).sheet}`, 'utf16le'),
      },
    ];
    expect(await refusal(zip(utf16))).toMatch(/UTF-16/);
  });

  it('refuses truncated archives and a ZIP64 count', async () => {
    const whole = zip(workbook([['a'], ['1']]));
    expect(await refusal(whole.subarray(0, whole.length >> 1))).toMatch(/truncated or damaged/);
    expect(await refusal(zip(workbook([['a']]), { eocdCount: 0xffff }))).toMatch(/ZIP64/);
  });
});
