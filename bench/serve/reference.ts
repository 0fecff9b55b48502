/**
 * The scikit-learn side of `npm run bench:serve`: the FastAPI + uvicorn app (reference_app.py) as a child
 * process, and scikit-learn's in-process predict_proba (reference.py). Nothing is installed at run time: without
 * the Debian packages the bench says how to get them and measures Quarry alone.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** Debian's python3 (scikit-learn, FastAPI and uvicorn from apt); BENCH_PYTHON points elsewhere. */
export const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
const HERE = import.meta.dirname;

/** Why the HTTP reference cannot run (with the command that fixes it), or null when it can. */
export function referenceMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found: the scikit-learn reference needs Debian's python3.`;
  const check = spawnSync(PYTHON, ['-c', 'import sklearn, fastapi, uvicorn'], { encoding: 'utf8' });
  if (check.status === 0) return null;
  const last = check.stderr.trim().split('\n').at(-1) || `${PYTHON} cannot import them`;
  return `${last}. Install the reference with \`apt-get install -y python3-sklearn python3-fastapi uvicorn\` and rerun.`;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface ReferenceServer {
  url: string;
  workers: number;
  stop: () => Promise<void>;
}

/**
 * Starts `uvicorn reference_app:app --workers N` (each worker fits the model at import, on one OpenMP thread)
 * and waits until GET /health answers.
 */
export async function startReference(data: string, workers: number): Promise<ReferenceServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    PYTHON,
    [
      '-m',
      'uvicorn',
      'reference_app:app',
      '--app-dir',
      HERE,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--workers',
      String(workers),
      '--log-level',
      'warning',
      '--no-access-log',
    ],
    {
      // PYTHONDONTWRITEBYTECODE: no __pycache__ left in bench/serve.
      env: { ...process.env, QUARRY_REF_DATA: data, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let gone = false;
  child.once('exit', () => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`uvicorn exited:\n${output}`);
    if (Date.now() > until) {
      child.kill('SIGTERM');
      throw new Error(`uvicorn did not answer in 60 s:\n${output}`);
    }
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    // With several workers, wait a little longer so every worker has fitted (they start together).
    if (ok) {
      if (workers > 1) await new Promise((r) => setTimeout(r, 3000));
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    workers,
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface InProcessReference {
  sklearn: string;
  threads: string;
  trees: number;
  batchRows: number;
  batchRowsPerSec: number;
  batchMs: number;
  /** Median CPU time of one batch call (all of the process's threads). */
  batchCpuMs: number;
  singleRowCallsPerSec: number;
}

/** scikit-learn's predict_proba in-process (reference.py), at `threads` OpenMP threads (null: its default). */
export function inProcessReference(data: string, threads: number | null): InProcessReference | null {
  const env = { ...process.env };
  if (threads === null) delete env.OMP_NUM_THREADS;
  else env.OMP_NUM_THREADS = String(threads);
  const run = spawnSync(PYTHON, [resolve(HERE, 'reference.py'), data], { encoding: 'utf8', env });
  if (run.status !== 0) {
    console.warn(`scikit-learn in-process reference skipped: ${run.stderr.trim().split('\n').at(-1)}`);
    return null;
  }
  return { ...JSON.parse(run.stdout), threads: threads === null ? 'default (all cores)' : String(threads) };
}
