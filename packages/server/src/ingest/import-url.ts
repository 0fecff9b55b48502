import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DatasetService, DatasetSummary } from '../datasets/service';
import { sanitizeFileName } from '../uploads/receive-file';
import { type SafeFetchOptions, safeFetch } from './safe-fetch';

/** Extensions the upload path reads (datasets/formats.ts). */
const KNOWN_EXTENSIONS = new Set([
  '.csv',
  '.txt',
  '.tsv',
  '.tab',
  '.json',
  '.ndjson',
  '.jsonl',
  '.parquet',
  '.pq',
  '.xlsx',
]);

/** When the URL's last path segment has no known extension, the media type names the format. */
const EXTENSION_BY_TYPE: Record<string, string> = {
  'text/csv': '.csv',
  'text/plain': '.csv',
  'text/tab-separated-values': '.tsv',
  'application/json': '.json',
  'application/x-ndjson': '.ndjson',
  'application/ndjson': '.ndjson',
  'application/vnd.apache.parquet': '.parquet',
  'application/x-parquet': '.parquet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};

/**
 * Imports a URL as a data set: `safeFetch` streams the (decompressed, capped) body to a temporary file in the data
 * directory, then the file takes exactly the upload path (`DatasetService.createFromFile`: sniff, load, infer, one
 * transaction). The temporary file is deleted in every case; a fetch that fails half-way leaves no data set.
 * Throws `UrlRefusedError` for anything about the fetch, the upload path's HttpErrors for the content.
 */
export async function importFromUrl(
  datasets: DatasetService,
  tmpDir: string,
  fetchOptions: SafeFetchOptions,
  input: { url: string; name?: string },
): Promise<DatasetSummary> {
  const response = await safeFetch(input.url, fetchOptions);
  const path = join(tmpDir, `${randomUUID()}.download`);
  try {
    await pipeline(response.body, createWriteStream(path));
    const { size } = await stat(path);
    return await datasets.createFromFile({
      path,
      fileName: fileNameFor(response.url, response.contentType),
      name: input.name,
      sizeBytes: size,
    });
  } finally {
    response.body.destroy();
    await rm(path, { force: true });
  }
}

/** A display file name from the final URL (its last path segment), with an extension the upload path reads. */
export function fileNameFor(url: URL, contentType: string): string {
  const segment = url.pathname.split('/').pop() ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    decoded = segment;
  }
  const name = sanitizeFileName(decoded === '' ? 'import' : decoded);
  if (KNOWN_EXTENSIONS.has(extname(name).toLowerCase())) return name;
  const extension = EXTENSION_BY_TYPE[contentType];
  // No extension and an unspecific type (octet-stream, vnd.ms-excel): the name stays and the upload path
  // answers 415 UNSUPPORTED_FORMAT, naming the formats it reads.
  return extension === undefined ? name : `${name}${extension}`;
}
