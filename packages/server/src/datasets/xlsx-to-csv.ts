import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { httpError } from '../errors';

/** Limits for untrusted workbooks: a small .xlsx can expand to a huge sheet (zip bomb). */
export const XLSX_LIMITS = { maxRows: 2_000_000, maxColumns: 2_000 };

/**
 * Streams the first worksheet of an .xlsx file into a CSV file (every field quoted) that the CSV loader then
 * reads. Formulas contribute their cached results, never their text; dates become ISO timestamps.
 */
export async function xlsxToCsv(inputPath: string, outputPath: string, fileName: string): Promise<void> {
  const out = createWriteStream(outputPath);
  let rows = 0;
  let width = -1;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(inputPath, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[]; // 1-based and sparse
        if (width < 0) width = values.length - 1; // the header row fixes the width
        if (width > XLSX_LIMITS.maxColumns) {
          throw httpError('TOO_MANY_COLUMNS', { fileName, count: width, limit: XLSX_LIMITS.maxColumns });
        }
        if (++rows > XLSX_LIMITS.maxRows) {
          throw httpError('UNREADABLE_FILE', {
            fileName,
            format: 'Excel (.xlsx)',
            detail: `the sheet has more than ${XLSX_LIMITS.maxRows} rows`,
          });
        }
        // Rows are padded to the header's width; cells beyond it are dropped.
        const fields: string[] = [];
        for (let j = 1; j <= width; j++) fields.push(quote(cellText(values[j])));
        // Skip rows the sheet reports between data rows with no values at all.
        if (!out.write(`${fields.join(',')}\n`)) await once(out, 'drain');
      }
      break; // only the first worksheet
    }
  } catch (err) {
    out.destroy();
    if ((err as { code?: string }).code !== undefined && (err as Error).name === 'HttpError') throw err;
    throw httpError('UNREADABLE_FILE', { fileName, format: 'Excel (.xlsx)', detail: (err as Error).message });
  }
  out.end();
  await once(out, 'finish');
  if (rows === 0) throw httpError('EMPTY_FILE', { fileName });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().replace('T', ' ').replace('.000Z', '');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('result' in v) return cellText(v.result); // formula: its cached result
    if ('richText' in v && Array.isArray(v.richText))
      return v.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('text' in v) return cellText(v.text); // hyperlink
    if ('error' in v) return ''; // #DIV/0! and friends are missing values
    return '';
  }
  return String(value);
}

const quote = (s: string): string => (s === '' ? '' : `"${s.replaceAll('"', '""')}"`);
