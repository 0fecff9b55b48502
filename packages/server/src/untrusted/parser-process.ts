import { type ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./parse-child.mjs', import.meta.url));

/**
 * A parser child process: started, with its stderr tail kept (the heap-out-of-memory message names the cause of
 * a crash) and a promise that says whether it came up. Each process parses one file and exits.
 */
export interface ParserProcess {
  child: ChildProcess;
  heapMb: number;
  /** true once the child said it is ready; false if it exited first. */
  ready: Promise<boolean>;
  stderr: () => string;
}

/**
 * One spare child, started ahead of need: a child spends about half a second loading tsx and DuckDB's binding
 * before it can parse, and a spare takes that off the upload's path. Still one file per process: a spare is
 * used once, and the next spare is started only after the file that took it is done, so it never competes with
 * a parse for the CPU. An idle spare does not keep the server alive, and exits when the server does (its IPC
 * channel closes).
 */
let spare: ParserProcess | null = null;

export function startParser(heapMb: number, idle = false): ParserProcess {
  const child = fork(ENTRY, [], {
    // Not the parent's flags (a test runner's, an inspector's): only the heap cap.
    execArgv: [`--max-old-space-size=${heapMb}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: childEnv(),
    serialization: 'json',
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  child.on('error', () => undefined); // reported through `ready` / the exit
  const ready = new Promise<boolean>((resolve) => {
    child.once('message', () => resolve(true));
    child.once('exit', () => resolve(false));
  });
  if (idle) {
    setIdle(child, true);
    // A spare loads its code (~0.5 s of CPU) while the server is busy with the upload that used the previous
    // one: at the lowest priority it takes only what the server leaves idle.
    setNice(child, 19);
  }
  return { child, heapMb, ready, stderr: () => stderr };
}

/** The spare if it fits and is alive (then a new one is due later, see `prepareSpare`), else a fresh child. */
export async function takeParser(heapMb: number): Promise<ParserProcess> {
  const candidate = spare;
  spare = null;
  if (candidate !== null && candidate.heapMb === heapMb && isRunning(candidate.child)) {
    setIdle(candidate.child, false);
    setNice(candidate.child, 0); // back to normal for its parse (allowed to root only; else it stays low)
    if ((await candidate.ready) && isRunning(candidate.child)) return candidate;
  }
  candidate?.child.kill('SIGKILL');
  return startParser(heapMb);
}

/** Starts a spare unless one is waiting. Call after a parse, and once at start-up. */
export function prepareSpare(heapMb: number): void {
  if (spare !== null && isRunning(spare.child) && spare.heapMb === heapMb) return;
  spare?.child.kill('SIGKILL');
  spare = startParser(heapMb, true);
}

function setNice(child: ChildProcess, nice: number): void {
  try {
    if (child.pid !== undefined) setPriority(child.pid, nice);
  } catch {
    // not permitted (raising a priority needs privileges) or the child is gone: the priority is only a hint
  }
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** An idle child (and its pipes) must not keep the event loop, hence the process, alive. */
function setIdle(child: ChildProcess, idle: boolean): void {
  const handles = [child, child.channel, child.stderr] as ({ ref?: () => void; unref?: () => void } | null)[];
  for (const h of handles) (idle ? h?.unref : h?.ref)?.call(h);
}

/**
 * The parent's environment without NODE_OPTIONS, Quarry's settings and anything that looks like a credential:
 * the child needs none of it, and a parser exploit would find no token to steal.
 */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        key !== 'NODE_OPTIONS' &&
        !key.startsWith('QUARRY_') &&
        !/TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|_KEY$|^AWS_/i.test(key),
    ),
  );
}
