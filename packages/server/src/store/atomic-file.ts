import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `path` so that a reader (or a restart after `kill -9` or a power cut) sees the old file or the whole new
 * one, never a part: the bytes go to a temporary file in the same directory, which is fsync'd, renamed over
 * `path` (atomic on POSIX), and then the directory is fsync'd so the rename itself is durable
 * (SECURITY-TESTS.md R3). A failed write removes its temporary file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, 'wx', 0o666); // as writeFile: the umask decides
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

/** fsync of a directory (makes a rename in it durable); a platform that cannot (Windows) skips it. */
async function syncDir(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on Windows: directory fsync is not available there; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
