import { MlError } from '../core/errors';

export interface WideSeries {
  ids: string[];
  series: Float64Array[];
}

/**
 * Reads many series in the M4 "wide" layout: one series per line, the id first, then the values in time order;
 * fields may be quoted; short rows end in empty cells, which are dropped. A first line whose second field is not
 * a number is taken as a header and skipped. An empty cell between values is a missing value (NaN).
 */
export function parseWideSeries(text: string): WideSeries {
  const ids: string[] = [];
  const series: Float64Array[] = [];
  const lines = text.split(/\r?\n/);
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row];
    if (line.trim() === '') continue;
    const fields = line.split(',').map(unquote);
    if (row === 0 && fields.length > 1 && fields[1] !== '' && !Number.isFinite(Number(fields[1]))) continue;
    let end = fields.length;
    while (end > 1 && fields[end - 1] === '') end--;
    const values = new Float64Array(end - 1);
    for (let j = 1; j < end; j++) {
      const cell = fields[j];
      const value = cell === '' || cell === 'NA' ? Number.NaN : Number(cell);
      if (cell !== '' && cell !== 'NA' && !Number.isFinite(value)) {
        throw new MlError(
          'INVALID_PARAMETER',
          `Line ${row + 1}, field ${j + 1} of the wide file is not a number (${JSON.stringify(cell)}): the wide layout is an id followed by numbers.`,
          { details: { line: row + 1, field: j + 1 } },
        );
      }
      values[j - 1] = value;
    }
    ids.push(fields[0]);
    series.push(values);
  }
  return { ids, series };
}

function unquote(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"')
    : trimmed;
}
