import { steady } from './steady';

/** What the quality checks and the leakage linter report (docs/api.md, "Explore and clean"). */
export type WarningCode =
  | 'constant_column'
  | 'near_constant_column'
  | 'id_like_column'
  | 'high_cardinality'
  | 'numbers_as_text'
  | 'mixed_types'
  | 'class_imbalance'
  | 'duplicate_rows'
  | 'impossible_dates'
  | 'near_perfect_predictor'
  | 'target_derived'
  | 'after_outcome'
  | 'duplicates_across_split'
  | 'group_across_split';

export type Severity = 'info' | 'warning' | 'critical';

export interface Warning {
  code: WarningCode;
  category: 'quality' | 'leakage';
  severity: Severity;
  columns: string[];
  message: string;
  suggestion: string;
  details: Record<string, number | string | boolean | null>;
}

const LEAKAGE = new Set<WarningCode>([
  'near_perfect_predictor',
  'target_derived',
  'after_outcome',
  'duplicates_across_split',
  'group_across_split',
]);

export function warning(
  code: WarningCode,
  severity: Severity,
  columns: string[],
  text: { message: string; suggestion: string },
  details: Warning['details'] = {},
): Warning {
  return {
    code,
    category: LEAKAGE.has(code) ? 'leakage' : 'quality',
    severity,
    columns,
    message: text.message,
    suggestion: text.suggestion,
    details: Object.fromEntries(Object.entries(details).map(([k, v]) => [k, steady(v)])),
  };
}

/** A number for a message: at most 3 decimals, with thousands separators. */
export const fmt = (x: number): string =>
  Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 3 });
export const pct = (x: number): string =>
  `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Leakage first, then by severity, code and columns: the same data always lists the same warnings in order. */
export function sortWarnings(list: Warning[]): Warning[] {
  const key = (w: Warning) => w.columns.join('\u0000');
  return [...list].sort(
    (a, b) =>
      (a.category === b.category ? 0 : a.category === 'leakage' ? -1 : 1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
}
