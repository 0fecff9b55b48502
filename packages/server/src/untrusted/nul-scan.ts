import { createReadStream } from 'node:fs';
import { httpError } from '../errors';

/**
 * Refuses a text file holding a NUL byte anywhere. The format sniff (datasets/formats.ts) looks at the first
 * 64 KiB only, and DuckDB's CSV reader keeps a NUL inside a value, so binary data after the head would otherwise
 * load as text. Buffer.indexOf is a memchr: the whole scan costs a fraction of the parse.
 */
export async function refuseNulBytes(path: string, fileName: string, format: string): Promise<void> {
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const at = chunk.indexOf(0);
    if (at >= 0) {
      throw httpError('UNREADABLE_FILE', {
        fileName,
        format,
        detail: `it contains binary data (a NUL byte at offset ${offset + at})`,
      });
    }
    offset += chunk.length;
  }
}
