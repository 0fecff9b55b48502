/**
 * CSV for people who open it in a spreadsheet (SECURITY-TESTS row L, OWASP "CSV Injection"): every text field
 * is double-quoted with embedded quotes doubled, and text that starts with = + - @ TAB CR or LF gets a leading
 * apostrophe so no spreadsheet evaluates it. Numbers are written as numbers, so -5 stays -5.
 * `raw: true` writes the values untouched (for programs), still quoted.
 */
const TRIGGER = /^[=+\-@\t\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue, raw = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = !raw && TRIGGER.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCsv(columns: string[], rows: CsvValue[][], raw = false): string {
  const lines = [columns.map((c) => csvField(c, raw)).join(',')];
  for (const row of rows) lines.push(row.map((v) => csvField(v, raw)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
