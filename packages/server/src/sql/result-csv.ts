import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { DuckDBResult } from '@duckdb/node-api';
import { httpError } from '../errors';

/** A CSV field (RFC 4180): quoted when it holds a delimiter, a quote or a line break. Missing is empty. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Streams a query result to a CSV file, chunk by chunk, in DuckDB's JSON rendering of values (numbers as
 * numbers, timestamps as '2024-01-31 12:00:00', nested values as JSON), and stops with 413
 * SQL_RESULT_TOO_LARGE past `maxBytes` (the upload limit: a saved result is ingested like an upload).
 * Returns the file's size.
 */
export async function writeResultCsv(result: DuckDBResult, path: string, maxBytes: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (bytes > maxBytes) throw httpError('SQL_RESULT_TOO_LARGE', { limit: maxBytes });
    if (!out.write(line)) await once(out, 'drain');
  };
  try {
    await write(`${result.columnNames().map(csvField).join(',')}\n`);
    for await (const rows of result.yieldRowsJson()) {
      let block = '';
      for (const row of rows) block += `${row.map(csvField).join(',')}\n`;
      await write(block);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return bytes;
}
