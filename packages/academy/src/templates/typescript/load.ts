// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are generated TypeScript, `${…}` included.
import { comment, ts } from '../code';
import type { TemplateContext } from '../context';

/** What every TypeScript template starts with: a CSV reader and the studio's way of reading a cell. */
export const TS_READERS = `type Row = Record<string, string | null>;

/** Reads a CSV file (RFC 4180: a quoted field may hold commas, quotes and line breaks); an empty cell is missing. */
function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8').replace(/^\\uFEFF/, '');
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    record.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = wasQuoted = true;
    else if (ch === ',') endField();
    else if (ch === '\\n' || ch === '\\r') {
      if (ch === '\\r' && text[i + 1] === '\\n') i++;
      endField();
      records.push(record);
      record = [];
    } else field += ch;
  }
  if (field !== '' || record.length > 0) (endField(), records.push(record));
  const [header, ...body] = records;
  return body.map((cells) => Object.fromEntries(header.map((name, j) => [name as string, cells[j] ?? null])));
}

/** A cell as the studio reads a numeric column: text that is not a number is missing (NaN). */
const num = (v: string | null | undefined): number => (v == null || v.trim() === '' ? Number.NaN : Number(v.trim()));
/** A datetime cell as epoch milliseconds (a time without a zone is read as UTC, like DuckDB's TIMESTAMP). */
const time = (v: string | null | undefined): number => {
  const s = v?.trim() ?? '';
  return s === '' ? Number.NaN : Date.parse(/[zZ]$|[+-]\\d\\d:?\\d\\d$/.test(s) ? s : s.replace(' ', 'T') + 'Z');
};
/** A cell as the studio reads any other column: trimmed text, or null when missing. */
const text = (v: string | null | undefined): string | null => (v == null ? null : v.trim());`;

/** Step 1 in TypeScript: imports, the readers, and the lab's file read as rows of text (as the studio stores it). */
export function typescriptLoad(ctx: TemplateContext, imports: string[]): string {
  const types = ctx.loadColumns.map((c) => `  ${ts(c.name)}: ${ts(c.type)},`).join('\n');
  return [
    comment('//', `Step 1 · Load & inspect — ${ctx.lab.title}: read ${ctx.dataFile} as the studio does.`),
    ...imports,
    '',
    `const DATA_FILE = ${ts(ctx.dataFile)};`,
    comment(
      '//',
      "The studio's column types for the file. Cells are kept as text and read by type when used.",
    ),
    `const TYPES: Record<string, string> = {\n${types}\n};`,
    '',
    TS_READERS,
    '',
    'const raw = readCsv(DATA_FILE);',
    'console.log(`${DATA_FILE}: ${raw.length} rows, ${Object.keys(TYPES).length} columns`);',
    'const missing = Object.keys(TYPES)',
    "  .map((name) => [name, raw.filter((row) => (TYPES[name] === 'numeric' ? Number.isNaN(num(row[name])) : row[name] == null)).length] as const)",
    '  .filter(([, n]) => n > 0);',
    "console.log('Missing values per column:', Object.fromEntries(missing));",
  ].join('\n');
}
