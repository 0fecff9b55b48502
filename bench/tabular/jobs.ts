/**
 * One job of the tabular benchmark: the argv of one (data set × tool × threads) process and running it. Each side
 * (`quarry-side.ts` or `reference.py`) prints its result as a JSON line on stdout.
 */
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import type { Tool } from './args';
import { type DatasetSource, PROJECT_ROOT } from './datasets';

export interface JobResult {
  tool: string;
  threads: number;
  fit_s: number;
  predict_s: number;
  metric: number;
  metric_name: string;
  peak_rss_mb: number;
  rss_before_fit_mb: number;
  imputed?: boolean;
  cpu_s?: number;
  fits?: number;
  libs?: string;
  versions?: string;
}

export interface DatasetInfo {
  source: DatasetSource;
  nRows: number;
  nCols: number;
  task: string;
  categorical: string[];
}

const PYTHON = '/usr/bin/python3';
const REFERENCE_SCRIPT = 'bench/tabular/reference.py';
const QUARRY_SCRIPT = 'bench/tabular/quarry-side.ts';

export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** The argv of one job, as run from the project root. */
export function jobArgv(tool: Tool, info: DatasetInfo, threads: number): string[] {
  const rel = (p: string) => relative(PROJECT_ROOT, p);
  if (tool === 'quarry_hgb') {
    return [
      process.execPath,
      '--expose-gc',
      '--import',
      'tsx',
      QUARRY_SCRIPT,
      '--dataset',
      info.source.name,
      '--threads',
      String(threads),
    ];
  }
  const { source } = info;
  return [
    'env',
    // Let OpenBLAS pick this CPU's kernel for a fair numpy (this command only; never in tests or CI).
    '-u',
    'OPENBLAS_CORETYPE',
    '-u',
    'OPENBLAS_L2_SIZE',
    `OMP_NUM_THREADS=${threads}`,
    `OPENBLAS_NUM_THREADS=${threads}`,
    PYTHON,
    REFERENCE_SCRIPT,
    '--data',
    rel(source.csv),
    '--split',
    rel(source.split),
    '--target',
    source.target,
    '--task',
    source.task,
    ...(source.positive === undefined ? [] : ['--positive', source.positive]),
    ...(info.categorical.length > 0 ? ['--categorical', info.categorical.join(',')] : []),
    '--model',
    tool,
    '--threads',
    String(threads),
  ];
}

export function runJob(argv: string[], timeoutMs: number): Promise<{ result?: JobResult; error?: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolvePromise({ error: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolvePromise({ error: `timed out after ${Math.round(timeoutMs / 60_000)} min` });
      const line = stdout
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code !== 0 || line === undefined) {
        const tail = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
        return resolvePromise({ error: `exit ${code}: ${tail}` });
      }
      resolvePromise({ result: JSON.parse(line) as JobResult });
    });
  });
}
