import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { httpError } from '../errors';
import type { ParseLimits } from './limits';

/**
 * Checks an .xlsx archive before exceljs opens it. A zip declares each entry's sizes in its central directory,
 * and a bomb either declares an enormous expansion (refused from the directory alone) or lies about it (caught
 * while inflating: every entry is inflated once here, counting bytes, and stopped the moment it passes what it
 * declared). Entry names that climb out of the archive (zip-slip), encrypted entries and XML carrying a DTD
 * (entity expansion, external entities) are refused too. Only then does exceljs see the file, and it inflates
 * entries whose true sizes are now known and bounded.
 */
export type ZipLimits = Pick<ParseLimits, 'maxZipEntries' | 'maxZipUncompressedBytes' | 'maxZipRatio'>;

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MiB = 1024 * 1024;

export async function preflightXlsx(path: string, fileName: string, limits: ZipLimits): Promise<void> {
  const refuse = (detail: string) =>
    httpError('UNREADABLE_FILE', { fileName, format: 'Excel (.xlsx)', detail });
  const entries = await readCentralDirectory(path, limits, refuse);
  let total = 0;
  let compressedTotal = 0;
  for (const e of entries) {
    if (unsafeName(e.name))
      throw refuse(`the archive has an entry with an unsafe path ('${e.name.slice(0, 80)}')`);
    if (e.flags & 1) throw refuse('it is encrypted (password-protected); save it without a password');
    if (e.method !== 0 && e.method !== 8)
      throw refuse(`an entry uses zip compression method ${e.method}, which Excel never writes`);
    if (e.uncompressed > MiB && e.uncompressed > limits.maxZipRatio * Math.max(1, e.compressed))
      throw refuse(`'${e.name.slice(0, 80)}' expands more than ${limits.maxZipRatio}:1 (a zip bomb?)`);
    total += e.uncompressed;
    compressedTotal += e.compressed;
  }
  if (total > limits.maxZipUncompressedBytes)
    throw refuse(
      `it would expand to ${Math.round(total / MiB)} MiB, over the ${limits.maxZipUncompressedBytes / MiB} MiB limit`,
    );
  if (total > MiB && total > limits.maxZipRatio * Math.max(1, compressedTotal))
    throw refuse(`it expands more than ${limits.maxZipRatio}:1 (a zip bomb?)`);
  for (const e of entries) await inflateChecked(path, e, refuse);
}

async function readCentralDirectory(
  path: string,
  limits: ZipLimits,
  refuse: (detail: string) => Error,
): Promise<Entry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    // The end-of-central-directory record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
    const tailSize = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let at = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw refuse('the archive is truncated or damaged (no end of central directory)');
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff)
      throw refuse('it is a ZIP64 archive, which an .xlsx within the upload limit never needs');
    if (count > limits.maxZipEntries)
      throw refuse(`the archive has ${count} entries; the limit is ${limits.maxZipEntries}`);
    if (dirOffset + dirSize > size)
      throw refuse('the archive is truncated (its directory points past the end)');
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries: Entry[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > dirSize || dir.readUInt32LE(p) !== CENTRAL)
        throw refuse('the archive directory is damaged');
      const nameLength = dir.readUInt16LE(p + 28);
      const next = p + 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
      if (next > dirSize) throw refuse('the archive directory is damaged');
      const entry = {
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
        flags: dir.readUInt16LE(p + 8),
        method: dir.readUInt16LE(p + 10),
        compressed: dir.readUInt32LE(p + 20),
        uncompressed: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
      };
      if (entry.localOffset + 30 + entry.compressed > size) throw refuse('the archive is truncated');
      entries.push(entry);
      p = next;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Absolute paths, drive letters, backslashes, NUL and `..` segments: names a careless extractor writes outside. */
function unsafeName(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((segment) => segment === '..')
  );
}

const DTD_MARKERS = ['<!doctype', '<!entity'];

/**
 * Inflates one entry, counting bytes: more than it declared stops the stream at once. XML entries are scanned
 * for a DTD on the way (case-insensitively, across chunk boundaries); UTF-16 XML, which would hide one from
 * the scan and which Excel never writes, is refused.
 */
async function inflateChecked(path: string, e: Entry, refuse: (detail: string) => Error): Promise<void> {
  const handle = await open(path, 'r');
  const header = Buffer.alloc(30);
  try {
    await handle.read(header, 0, 30, e.localOffset);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw refuse('the archive is damaged (an entry header is missing)');
  const start = e.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (e.compressed === 0) return;
  const raw = createReadStream(path, { start, end: start + e.compressed - 1 });
  const isXml = /\.(xml|rels|vml)$/i.test(e.name);
  let seen = 0;
  let carry = '';
  let first = true;
  const stream = e.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > e.uncompressed)
        throw refuse(
          `'${e.name.slice(0, 80)}' inflates to more than the ${e.uncompressed} bytes it declares (a zip bomb?)`,
        );
      if (!isXml) continue;
      if (first && chunk.length >= 2 && (chunk[0] === 0xff || chunk[0] === 0xfe || chunk[1] === 0))
        throw refuse(`'${e.name.slice(0, 80)}' is UTF-16 XML, which Excel never writes`);
      first = false;
      const text = carry + chunk.toString('latin1').toLowerCase();
      if (DTD_MARKERS.some((m) => text.includes(m)))
        throw refuse(`'${e.name.slice(0, 80)}' declares a DTD or entities, which a workbook never needs`);
      carry = text.slice(-16);
    }
  } catch (err) {
    if ((err as Error).name === 'HttpError') throw err;
    throw refuse(`'${e.name.slice(0, 80)}' could not be inflated (${(err as Error).message})`);
  } finally {
    raw.destroy();
    if (stream !== raw) (stream as ReturnType<typeof createInflateRaw>).destroy();
  }
}
