import { Matrix, RobustZScore } from '@quarry/ml';
import { columnOf, median, missingShare, numericColumn, skewness } from '../labs/measures';
import { labData, memo } from './lab-data';
import type { LabId } from './types';

export interface ColumnProfile {
  name: string;
  type: string;
  missingShare: number;
  distinct: number;
  /** Numeric columns: median, skewness and rows with robust |z| > 3.5 (the `RobustZScore` detector's rule). */
  median?: number;
  skewness?: number;
  outliers?: number;
  /** Other columns: the most frequent value and its share. */
  top?: string;
  topShare?: number;
  /** What a careful analyst would note about the column. */
  warnings: string[];
}

export interface Profile {
  lab: LabId;
  rows: number;
  columns: ColumnProfile[];
  /** Total warnings, the number the lesson's e2e test watches change. */
  warnings: number;
}

/**
 * The profiling lesson: one pass over a lab table that gives each column its type, gaps, distinct values, shape
 * and outliers, and turns them into warnings — the checklist to read before any modelling. The thresholds are
 * the usual rules of thumb: > 5% missing, |skewness| > 1, > 50 levels, a value in more than 95% of rows.
 */
export const profileLab = (lab: LabId): Profile => profileMemo(lab);

const profileMemo = memo((key) => {
  const lab = key as LabId;
  const ds = labData(lab);
  const columns = ds.columns.map((column): ColumnProfile => {
    const values = columnOf(ds, column.name);
    const present = values.filter((v) => v !== null);
    const distinct = new Set(present).size;
    const profile: ColumnProfile = {
      name: column.name,
      type: column.type,
      missingShare: missingShare(ds, column.name),
      distinct,
      warnings: [],
    };
    if (profile.missingShare > 0.05)
      profile.warnings.push(`${(profile.missingShare * 100).toFixed(0)}% missing`);
    if (column.type === 'identifier' && distinct > 0.9 * values.length) {
      profile.warnings.push('unique per row: an identifier, not a feature');
    }
    if (column.type === 'numeric') {
      const numbers = numericColumn(ds, column.name).filter((v) => !Number.isNaN(v));
      profile.median = median(numbers);
      profile.skewness = skewness(numbers);
      const robust = new RobustZScore({ contamination: 'auto', threshold: 3.5 }).fit(
        Matrix.fromColumns([numbers]),
      );
      profile.outliers = robust.predict(Matrix.fromColumns([numbers])).filter((v) => v === -1).length;
      if (Math.abs(profile.skewness) > 1) profile.warnings.push(`skewed (${profile.skewness.toFixed(1)})`);
      if (profile.outliers > 0) profile.warnings.push(`${profile.outliers} outliers (robust |z| > 3.5)`);
    } else if (column.type !== 'identifier' && column.type !== 'datetime') {
      const counts = new Map<string, number>();
      for (const v of present) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      const [top, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      profile.top = top;
      profile.topShare = count / Math.max(1, present.length);
      if (distinct > 50) profile.warnings.push(`${distinct} levels: high cardinality`);
      if (profile.topShare > 0.95) {
        profile.warnings.push(
          column.name === ds.target
            ? `target imbalanced: ${(100 - profile.topShare * 100).toFixed(1)}% positive`
            : `nearly constant (${(profile.topShare * 100).toFixed(0)}% '${top}')`,
        );
      } else if (column.name === ds.target && profile.topShare > 0.8) {
        profile.warnings.push(`target imbalanced: ${(100 - profile.topShare * 100).toFixed(1)}% positive`);
      }
    }
    return profile;
  });
  return { lab, rows: ds.rows.length, columns, warnings: columns.reduce((a, c) => a + c.warnings.length, 0) };
});
