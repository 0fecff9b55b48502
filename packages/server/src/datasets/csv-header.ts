/**
 * Reads the dialect and the header of a delimited text file from its first bytes. DuckDB's sniffer guesses a
 * header from the widest row, which turns a ragged file into a wrong table; reading the first record ourselves
 * lets the loader pass exact columns and fail loudly on rows with the wrong field count.
 */
export interface CsvHeader {
  delimiter: string;
  names: string[];
}

const CANDIDATES = [',', ';', '\t', '|'];

export function readCsvHeader(head: string, delimiter?: string): CsvHeader {
  const { delimiter: delim, fields } = readCsvHeaderFields(head, delimiter);
  return { delimiter: delim, names: uniqueNames(fields) };
}

/** The delimiter and the header's fields as written (blank and repeated names kept), for renaming with a record. */
export function readCsvHeaderFields(
  head: string,
  delimiter?: string,
): { delimiter: string; fields: string[] } {
  const firstLine = firstRecord(head);
  const delim = delimiter ?? sniffDelimiter(firstLine);
  return { delimiter: delim, fields: splitRecord(firstLine, delim) };
}

/** The first record, which may span lines when a quoted field contains a newline. */
function firstRecord(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if ((ch === '\n' || ch === '\r') && !inQuotes) return text.slice(0, i);
  }
  return text;
}

function sniffDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = splitRecord(line, candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Splits one record on the delimiter, honouring double quotes ("" is an escaped quote). */
export function splitRecord(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Blank names become `column_<n>`; repeated names get `_2`, `_3`… (case-insensitively, as DuckDB compares). */
export function uniqueNames(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((name, i) => {
    const base = name.trim() === '' ? `column_${i + 1}` : name.trim();
    let candidate = base;
    for (let k = 2; seen.has(candidate.toLowerCase()); k++) candidate = `${base}_${k}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}
