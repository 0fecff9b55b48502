import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { httpError } from '../errors';

export type FileFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet' | 'xlsx';

const byExtension: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.xlsx': 'xlsx',
};

/** The format a file name says it has, or 415 UNSUPPORTED_FORMAT. */
export function formatOf(fileName: string): FileFormat {
  const format = byExtension[extname(fileName).toLowerCase()];
  if (format === undefined) throw httpError('UNSUPPORTED_FORMAT', { fileName });
  return format;
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Reads the first bytes of a file and refuses it early when its content cannot be what its name says:
 * empty files, binary garbage named .csv, a Parquet file without its magic number, an .xlsx that is not a zip.
 * Returns the decoded head for text formats (used to sniff the CSV delimiter and header).
 */
export async function sniff(path: string, fileName: string, format: FileFormat): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) throw httpError('EMPTY_FILE', { fileName });
    if (format === 'parquet') {
      if (head.subarray(0, 4).toString('latin1') !== 'PAR1') {
        throw httpError('UNREADABLE_FILE', {
          fileName,
          format: 'Parquet',
          detail: 'it does not start with PAR1',
        });
      }
      return '';
    }
    if (format === 'xlsx') {
      if (head[0] !== 0x50 || head[1] !== 0x4b) {
        throw httpError('UNREADABLE_FILE', {
          fileName,
          format: 'Excel (.xlsx)',
          detail: 'it is not a zip archive',
        });
      }
      return '';
    }
    const label = format === 'json' || format === 'ndjson' ? 'JSON' : 'text';
    if (head.includes(0)) {
      throw httpError('UNREADABLE_FILE', {
        fileName,
        format: label,
        detail: 'it contains binary data (NUL bytes)',
      });
    }
    // A multi-byte character may be cut at the end of the sniffed block: drop up to 3 trailing bytes.
    const text = decodeUtf8(bytesRead === SNIFF_BYTES ? trimPartialChar(head) : head);
    if (text === null) {
      throw httpError('UNREADABLE_FILE', { fileName, format: label, detail: 'it is not UTF-8 text' });
    }
    if (text.replace(/^\uFEFF/, '').trim().length === 0) throw httpError('EMPTY_FILE', { fileName });
    return text.replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function trimPartialChar(bytes: Buffer): Buffer {
  let end = bytes.length;
  // Walk back over continuation bytes (10xxxxxx) to the lead byte; drop the sequence if it is incomplete.
  let i = end - 1;
  while (i >= 0 && end - i <= 4 && (bytes[i] & 0xc0) === 0x80) i--;
  if (i >= 0) {
    const lead = bytes[i];
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (end - i < need) end = i;
  }
  return bytes.subarray(0, end);
}
