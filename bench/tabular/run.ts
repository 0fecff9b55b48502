/**
 * Quarry's tabular benchmark: Quarry's HistGradientBoosting against scikit-learn's HistGradientBoosting, XGBoost
 * `hist` and scikit-learn's RandomForest on the same files, each (data set × tool × threads) pair in its own
 * process, one after another so timings don't interfere.
 *
 *   npm run bench:tabular                      # every set: the 8 reference sets, letter, 200k and 1M rows
 *   npm run bench:tabular -- --quick           # the 8 reference sets and letter
 *   npm run bench:tabular -- --sizes ref,200k  # choose groups: ref, letter, 200k, 1m
 *
 * Other options: --datasets a,b (by name), --tools sklearn_hgb,xgboost_hist,sklearn_rf,quarry_hgb,
 * --threads 1,all, --timeout-min N (per process, default 30), --quiet-wait S (before each process, wait up to S
 * seconds, default 10, for other processes on the machine to use under a third of a core), --retries N (run a
 * job that other processes disturbed, and that took under 90 s, up to N more times, default 1, keeping the
 * fastest run), --skip tool@dataset,... (leave pairs out, e.g. sklearn_rf@synth-1m), --no-docs (print only).
 *
 * Prints a Markdown table and writes it, with the command and the date, between the
 * `<!-- bench:tabular:start -->` and `<!-- bench:tabular:end -->` markers of docs/benchmarks.md. Raw JSON lines go to
 * bench/results/tabular-<timestamp>.jsonl.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type DatasetSource,
  datasetSource,
  float64Bytes,
  GENERATED_SETS,
  loadDataset,
  PROJECT_ROOT,
  REFERENCE_SETS,
} from './datasets';

export const SIZE_GROUPS: Record<string, readonly string[]> = {
  ref: REFERENCE_SETS,
  letter: ['letter'],
  '200k': ['synth-200k'],
  '1m': ['synth-1m'],
};
export const TOOLS = ['sklearn_hgb', 'xgboost_hist', 'sklearn_rf', 'quarry_hgb'] as const;
type Tool = (typeof TOOLS)[number];

const TOOL_LABELS: Record<Tool, string> = {
  sklearn_hgb: 'scikit-learn HGB',
  xgboost_hist: 'XGBoost hist',
  sklearn_rf: 'scikit-learn RF',
  quarry_hgb: 'Quarry HGB',
};

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

interface DatasetInfo {
  source: DatasetSource;
  nRows: number;
  nCols: number;
  task: string;
  categorical: string[];
}

interface Row {
  dataset: DatasetInfo;
  tool: Tool;
  threads: number;
  threadsLabel: string;
  command: string;
  result?: JobResult;
  error?: string;
  skipped?: string;
  /** Average cores other processes kept busy during the job. */
  otherCores?: number;
  argv: string[];
  wallS?: number;
  /** How many times the job ran (disturbed short jobs run again). */
  runs?: number;
}

const PYTHON = '/usr/bin/python3';
const REFERENCE_SCRIPT = 'bench/tabular/reference.py';
const QUARRY_SCRIPT = 'bench/tabular/quarry-side.ts';

function shellQuote(arg: string): string {
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

/** Busy CPU seconds of the whole machine since boot (all cores), from /proc/stat. */
function cpuBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields[7] ?? 0);
  return busy / 100; // USER_HZ
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to `maxWaitS`) until other processes use less than a third of a core; returns the seconds waited. */
async function waitForQuiet(maxWaitS: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const c0 = cpuBusySeconds();
    await sleep(500);
    const busyCores = (cpuBusySeconds() - c0) / 0.5;
    const waited = (performance.now() - t0) / 1000;
    if (busyCores < 0.33 || waited > maxWaitS) return waited < 1 ? 0 : waited;
    await sleep(2000);
  }
}

function runJob(argv: string[], timeoutMs: number): Promise<{ result?: JobResult; error?: string }> {
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

// ---------------------------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------------------------

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

function seconds(s: number): string {
  if (s >= 100) return s.toFixed(0);
  if (s >= 10) return s.toFixed(1);
  if (s >= 1) return s.toFixed(2);
  return s.toFixed(3);
}

function metricText(result: JobResult): string {
  const name = { auc: 'AUC', accuracy: 'acc', rmse: 'RMSE' }[result.metric_name] ?? result.metric_name;
  const m = result.metric;
  const value =
    result.metric_name !== 'rmse' ? m.toFixed(3) : m >= 1000 ? thousands(Math.round(m)) : m.toPrecision(4);
  return `${name} ${value}`;
}

function memoryText(result: JobResult): string {
  const added = result.peak_rss_mb - result.rss_before_fit_mb;
  return `${result.peak_rss_mb.toFixed(0)} (+${Math.max(0, added).toFixed(0)})`;
}

export function renderTable(rows: Row[]): string {
  const header = [
    'data set',
    'rows × cols (f64 MiB)',
    'tool',
    'threads',
    'fit s',
    'predict s',
    'metric',
    'fit ÷ sklearn HGB',
    'peak MiB (+fit)',
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((h) => (['data set', 'tool', 'metric'].includes(h) ? '---' : '---:')).join('|')}|`,
  ];
  let previous = '';
  for (const row of rows) {
    const info = row.dataset;
    const first = info.source.name !== previous;
    previous = info.source.name;
    const f64 = float64Bytes(info.nRows, info.nCols) / 1024 / 1024;
    const name = first ? `${info.source.name}${info.source.generated ? ' (generated)' : ''}` : '';
    const size = first
      ? `${thousands(info.nRows)} × ${info.nCols} (${f64 < 10 ? f64.toFixed(1) : f64.toFixed(0)})`
      : '';
    const cells = [name, size, TOOL_LABELS[row.tool], row.threadsLabel];
    if (row.skipped !== undefined) cells.push(`n/a ${row.skipped}`, '', '', '', '');
    else if (row.result === undefined)
      cells.push(`failed: ${(row.error ?? '').replaceAll('|', '/')}`, '', '', '', '');
    else {
      const r = row.result;
      const base = rows.find(
        (o) =>
          o.dataset === info &&
          o.tool === 'sklearn_hgb' &&
          o.threads === row.threads &&
          o.result !== undefined,
      )?.result;
      const ratio = base === undefined ? '–' : `${(r.fit_s / base.fit_s).toFixed(2)}×`;
      const busy = row.otherCores !== undefined && row.otherCores >= BUSY_CORES ? ' ‡' : '';
      cells.push(
        seconds(r.fit_s) + busy,
        seconds(r.predict_s),
        metricText(r) + (r.imputed ? ' ¹' : ''),
        row.tool === 'sklearn_hgb' ? '1' : ratio,
        memoryText(r),
      );
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Other processes' average load (cores) from which a row's timing is marked as disturbed. */
const BUSY_CORES = 0.5;
/** Disturbed jobs that took longer than this (seconds) are not run again. */
const RETRY_MAX_S = 90;

const START = '<!-- bench:tabular:start -->';
const END = '<!-- bench:tabular:end -->';
const INTRO = `# Benchmarks

Quarry's benchmarks run Quarry and the reference tools on the same data in the same run, on this project's
machine, and report ratios. Each section below is rewritten by its own script; edit outside the markers.
`;

/** Replaces the tabular section of docs/benchmarks.md (creating the file or the section if missing). */
export function writeDocsSection(path: string, section: string): void {
  const block = `${START}\n${section.trim()}\n${END}`;
  let text = existsSync(path) ? readFileSync(path, 'utf8') : INTRO;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start >= 0 && end > start) text = text.slice(0, start) + block + text.slice(end + END.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
}

// ---------------------------------------------------------------------------------------------------------------

function parseList(
  value: string | undefined,
  allowed: readonly string[],
  what: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item))
      throw new Error(`Unknown ${what} '${item}' (choose from ${allowed.join(', ')}).`);
  }
  return items;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      datasets: { type: 'string' },
      tools: { type: 'string' },
      threads: { type: 'string' },
      'timeout-min': { type: 'string', default: '30' },
      'no-docs': { type: 'boolean', default: false },
      'quiet-wait': { type: 'string', default: '10' },
      retries: { type: 'string', default: '1' },
      skip: { type: 'string', default: '' },
    },
  });
  const allCores = availableParallelism();
  const sizes =
    parseList(values.sizes, Object.keys(SIZE_GROUPS), 'size') ??
    (values.quick ? ['ref', 'letter'] : Object.keys(SIZE_GROUPS));
  const allNames = [...REFERENCE_SETS, ...Object.keys(GENERATED_SETS)];
  const names = parseList(values.datasets, allNames, 'data set') ?? sizes.flatMap((s) => SIZE_GROUPS[s]);
  const tools = (parseList(values.tools, TOOLS, 'tool') ?? [...TOOLS]) as Tool[];
  const threadChoices = (values.threads ?? '1,all')
    .split(',')
    .map((t) => (t === 'all' ? allCores : Number(t)))
    .filter((t, i, all) => Number.isInteger(t) && t >= 1 && all.indexOf(t) === i);
  const timeoutMs = Number(values['timeout-min']) * 60_000;
  const skip = new Set(values.skip.split(',').filter(Boolean));
  for (const pair of skip) {
    const [tool, dataset] = pair.split('@');
    if (!(TOOLS as readonly string[]).includes(tool) || !allNames.includes(dataset)) {
      throw new Error(`--skip takes tool@dataset pairs, e.g. sklearn_rf@synth-1m; got '${pair}'.`);
    }
  }

  const command =
    process.env.npm_lifecycle_event === 'bench:tabular'
      ? ['npm run bench:tabular', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' ')
      : ['npx tsx bench/tabular/run.ts', ...argv].join(' ');
  const startedAt = new Date();
  const load = loadavg()[0];
  const log = (message: string) => process.stderr.write(`${message}\n`);
  log(
    `bench:tabular — ${names.length} data sets × ${tools.join(', ')} × threads ${threadChoices.join(', ')}`,
  );

  const resultsDir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const rawPath = join(
    resultsDir,
    `tabular-${startedAt.toISOString().replaceAll(':', '-').slice(0, 19)}.jsonl`,
  );
  const raw: string[] = [];

  const quietWait = Number(values['quiet-wait']);
  /** Runs one job (after waiting a little for a quiet machine) and records it in `row` and the raw results. */
  const execute = async (row: Row, argvJob: string[]): Promise<void> => {
    const waited = await waitForQuiet(quietWait);
    if (waited > 0) log(`  (waited ${waited.toFixed(0)} s for other processes to quieten)`);
    const t0 = performance.now();
    const cpu0 = cpuBusySeconds();
    const outcome = await runJob(argvJob, timeoutMs);
    const wall = (performance.now() - t0) / 1000;
    row.result = outcome.result;
    row.error = outcome.error;
    row.wallS = wall;
    // CPU that other processes used while this job ran (the job's own CPU time is in its JSON line).
    row.otherCores =
      outcome.result?.cpu_s === undefined
        ? undefined
        : Math.max(0, (cpuBusySeconds() - cpu0 - outcome.result.cpu_s) / wall);
    log(
      `  ${row.dataset.source.name} ${row.tool} ×${row.threads}  ${
        outcome.result === undefined
          ? `FAILED ${outcome.error}`
          : `fit ${seconds(outcome.result.fit_s)} s  ${metricText(outcome.result)}`
      }  (${wall.toFixed(1)} s, others ${row.otherCores?.toFixed(2) ?? '?'} cores)`,
    );
    raw.push(
      JSON.stringify({
        dataset: row.dataset.source.name,
        command: row.command,
        other_cores: row.otherCores,
        wall_s: wall,
        ...outcome,
      }),
    );
    writeFileSync(rawPath, `${raw.join('\n')}\n`);
  };

  const rows: Row[] = [];
  for (const name of names) {
    log(`• ${name}: preparing data`);
    const source = datasetSource(name); // writes a generated set once
    const loaded = loadDataset(source);
    const info: DatasetInfo = {
      source,
      nRows: loaded.X.nRows,
      nCols: loaded.X.nCols,
      task: loaded.task,
      categorical: loaded.featureNames.filter((_, j) => loaded.categorical[j]),
    };
    for (const threads of threadChoices) {
      const threadsLabel = threads === allCores && threads > 1 ? `${threads} (all)` : String(threads);
      for (const tool of tools) {
        const argvJob = jobArgv(tool, info, threads);
        const row: Row = {
          dataset: info,
          tool,
          threads,
          threadsLabel,
          argv: argvJob,
          command: argvJob.map(shellQuote).join(' '),
        };
        rows.push(row);
        if (skip.has(`${tool}@${name}`)) {
          row.skipped = '(skipped: `--skip`)';
          continue;
        }
        await execute(row, argvJob);
      }
    }
  }

  // Jobs that other processes disturbed are run again (when short enough) and the faster run is kept.
  const retries = Number(values.retries);
  for (let attempt = 1; attempt <= retries; attempt++) {
    const disturbed = rows.filter(
      (r) => r.result !== undefined && (r.otherCores ?? 0) >= BUSY_CORES && (r.wallS ?? 0) <= RETRY_MAX_S,
    );
    if (disturbed.length === 0) break;
    log(`• again, ${disturbed.length} job(s) that other processes disturbed (attempt ${attempt + 1})`);
    for (const row of disturbed) {
      const before = { ...row };
      await execute(row, row.argv);
      if (row.result === undefined || row.result.fit_s > (before.result?.fit_s ?? Number.POSITIVE_INFINITY)) {
        Object.assign(row, before);
      }
      row.runs = (before.runs ?? 1) + 1;
    }
  }

  const table = renderTable(rows);
  const versions = [...new Set(rows.flatMap((r) => (r.result?.versions ? [r.result.versions] : [])))].sort();
  const finishedAt = new Date();
  const minutes = ((finishedAt.getTime() - startedAt.getTime()) / 60_000).toFixed(1);
  const section = `## Tabular: gradient boosting against scikit-learn and XGBoost

Command: \`${command}\` — run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes} min; \
${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${allCores} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node \
${process.versions.node}, ${versions.join(', ')}; load average ${load.toFixed(2)} at the start.

Each row is one process (\`bench/tabular/quarry-side.ts\` or \`bench/tabular/reference.py\`), run one after another.
Gradient boosting everywhere: 100 iterations, learning rate 0.1, at most 31 leaves per tree (XGBoost: lossguide,
max_depth 0, max_leaves 31), min 20 rows per leaf (XGBoost has no row minimum), 255 bins, no early stopping, native
categorical columns; random forest: 100 trees, scikit-learn defaults. Reference sets use their split files; the
generated sets hold out 25% by seed. Metric on the holdout: AUC (binary), accuracy (multiclass), RMSE (regression).
*fit s* and *predict s* (predict_proba for classifiers) are the fastest of up to 10 fits on fresh models in the same
process while they total under 2 s, else of one fit (steady state, as in a long-lived server; Quarry's first fit
also compiles its code); data loading is not timed. *fit ÷ sklearn HGB* is the fit
time over scikit-learn HGB's at the same thread count. *peak MiB* is the process's resident set high-water mark
during fit, *(+fit)* what fitting added to the resident set just before it (the loaded data, the runtime and the
libraries are already in it); the target for Quarry is *+fit* ≤ 2× the data's float64 size (the *f64 MiB*
column), which only means something for large data (a fit's fixed overhead is tens of MiB).

${table}
${
  rows.some((r) => (r.otherCores ?? 0) >= BUSY_CORES)
    ? `
‡ other processes on this shared machine kept ≥ ${BUSY_CORES} of a core busy on average during this job (short
jobs were run again, up to \`--retries\` times, and the fastest run is shown): its timing is unreliable.
Multi-threaded OpenMP fits (scikit-learn HGB, XGBoost at 2 threads) suffer most: when another process holds one
of the two cores, each parallel region waits for a descheduled thread, and a fit can take 10–100× longer. Per-job \`other_cores\` is in
the raw results (bench/results/tabular-*.jsonl).
`
    : ''
}
Quarry at more than one thread: \`@quarry/ml\` stays single-threaded and the fit borrows a \`ThreadTeam\` (the
server's worker threads, packages/server/src/jobs/thread-team.ts) for large nodes' histograms, row splits, gradients
and prediction updates; the trees are identical to the one-thread fit. The team's threads start before the first fit
(as a server's are already running) and spin briefly between operations, as OpenMP's threads do.
${
  rows.some((r) => r.result?.imputed)
    ? `
¹ scikit-learn 1.2's random forest takes no missing values: train medians (most frequent code for categorical
columns) were imputed for it.
`
    : ''
}`;
  process.stdout.write(`\n${section}\n`);
  if (!values['no-docs']) {
    const docsPath = join(PROJECT_ROOT, 'docs', 'benchmarks.md');
    writeDocsSection(docsPath, section);
    log(`wrote ${relative(PROJECT_ROOT, docsPath)} and ${relative(PROJECT_ROOT, rawPath)}`);
  }
}

await main();
