// Formatting for display. Everything returns plain strings: data goes into the page as text, never as HTML.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return Number.isFinite(n) ? integer.format(n) : '—';
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A statistic (mean, quantile, metric): about four significant digits, no exponent for everyday sizes. */
export function formatNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value)) return integer.format(value);
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(3);
  const digits = abs >= 1000 ? 1 : abs >= 100 ? 2 : abs >= 1 ? 3 : 4;
  return value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const pct = fraction * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return `${pct.toFixed(pct >= 10 || pct === 0 ? 0 : 1)}%`;
}

export interface CellText {
  text: string;
  missing: boolean;
  numeric: boolean;
}

/** A data cell as shown in grids: values as stored (no locale grouping), missing as a muted dash. */
export function cellText(value: unknown): CellText {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
    return { text: '—', missing: true, numeric: false };
  }
  if (typeof value === 'number') return { text: String(value), missing: false, numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', missing: false, numeric: false };
  if (typeof value === 'string') return { text: value, missing: false, numeric: false };
  return { text: JSON.stringify(value), missing: false, numeric: false };
}

/** A safe file-name part: letters, digits, dot, dash and underscore. */
export function fileNamePart(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned || 'untitled';
}

/**
 * A data set as the pickers name it: the name alone for an upload never cleaned, else with its version ("customers
 * (v2)"), because every version of a lineage carries the same name.
 */
export function datasetLabel(d: { name: string; version?: number; isCurrent?: boolean }): string {
  const version = d.version ?? 1;
  return version > 1 || d.isCurrent === false ? `${d.name} (v${version})` : d.name;
}
