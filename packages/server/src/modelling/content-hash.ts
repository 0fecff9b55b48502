import { createHash } from 'node:crypto';
import type { ColumnData } from '../datasets/service';

/**
 * SHA-256 of a table as it was modelled: for each column (in order) its name, kind and typed values (numbers as
 * little-endian float64, categories as their text, missing as a marker), so the hash names the exact data a model
 * saw, whatever file or cleaning recipe it came from.
 */
export function tableSha256(columns: readonly ColumnData[]): string {
  const hash = createHash('sha256');
  for (const column of columns) {
    hash.update(`${JSON.stringify(column.name)}:${column.kind}\n`);
    if (column.kind === 'numeric') {
      const bytes = new Uint8Array(column.values.buffer, column.values.byteOffset, column.values.byteLength);
      hash.update(Buffer.from(bytes));
    } else {
      const levels = column.levels.map((l) => JSON.stringify(l));
      let chunk: string[] = [];
      for (const code of column.codes) {
        chunk.push(code < 0 ? '\u0000' : levels[code]);
        if (chunk.length === 4096) {
          hash.update(chunk.join('\n'));
          chunk = [];
        }
      }
      hash.update(chunk.join('\n'));
    }
    hash.update('\n');
  }
  return hash.digest('hex');
}

/** SHA-256 of a list of row numbers (a holdout, a fold assignment): their int32 bytes. */
export function rowsSha256(rows: Int32Array): string {
  return createHash('sha256')
    .update(Buffer.from(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength)))
    .digest('hex');
}
