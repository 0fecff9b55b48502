/**
 * The Excel part of the hostile-file corpus (make-corpus.ts): truncated and disguised workbooks, zip bombs and
 * zip-slip names, entity expansion, and a sheet with a `__proto__` column.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AddFile, deflateRepeated, MiB, UNREADABLE, validXlsx } from './corpus-writers';
import { sheetParts, workbook, workbookEntries, zip } from './zip-writer';

export async function addExcelFiles(dir: string, add: AddFile): Promise<void> {
  const valid = join(dir, 'valid.xlsx.tmp');
  await validXlsx(valid, [['a', 'b'], ...Array.from({ length: 200 }, (_, i) => [i, `row ${i}`])]);
  const xlsx = await readFile(valid);
  await add('truncated.xlsx', 'a valid workbook cut at 50 %', UNREADABLE, xlsx.subarray(0, xlsx.length >> 1));
  await add(
    'truncated-tail.xlsx',
    'a valid workbook missing its last 10 bytes',
    UNREADABLE,
    xlsx.subarray(0, xlsx.length - 10),
  );
  const cfb = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
  await add('old-xls.xlsx', 'an OLE2/CFB file (.xls) renamed .xlsx', UNREADABLE, cfb);
  const encrypted = Buffer.from(cfb);
  Buffer.from('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0', 'latin1').copy(encrypted, 1024);
  await add(
    'password-protected.xlsx',
    'an encrypted workbook (CFB with EncryptedPackage)',
    UNREADABLE,
    encrypted,
  );
  const entries = workbook([['a'], ['1']]);
  await add(
    'encrypted-entry.xlsx',
    'a zip entry with the encrypted flag',
    UNREADABLE,
    zip(entries.map((e) => ({ ...e, encrypted: true }))),
  );
  await add('csv-as.xlsx', 'a CSV named .xlsx', UNREADABLE, 'a,b\n1,2\n');
  await add('empty-zip.xlsx', 'a zip with no entries', ['EMPTY_FILE', ...UNREADABLE], zip([]));
  await add(
    'not-a-workbook.xlsx',
    'a zip holding a text file, no workbook',
    ['EMPTY_FILE', ...UNREADABLE],
    zip([{ name: 'readme.txt', data: Buffer.from('hello') }]),
  );
  const bomb = await deflateRepeated(0x41, 200 * MiB);
  await add(
    'zip-bomb.xlsx',
    'a sheet declaring 200 MiB from a few hundred KiB (≈1000:1)',
    UNREADABLE,
    zip([
      ...entries.slice(0, -1),
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: bomb, declaredSize: 200 * MiB },
    ]),
  );
  await add(
    'lying-zip-bomb.xlsx',
    'a sheet declaring 1 KiB that inflates to 200 MiB',
    UNREADABLE,
    zip([
      ...entries.slice(0, -1),
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: bomb, declaredSize: 1024 },
    ]),
  );
  const many = Array.from({ length: 20_000 }, (_, i) => ({
    name: `xl/media/f${i}.bin`,
    data: Buffer.alloc(1),
    stored: true,
  }));
  await add('20k-entries.xlsx', '20 000 zip entries', UNREADABLE, zip([...entries, ...many]));
  const manyMore = Array.from({ length: 100_000 }, (_, i) => ({
    name: `m/${i}`,
    data: Buffer.alloc(0),
    stored: true,
  }));
  await add(
    '100k-entries.xlsx',
    '100 000 zip entries (the count overflows to ZIP64)',
    UNREADABLE,
    zip([...entries, ...manyMore], { eocdCount: 0xffff }),
  );
  const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;
  await add(
    'billion-laughs.xlsx',
    'sharedStrings.xml with nested entities (billion laughs)',
    UNREADABLE,
    zip(
      workbookEntries(
        sheetParts([['a'], ['1']]).sheet,
        `<?xml version="1.0"?>${laughs}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`,
      ),
    ),
  );
  await add(
    'xxe.xlsx',
    'a sheet with an external entity reading /etc/passwd',
    UNREADABLE,
    zip(
      workbookEntries(
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`,
      ),
    ),
  );
  await add(
    'zip-slip.xlsx',
    'an entry named ../../evil.xml',
    UNREADABLE,
    zip([...entries, { name: '../../evil.xml', data: Buffer.from('<x/>') }]),
  );
  await add(
    'absolute-entry.xlsx',
    'an entry named /etc/cron.d/x',
    UNREADABLE,
    zip([...entries, { name: '/etc/cron.d/x', data: Buffer.from('x') }]),
  );
  await add(
    'utf16-xml.xlsx',
    'a sheet in UTF-16 XML (hides a DTD from a byte scan)',
    UNREADABLE,
    zip([
      ...entries.slice(0, -1),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(sheetParts([['a'], ['1']]).sheet, 'utf16le'),
        ]),
      },
    ]),
  );
  await add(
    '3000-columns.xlsx',
    '3 000 columns',
    ['TOO_MANY_COLUMNS'],
    zip(workbook([Array.from({ length: 3000 }, (_, i) => `c${i}`), Array.from({ length: 3000 }, () => '1')])),
  );
  await add(
    'header-only.xlsx',
    'a header row, no data',
    ['NO_ROWS', 'EMPTY_FILE'],
    zip(workbook([['a', 'b']])),
  );
  await add(
    'proto-header.xlsx',
    'a sheet with a __proto__ column',
    'renamed',
    zip(
      workbook([
        ['__proto__', 'x'],
        ['1', '2'],
      ]),
    ),
  );
}
