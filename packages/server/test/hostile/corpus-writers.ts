/**
 * Low-level writers for the hostile-file corpus (make-corpus.ts): streamed repeats, deflate bombs, valid workbooks
 * and Parquet files to damage, and Thrift surgery on a Parquet footer.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createDeflateRaw } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';

export interface HostileFile {
  /** The file name sent with the upload (its extension picks the reader). */
  name: string;
  path: string;
  /** What it attacks or breaks. */
  why: string;
  /** Acceptable error codes; `renamed` means accepted, with the dangerous column names renamed. */
  expect: string[] | 'renamed';
}

/** Adds one file with its content and the answers Quarry may give (make-corpus.ts numbers the names). */
export type AddFile = (
  name: string,
  why: string,
  expect: HostileFile['expect'],
  content: string | Buffer,
) => Promise<void>;

/** Either code a parser crash or an unreadable file may come back with. */
export const UNREADABLE = ['UNREADABLE_FILE', 'FILE_UNREADABLE'];

export const MiB = 1024 * 1024;

/** Writes `total` bytes by repeating `chunk`, between `head` and `tail`, streaming. */
export async function writeRepeated(
  path: string,
  head: string | Buffer,
  chunk: Buffer,
  total: number,
  tail = '',
) {
  const out = createWriteStream(path);
  out.write(head);
  for (let written = 0; written < total; written += chunk.length) {
    if (!out.write(chunk.subarray(0, Math.min(chunk.length, total - written)))) await once(out, 'drain');
  }
  out.end(tail);
  await once(out, 'finish');
}

/** Raw-deflates `total` bytes of `byte` without holding them: a few KiB of output per MiB of input. */
export async function deflateRepeated(byte: number, total: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const chunk = Buffer.alloc(MiB, byte);
  for (let i = 0; i < total / MiB; i++) if (!deflate.write(chunk)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(parts);
}

export async function validXlsx(path: string, rows: unknown[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

export async function validParquet(path: string, rows: number, wide = false): Promise<void> {
  // The wide file is snappy-compressed: a reader then allocates what a page header declares before inflating.
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const select = wide
    ? `SELECT i AS a, repeat('x', 60) || i AS b FROM range(${rows}) t(i)`
    : `SELECT i AS a, i * 2 AS b FROM range(${rows}) t(i)`;
  await c.run(
    `COPY (${select}) TO '${path}' (FORMAT parquet, COMPRESSION ${wide ? 'snappy' : 'uncompressed'})`,
  );
  instance.closeSync();
}

/**
 * Limits the corpus server runs with (environment variables of `quarry start`): below the defaults, so the
 * Parquet footer bombs above them are a few MB of work to generate, not gigabytes.
 */
export const CORPUS_LIMITS = { QUARRY_PARSE_MAX_CELLS: '50000000', QUARRY_PARSE_MAX_PARQUET_MB: '64' };

export async function duckdbCopy(select: string, path: string, compression: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`COPY (${select}) TO '${path}' (FORMAT parquet, COMPRESSION ${compression})`);
  instance.closeSync();
}

/** Reads a Thrift compact varint at `at`: its value and its byte length. */
export function varint(buf: Buffer, at: number): { value: number; length: number } {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const b = buf[i++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return { value, length: i - at };
  }
}

/**
 * Rewrites the first page header's uncompressed size in place (same byte length, so every offset in the footer
 * stays valid): `huge` sets the largest positive value that fits, otherwise a negative one.
 */
export function corruptPageSize(buf: Buffer, huge: boolean): Buffer {
  const out = Buffer.from(buf);
  let at = 4; // after PAR1: PageHeader { 1: type i32, 2: uncompressed_page_size i32, 3: compressed_page_size i32 }
  if (out[at] !== 0x15) throw new Error('unexpected page header');
  at += 1 + varint(out, at + 1).length;
  if (out[at] !== 0x15) throw new Error('unexpected page header');
  const { length } = varint(out, at + 1);
  if (length < 3) throw new Error('the first page is too small to declare a huge size');
  for (let k = 0; k < length; k++) out[at + 1 + k] = k === length - 1 ? 0x7f : huge && k === 0 ? 0xfe : 0xff;
  return out;
}
