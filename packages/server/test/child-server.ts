import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const QUARRY_BIN = resolve(import.meta.dirname, '../bin/quarry.mjs');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM and wait (graceful). */
  stop: () => Promise<void>;
  /** SIGKILL and wait: a crash, nothing runs after it. */
  kill: () => Promise<void>;
}

/** Starts `quarry start` as a real child process on a free port and waits until it serves. */
export async function startChildServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [QUARRY_BIN, 'start', '--port', '0', '--data-dir', dataDir], {
    // A 16 MiB free-disk guard (not 1 GiB): the suite must run on a test machine with little free disk.
    env: {
      ...process.env,
      QUARRY_LOG_LEVEL: 'warn',
      QUARRY_MIN_FREE_DISK_BYTES: String(16 * 1024 * 1024),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = () => {
      const match = /Quarry studio: (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
