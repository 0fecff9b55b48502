/**
 * Running the planned jobs one after another: wait for a quiet machine, run, record the result in its row and in
 * the raw JSON lines file, and run again the short jobs that other processes disturbed.
 */
import { writeFileSync } from 'node:fs';
import { runJob } from './jobs';
import { cpuBusySeconds, waitForQuiet } from './machine-load';
import { BUSY_CORES, metricText, type Row, seconds } from './table';

/** Disturbed jobs that took longer than this (seconds) are not run again. */
const RETRY_MAX_S = 90;

export type Execute = (row: Row, argvJob: string[]) => Promise<void>;

export function makeExecutor(options: {
  quietWait: number;
  timeoutMs: number;
  /** Where the raw JSON lines go (rewritten after each job). */
  rawPath: string;
  log: (message: string) => void;
}): Execute {
  const { quietWait, timeoutMs, rawPath, log } = options;
  const raw: string[] = [];
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
  return execute;
}

/** Jobs that other processes disturbed are run again (when short enough) and the faster run is kept. */
export async function rerunDisturbed(
  rows: Row[],
  retries: number,
  execute: Execute,
  log: (message: string) => void,
): Promise<void> {
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
}
