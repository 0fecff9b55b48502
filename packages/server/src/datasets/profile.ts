import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, ColumnType } from './column-types';
import { sampleStats } from './profile-sample';
import { BINS, type ColumnScan, scanTable } from './profile-scan';
import { SAMPLE_ROWS, TOP } from './sample';

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  missing: number;
  distinct: number;
  /** True when `distinct` is a HyperLogLog estimate (many-valued columns of tables over 200 000 rows). */
  distinctApprox: boolean;
  min?: number | string;
  max?: number | string;
  mean?: number;
  std?: number;
  quantiles?: { p05: number; p25: number; p50: number; p75: number; p95: number };
  histogram?: { x0: number; x1: number; count: number }[];
  topValues?: { value: string; count: number }[];
  outliers?: {
    iqrLower: number;
    iqrUpper: number;
    iqrCount: number;
    median: number;
    mad: number;
    madCount: number;
  };
  impossibleDates?: number;
}

export interface DatasetProfile {
  nRows: number;
  /** Rows the quantiles and the MAD were computed on: all of them up to 200 000, a fixed sample above. */
  quantileRows: number;
  columns: ColumnProfile[];
  duplicateRows: number;
  missingPatterns: { columns: string[]; count: number }[];
}

/**
 * Profiles every column in DuckDB; only aggregates cross into JavaScript. Pass 0 works on the analysis sample
 * (quantiles, MAD, distinct counts: profile-sample.ts), pass 1 is one aggregate query over the whole table
 * (profile-scan.ts). Top values are exact: every value is counted when a column has at most 1000 values in the
 * sample; otherwise the sample's 40 most frequent values are counted on every row (small tables: the sample is
 * the table) and the top 20 kept. Near-unique text columns of large tables get no top values.
 */
export async function profileTable(
  c: DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
  nRows: number,
): Promise<DatasetProfile> {
  const sample = await sampleStats(c, table, columns, nRows);
  const scan = await scanTable(c, table, columns, sample, nRows);
  const tops = new Map<number, { value: string; count: number }[]>();
  // Near-unique columns of large tables have no candidates (sample.ts, nearUnique): every count would be about 1.
  for (const [i, candidates] of sample.topCandidates) {
    tops.set(i, topOf(nRows > SAMPLE_ROWS ? (scan.columns[i].topCounts ?? []) : candidates));
  }
  const profiles = columns.map((info, i) =>
    columnProfile(info, scan.columns[i], scan.nRows, sample, i, tops),
  );
  const missingPatterns = scan.patterns
    .filter(([mask]) => mask !== 0n)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([mask, count]) => ({
      columns: scan.patternColumns.filter((_, bit) => (mask >> BigInt(bit)) & 1n).map((i) => columns[i].name),
      count,
    }));
  return {
    nRows: scan.nRows,
    quantileRows: sample.rows,
    columns: profiles,
    duplicateRows: scan.duplicateRows,
    missingPatterns,
  };
}

function columnProfile(
  info: ColumnInfo,
  s: ColumnScan,
  nRows: number,
  sample: Awaited<ReturnType<typeof sampleStats>>,
  i: number,
  tops: Map<number, { value: string; count: number }[]>,
): ColumnProfile {
  const profile: ColumnProfile = {
    name: info.name,
    type: info.type,
    missing: nRows - s.nonNull,
    distinct: s.distinct,
    distinctApprox: !s.distinctExact,
  };
  const q = sample.numeric.get(i);
  if (info.type === 'numeric') {
    if (q === undefined || s.bins === undefined || s.min === undefined || s.max === undefined) return profile;
    const width = q.max > q.min ? (q.max - q.min) / BINS : 1;
    const last = s.bins.length - 1;
    Object.assign(profile, {
      min: s.min,
      max: s.max,
      mean: s.mean,
      std: s.std,
      quantiles: {
        p05: q.quantiles[0],
        p25: q.quantiles[1],
        p50: q.quantiles[2],
        p75: q.quantiles[3],
        p95: q.quantiles[4],
      },
      // Edges come from the sample's range; values beyond it (large tables only) fall in the first or last bin.
      histogram: s.bins.map((count, b) => ({
        x0: b === 0 ? s.min : q.min + b * width,
        x1: b === last ? s.max : q.min + (b + 1) * width,
        count,
      })),
      outliers: {
        iqrLower: q.quantiles[1] - 1.5 * (q.quantiles[3] - q.quantiles[1]),
        iqrUpper: q.quantiles[3] + 1.5 * (q.quantiles[3] - q.quantiles[1]),
        iqrCount: s.iqrCount ?? 0,
        median: q.quantiles[2],
        mad: q.mad,
        madCount: s.madCount ?? 0,
      },
    });
    return profile;
  }
  if (info.type === 'datetime') {
    if (s.firstDate !== undefined) Object.assign(profile, { min: s.firstDate, max: s.lastDate });
    profile.impossibleDates = s.impossibleDates ?? 0;
  }
  profile.topValues = s.valueCounts !== undefined ? topOf(s.valueCounts) : (tops.get(i) ?? []);
  return profile;
}

/** Value counts, most frequent first (ties by value), cut to the top 20. */
function topOf(counts: [string, number][]): { value: string; count: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP)
    .map(([value, count]) => ({ value, count }));
}
