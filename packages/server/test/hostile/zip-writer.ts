import { deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for the hostile corpus: it writes exactly what it is told, including what a real zipper
 * never would (sizes that lie, encrypted flags, names that climb out). Test code only.
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Overrides the uncompressed size written in the headers (a lie). */
  declaredSize?: number;
  /** Sets the "encrypted" flag bit. */
  encrypted?: boolean;
  /** Already-deflated bytes (raw deflate), with `data` ignored; `declaredSize` then is what the headers say. */
  deflated?: Buffer;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function zip(entries: ZipEntry[], options: { eocdCount?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflated ?? (e.stored ? e.data : deflateRawSync(e.data));
    const method = e.stored && e.deflated === undefined ? 0 : 8;
    const size = e.declaredSize ?? e.data.length;
    const crc = e.deflated ? 0 : crc32(e.data);
    const flags = e.encrypted ? 1 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = options.eocdCount ?? Math.min(entries.length, 0xffff);
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

/** The parts of a one-sheet workbook that exceljs needs, with the sheet's XML (and shared strings) given. */
export function workbookEntries(sheetXml: string, sharedStringsXml?: string): ZipEntry[] {
  const b = (s: string) => Buffer.from(s, 'utf8');
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: b(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: b(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: b(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: b(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${sharedStringsXml ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`,
      ),
    },
  ];
  // Shared strings before the sheet: a streaming reader resolves the sheet's references as it goes.
  if (sharedStringsXml) entries.push({ name: 'xl/sharedStrings.xml', data: b(sharedStringsXml) });
  entries.push({ name: 'xl/worksheets/sheet1.xml', data: b(sheetXml) });
  return entries;
}

/** Excel's column name for a 0-based index: 0 → A, 26 → AA (the streaming reader needs cell addresses). */
function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A sheet whose cells are shared strings (`rows[r][c]`), and its shared-strings part; `prolog` goes before the root. */
export function sheetParts(rows: string[][], prolog = ''): { sheet: string; sst: string } {
  const esc = (v: string) => v.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const strings: string[] = [];
  const body = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => `<c r="${columnLetters(c)}${r + 1}" t="s"><v>${strings.push(v) - 1}</v></c>`).join('')}</row>`,
    )
    .join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return {
    sheet: `<?xml version="1.0" encoding="UTF-8"?>${prolog}<worksheet ${ns}><sheetData>${body}</sheetData></worksheet>`,
    sst: `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((v) => `<si><t>${esc(v)}</t></si>`).join('')}</sst>`,
  };
}

/** A whole one-sheet workbook's entries for `rows`. */
export function workbook(rows: string[][], prolog = ''): ZipEntry[] {
  const { sheet, sst } = sheetParts(rows, prolog);
  return workbookEntries(sheet, sst);
}
