/** The tabular benchmark's Markdown table: one row per job, grouped by data set, with ratios to scikit-learn HGB. */
import type { Tool } from './args';
import { float64Bytes } from './datasets';
import type { DatasetInfo, JobResult } from './jobs';
import { fitRatio } from './rounds';

const TOOL_LABELS: Record<Tool, string> = {
  sklearn_hgb: 'scikit-learn HGB',
  xgboost_hist: 'XGBoost hist',
  sklearn_rf: 'scikit-learn RF',
  quarry_hgb: 'Quarry HGB',
};

/** One (data set × tool × threads) job: what ran and what it measured. */
export interface Row {
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
  /** How many times the job ran (disturbed short jobs run again; paired tools once per round). */
  runs?: number;
  /** Every round's result, in round order, for the paired tools (rounds.ts). */
  rounds?: JobResult[];
}

/** Other processes' average load (cores) from which a row's timing is marked as disturbed. */
export const BUSY_CORES = 0.5;

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

export function seconds(s: number): string {
  if (s >= 100) return s.toFixed(0);
  if (s >= 10) return s.toFixed(1);
  if (s >= 1) return s.toFixed(2);
  return s.toFixed(3);
}

export function metricText(result: JobResult): string {
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

function ratioText({ ratio, low, high }: { ratio: number; low?: number; high?: number }): string {
  const range = low === undefined || high === undefined ? '' : ` (${low.toFixed(2)}–${high.toFixed(2)})`;
  return `${ratio.toFixed(2)}×${range}`;
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
      );
      const ratio = base === undefined ? '–' : ratioText(fitRatio(row, base));
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
