import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../store/db';
import { type ColumnInfo, type ColumnType, typedExpression } from './column-types';

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  missing: number;
  distinct: number;
  min?: number | string;
  max?: number | string;
  mean?: number;
  std?: number;
  quantiles?: { p05: number; p25: number; p50: number; p75: number; p95: number };
  histogram?: { x0: number; x1: number; count: number }[];
  topValues?: { value: string; count: number }[];
}

const BINS = 20;
const TOP = 20;

/** Profiles every column in DuckDB; only aggregates cross into JavaScript. */
export async function profileTable(
  c: DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
): Promise<ColumnProfile[]> {
  const out: ColumnProfile[] = [];
  for (const column of columns) {
    const v = typedExpression(column.name, column.type);
    const from = `(SELECT ${v} AS v FROM ${ident(table)})`;
    const base = (
      await c.runAndReadAll(
        `SELECT count(*) - count(v) AS missing, count(DISTINCT v) AS distinct_ FROM ${from}`,
      )
    ).getRowObjectsJS()[0];
    const profile: ColumnProfile = {
      name: column.name,
      type: column.type,
      missing: Number(base.missing),
      distinct: Number(base.distinct_),
    };
    if (column.type === 'numeric') Object.assign(profile, await numericProfile(c, from));
    else {
      if (column.type === 'datetime') {
        const r = (
          await c.runAndReadAll(
            `SELECT CAST(min(v) AS VARCHAR) AS lo, CAST(max(v) AS VARCHAR) AS hi FROM ${from}`,
          )
        ).getRowObjectsJS()[0];
        if (r.lo !== null) Object.assign(profile, { min: String(r.lo), max: String(r.hi) });
      }
      const top = await c.runAndReadAll(
        `SELECT CAST(v AS VARCHAR) AS value, count(*) AS n FROM ${from} WHERE v IS NOT NULL GROUP BY v ORDER BY n DESC, value LIMIT ${TOP}`,
      );
      profile.topValues = top.getRowObjectsJS().map((r) => ({ value: String(r.value), count: Number(r.n) }));
    }
    out.push(profile);
  }
  return out;
}

async function numericProfile(c: DuckDBConnection, from: string): Promise<Partial<ColumnProfile>> {
  // NaN and ±Infinity are not measurements: leave them out of the moments and the histogram.
  const finite = `(SELECT v FROM ${from} WHERE isfinite(v))`;
  const s = (
    await c.runAndReadAll(
      `SELECT min(v) AS lo, max(v) AS hi, avg(v) AS mean, stddev_samp(v) AS std,
              quantile_cont(v, [0.05, 0.25, 0.5, 0.75, 0.95]) AS q FROM ${finite}`,
    )
  ).getRowObjectsJS()[0];
  if (s.lo === null) return {};
  const lo = Number(s.lo);
  const hi = Number(s.hi);
  const q = (s.q as number[]).map(Number);
  const width = hi > lo ? (hi - lo) / BINS : 1;
  const counts = await c.runAndReadAll(
    `SELECT least(CAST(floor((v - $1) / $2) AS INTEGER), ${BINS - 1}) AS b, count(*) AS n FROM ${finite} GROUP BY b ORDER BY b`,
    [lo, width],
  );
  const bins = hi > lo ? BINS : 1;
  const histogram = Array.from({ length: bins }, (_, i) => ({
    x0: lo + i * width,
    x1: i === bins - 1 ? hi : lo + (i + 1) * width,
    count: 0,
  }));
  for (const r of counts.getRowObjectsJS()) histogram[Math.min(Number(r.b), bins - 1)].count += Number(r.n);
  return {
    min: lo,
    max: hi,
    mean: Number(s.mean),
    std: s.std === null ? 0 : Number(s.std),
    quantiles: { p05: q[0], p25: q[1], p50: q[2], p75: q[3], p95: q[4] },
    histogram,
  };
}
