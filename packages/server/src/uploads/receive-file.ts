import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { httpError } from '../errors';

export interface ReceivedFile {
  path: string;
  fileName: string;
  sizeBytes: number;
  fields: Record<string, string>;
  /** Deletes the temporary file (always call it, in a finally). */
  discard: () => Promise<void>;
}

/**
 * Streams the multipart field `file` to a temporary file in the data directory (same volume, never all in
 * memory), counting bytes as they arrive: over the limit the partial file is deleted and the answer is 413,
 * whatever Content-Length claimed.
 */
export async function receiveFile(
  request: FastifyRequest,
  tmpDir: string,
  limit: number,
): Promise<ReceivedFile> {
  const data = await request.file({ limits: { fileSize: limit } });
  if (data === undefined || data.fieldname !== 'file') throw httpError('NO_FILE');
  const fileName = sanitizeFileName(data.filename);
  const path = join(tmpDir, `${randomUUID()}.upload`);
  const discard = () => rm(path, { force: true });
  let size = 0;
  data.file.on('data', (chunk: Buffer) => {
    size += chunk.length;
  });
  try {
    await pipeline(data.file, createWriteStream(path));
  } catch (err) {
    await discard();
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw httpError('UPLOAD_TOO_LARGE', { limit });
    throw err;
  }
  if (data.file.truncated) {
    await discard();
    throw httpError('UPLOAD_TOO_LARGE', { limit });
  }
  const fields: Record<string, string> = {};
  for (const [key, field] of Object.entries(data.fields)) {
    const f = Array.isArray(field) ? field[0] : field;
    if (f !== undefined && f.type === 'field' && typeof f.value === 'string') fields[key] = f.value;
  }
  return { path, fileName, sizeBytes: size, fields, discard };
}

/** A display name only (storage paths are server-generated): no directories, no control characters. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base)
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .slice(0, 200)
    .trim();
  return clean === '' ? 'upload.csv' : clean;
}
