import type { Cell, LabColumn, LabRow } from './types';

/**
 * Writes a table as CSV by RFC 4180: a header line, comma separators, CRLF line ends, and a field quoted (with its
 * quotes doubled) only when it holds a comma, quote or line break. A missing value is an empty cell, booleans are
 * `true`/`false`, and numbers use JavaScript's shortest round-trip form, which the language specifies exactly, so
 * the same rows always give byte-identical text.
 */
export function toCsv(dataset: { columns: readonly LabColumn[]; rows: readonly LabRow[] }): string {
  const names = dataset.columns.map((c) => c.name);
  const lines = [names.map(field).join(',')];
  for (const row of dataset.rows) lines.push(names.map((name) => field(row[name] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function field(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' && !Number.isFinite(value) ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
