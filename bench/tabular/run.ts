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
 * fastest run), --rounds N (run Quarry HGB and scikit-learn HGB N times each, back to back in alternating order,
 * default 3: rounds.ts), --skip tool@dataset,... (leave pairs out, e.g. sklearn_rf@synth-1m), --no-docs (print
 * only).
 *
 * Prints a Markdown table and writes it, with the command and the date, between the
 * `<!-- bench:tabular:start -->` and `<!-- bench:tabular:end -->` markers of docs/benchmarks.md. Raw JSON lines go to
 * bench/results/tabular-<timestamp>.jsonl.
 *
 * This file only wires the parts: args.ts (flags), jobs.ts (one process per job), machine-load.ts (waiting for a
 * quiet machine), execute.ts (running and re-running jobs), rounds.ts (the paired tools' rounds), table.ts and
 * report.ts (the Markdown).
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { commandLine, parseBenchArgs } from './args';
import { datasetSource, loadDataset, PROJECT_ROOT } from './datasets';
import { makeExecutor, rerunDisturbed } from './execute';
import { type DatasetInfo, jobArgv, shellQuote } from './jobs';
import { renderSection, writeDocsSection } from './report';
import { PAIRED_TOOLS, runRounds } from './rounds';
import type { Row } from './table';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const allCores = availableParallelism();
  const { names, tools, threadChoices, timeoutMs, skip, quietWait, retries, rounds, noDocs } = parseBenchArgs(
    argv,
    allCores,
  );

  const command = commandLine(argv);
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
  const execute = makeExecutor({ quietWait, timeoutMs, rawPath, log });

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
      const paired: Row[] = [];
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
        if ((PAIRED_TOOLS as readonly string[]).includes(tool)) paired.push(row);
        else await execute(row, argvJob);
      }
      await runRounds(paired, rounds, execute);
    }
  }

  await rerunDisturbed(
    rows.filter((r) => r.rounds === undefined),
    retries,
    execute,
    log,
  );

  const section = renderSection({ rows, command, startedAt, load, allCores });
  process.stdout.write(`\n${section}\n`);
  if (!noDocs) {
    const docsPath = join(PROJECT_ROOT, 'docs', 'benchmarks.md');
    writeDocsSection(docsPath, section);
    log(`wrote ${relative(PROJECT_ROOT, docsPath)} and ${relative(PROJECT_ROOT, rawPath)}`);
  }
}

await main();
