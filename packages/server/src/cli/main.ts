import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config';
import { HttpError } from '../errors';
import { forecastCommand } from './forecast';
import { predictCommand } from './predict';
import { startCommand } from './start';
import { trainCommand } from './train';

export const HELP = `quarry — a self-hosted data-science studio

Usage:
  quarry start [--host H] [--port P] [--data-dir D] [--config quarry.yaml]
      Serve the studio (default http://127.0.0.1:8787, data in ./.quarry).

  quarry train <file> --target <col> [--task auto|classification|regression] [--model auto|linear|tree|forest|extra_trees|gbdt|knn|nb]
               [--params <json>] [--test-rows <file.json>] [--seed N] [--threads N] [--out <model.json>] [--cv K] [--json]
      Train on a CSV/TSV/JSON/NDJSON/Parquet/XLSX file and score on a holdout: the rows listed in
      --test-rows ({"test": [0-based row indices]}), or a 25% split (stratified for classification) by --seed.
      --json prints one JSON object: {"task", "model", "n_train", "n_test", "fit_seconds", "metrics"}.
      --cv K (2..20) also compares every model family and the dummy baseline by K-fold cross-validation on the
      training rows and prints the leaderboard; with --json it is added as "leaderboard": [{model, mean, std, ...}].

  quarry predict <model.json> <file> [--out <predictions.csv>] [--raw] [--json]
      Predict with a saved model. The file is checked against the training schema first.
      CSV output is protected against formula injection unless --raw.

  quarry forecast [--data] <file> --horizon H [--format long|wide|m4] [--time COL] [--value COL] [--id COL]
               [--model auto|naive|snaive|naive2|ses|holt|damped|ets|theta|otheta|arima|mstl] [--models a,b,c]
               [--season S] [--levels 80,95] [--folds K] [--sort] [--test <file>] [--limit N] [--seed N]
               [--threads N] [--out <forecasts.csv>] [--json]
      Backtest the models on each series (rolling origin, K folds), pick the best (auto: or the median of the
      top 3), refit on all of it and forecast H steps with intervals. Long format: one row per series and time
      (columns detected unless named). Wide/m4: one series per line (id, then values); with an M4 file name the
      horizon and season default to M4's, and --test scores sMAPE, MASE and OWA against Naive2.
      --out writes CSV: long input → id,time,step,model,forecast,lo_80,hi_80,…; wide input → id,F1,…,FH.

  quarry --help | --version
`;

/** Runs the CLI; returns the exit code (0 ok, 1 failed, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await startCommand(rest);
      case 'train':
        return await trainCommand(rest);
      case 'predict':
        return await predictCommand(rest);
      case 'forecast':
        return await forecastCommand(rest);
      case '--version':
      case '-v':
        process.stdout.write(`${(await import('../version')).VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`quarry: unknown command '${command}'.\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    return reportError(err);
  }
}

export class UsageError extends Error {}

function reportError(err: unknown): number {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`quarry: ${(err as Error).message}\nRun 'quarry --help' for usage.\n`);
    return 2;
  }
  if (err instanceof HttpError || err instanceof ConfigError) {
    process.stderr.write(`quarry: ${err.message}${err instanceof HttpError ? ` [${err.code}]` : ''}\n`);
    const issues =
      err instanceof HttpError
        ? (err.details as { issues?: { severity: string; column: string; message: string }[] })?.issues
        : undefined;
    for (const i of issues ?? []) process.stderr.write(`  ${i.severity}: ${i.column}: ${i.message}\n`);
    return 1;
  }
  const e = err as Error & { code?: string };
  process.stderr.write(`quarry: ${e.message}${e.code ? ` [${e.code}]` : ''}\n`);
  return 1;
}

export { parseArgs };
