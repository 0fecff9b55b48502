import type { Task } from '../training/types';

/** A logged prediction that has its outcome. */
export interface Scored {
  prediction: string | null;
  outcome: string;
  time: Date;
}

export interface PerformancePoint {
  /** Start of the bucket (ISO). */
  start: string;
  n: number;
  /** Classification: accuracy. Regression: mae and rmse. */
  accuracy?: number;
  mae?: number;
  rmse?: number;
}

/** Metrics of predictions against their outcomes, overall: what champion/challenger compares. */
export function metricsOf(task: Task, rows: Scored[]): Omit<PerformancePoint, 'start'> {
  if (task === 'classification') {
    const hits = rows.filter((r) => r.prediction === r.outcome.trim()).length;
    return { n: rows.length, accuracy: rows.length === 0 ? Number.NaN : hits / rows.length };
  }
  let abs = 0;
  let sq = 0;
  let n = 0;
  for (const r of rows) {
    const e = Number(r.prediction) - Number(r.outcome);
    if (!Number.isFinite(e)) continue;
    abs += Math.abs(e);
    sq += e * e;
    n++;
  }
  return { n, mae: n === 0 ? Number.NaN : abs / n, rmse: n === 0 ? Number.NaN : Math.sqrt(sq / n) };
}

/** The metrics per hour or day, oldest first. */
export function performanceOverTime(task: Task, rows: Scored[], bucket: 'hour' | 'day'): PerformancePoint[] {
  const ms = bucket === 'hour' ? 3_600_000 : 86_400_000;
  const groups = new Map<number, Scored[]>();
  for (const r of rows) {
    const key = Math.floor(r.time.getTime() / ms) * ms;
    let list = groups.get(key);
    if (list === undefined) groups.set(key, (list = []));
    list.push(r);
  }
  return [...groups]
    .sort((a, b) => a[0] - b[0])
    .map(([start, list]) => ({ start: new Date(start).toISOString(), ...metricsOf(task, list) }));
}
