/**
 * The tabular section of docs/benchmarks.md: the command, the machine, how to read the table, the table and its
 * footnotes, written between the `<!-- bench:tabular:start -->` and `<!-- bench:tabular:end -->` markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { BUSY_CORES, type Row, renderTable } from './table';

const START = '<!-- bench:tabular:start -->';
const END = '<!-- bench:tabular:end -->';
const INTRO = `# Benchmarks

Quarry's benchmarks run Quarry and the reference tools on the same data in the same run, on this project's
machine, and report ratios. Each section below is rewritten by its own script; edit outside the markers.
`;

/** The Markdown section for a finished run (`rows` in table order). */
export function renderSection(run: {
  rows: Row[];
  command: string;
  startedAt: Date;
  /** 1-minute load average when the run started. */
  load: number;
  allCores: number;
}): string {
  const { rows, command, startedAt, load, allCores } = run;
  const table = renderTable(rows);
  const versions = [...new Set(rows.flatMap((r) => (r.result?.versions ? [r.result.versions] : [])))].sort();
  const finishedAt = new Date();
  const minutes = ((finishedAt.getTime() - startedAt.getTime()) / 60_000).toFixed(1);
  return `## Tabular: gradient boosting against scikit-learn and XGBoost

Command: \`${command}\` — run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes} min; \
${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${allCores} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node \
${process.versions.node}, ${versions.join(', ')}; load average ${load.toFixed(2)} at the start.

Each row is one process (\`bench/tabular/quarry-side.ts\` or \`bench/tabular/reference.py\`) per round, run one after
another.
Gradient boosting everywhere: 100 iterations, learning rate 0.1, at most 31 leaves per tree (XGBoost: lossguide,
max_depth 0, max_leaves 31), min 20 rows per leaf (XGBoost has no row minimum), 255 bins, no early stopping, native
categorical columns; random forest: 100 trees, scikit-learn defaults. Reference sets use their split files; the
generated sets hold out 25% by seed. Metric on the holdout: AUC (binary), accuracy (multiclass), RMSE (regression).
*fit s* and *predict s* (predict_proba for classifiers) are the fastest of at least 2 and up to 10 fits on fresh
models in the same process, while they total under 2 s (steady state, as in a long-lived server: Quarry's first fit
also compiles its code, on every thread of a team); data loading is not timed. *fit ÷ sklearn HGB* is the fit
time over scikit-learn HGB's at the same thread count.${roundsText(rows) || ' '}*peak MiB* is the process's resident set high-water mark
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
}

/** How the paired tools' rounds (rounds.ts) were run and read, when there were several. */
function roundsText(rows: Row[]): string {
  const rounds = Math.max(0, ...rows.map((r) => r.rounds?.length ?? 0));
  if (rounds < 2) return '';
  return `
Quarry HGB and scikit-learn HGB ran ${rounds} rounds each (\`--rounds\`), the two back to back in alternating order:
this shared virtual machine's speed drifts by tens of percent over minutes. Their *fit s* is the median round's,
and their ratio the median of the rounds' ratios, with its range in brackets.
`;
}

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
