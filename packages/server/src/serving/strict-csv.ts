import { createReadStream } from 'node:fs';
import { readCsvHeaderFields } from '../datasets/csv-header';
import { MAX_COLUMNS, NULL_STRINGS } from '../datasets/ingest';
import { httpError } from '../errors';
import { parseLimits } from '../untrusted/limits';
import { safeColumnNames } from '../untrusted/safe-names';

/** The caps of a parse: the same numbers the child-process parser enforces (untrusted/limits.ts). */
export interface CsvCaps {
  /** Longest record, in characters (quoted line breaks included). */
  maxLineChars: number;
  /** Longest value, in characters. */
  maxCellChars: number;
  maxColumns: number;
}

export function defaultCaps(): CsvCaps {
  const limits = parseLimits();
  return { maxLineChars: limits.maxLineBytes, maxCellChars: limits.maxCellBytes, maxColumns: MAX_COLUMNS };
}

/** A run of records: `cells[r · nCols + j]` is record r's field j, null for a NULL string (as DuckDB reads it). */
export interface CsvBatch {
  nRows: number;
  cells: (string | null)[];
}

export interface CsvFile {
  /** Column names made safe exactly as a data-set upload makes them (untrusted/safe-names.ts). */
  names: string[];
  /** The records in batches of at most `batchRows`; a second call reads the file again from the start. */
  batches: (batchRows: number) => AsyncGenerator<CsvBatch>;
}

const NULLS = new Set(NULL_STRINGS);
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;

/**
 * A strict, bounded RFC 4180 reader, run in the server process for batch scoring (docs/decisions.md: why this
 * needs no child process). It reads what the child's DuckDB `read_csv` reads with the loader's options (header
 * row, one delimiter sniffed from it, `"` quoting with `""` escapes, the same NULL strings quoted or not, blank
 * lines skipped) and refuses what that refuses, with the same error codes: a record with the wrong number of
 * fields (RAGGED_ROWS), text after a closing quote or an unclosed quote (UNREADABLE_FILE), a NUL byte or bytes
 * that are not UTF-8 (UNREADABLE_FILE), over 2 000 columns, a record over 8 MiB or a value over 1 MiB. Memory is
 * one 1 MiB read buffer, the unfinished record and one batch: a hostile file costs at most a few caps of it.
 */
export async function openCsv(
  path: string,
  fileName: string,
  delimiterHint: string | undefined,
  caps: CsvCaps = defaultCaps(),
): Promise<CsvFile> {
  let header: string[] | null = null;
  let delimiter = delimiterHint;
  const sniff = (head: string) => {
    delimiter ??= readCsvHeaderFields(head).delimiter;
  };
  for await (const records of parse(path, fileName, () => delimiter!, caps, {
    batchRows: 1,
    onHead: sniff,
  })) {
    header = records.cells as string[];
    break;
  }
  if (header === null) throw httpError('EMPTY_FILE', { fileName });
  if (header.length > caps.maxColumns)
    throw httpError('TOO_MANY_COLUMNS', { fileName, count: header.length, limit: caps.maxColumns });
  const { names } = safeColumnNames(header.map((h) => h ?? ''));
  const d = delimiter!;
  return {
    names,
    batches: (batchRows: number) => parse(path, fileName, () => d, caps, { batchRows, names }),
  };
}

/** Decoded text of a file, chunk by chunk, refusing NUL bytes and bytes that are not UTF-8. */
async function* textChunks(path: string, fileName: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const unreadable = (detail: string) => httpError('UNREADABLE_FILE', { fileName, format: 'CSV', detail });
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw unreadable(`it contains binary data (a NUL byte at offset ${offset + nul})`);
    offset += chunk.length;
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw unreadable('it is not UTF-8 text');
    }
  }
  try {
    yield decoder.decode();
  } catch {
    throw unreadable('it is not UTF-8 text');
  }
}

/**
 * The records of the file, `batchRows` at a time. Without `names` only the header is read (as written: no NULL
 * strings); with them the header is skipped and every record must have one field per name.
 */
async function* parse(
  path: string,
  fileName: string,
  delimiterOf: () => string,
  caps: CsvCaps,
  { batchRows, names, onHead }: { batchRows: number; names?: string[]; onHead?: (head: string) => void },
): AsyncGenerator<CsvBatch> {
  const headerOnly = names === undefined;
  let skip = headerOnly ? 0 : 1;
  let pending = '';
  const reader = new RecordReader(fileName, caps, names);
  let nRows = 0;
  let started = false;
  const chunks = textChunks(path, fileName);
  // Closed however the reading ends (a consumer that stops early closes the file too).
  try {
    let done = false;
    while (!done) {
      const next = await chunks.next();
      done = next.done === true;
      let text = pending + (next.value ?? '');
      if (!started) {
        if (text.length === 0 && !done) continue;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        onHead?.(text.slice(0, 64 * 1024));
        started = true;
      }
      reader.start(text, delimiterOf().charCodeAt(0), done);
      let pos = 0;
      for (;;) {
        const before = reader.cells.length;
        const outcome = reader.read(pos);
        if (outcome === INCOMPLETE) break;
        if (reader.end - pos > caps.maxLineChars)
          throw httpError('LINE_TOO_LONG', { fileName, limit: caps.maxLineChars, line: reader.line });
        pos = reader.end;
        const fields = reader.cells.length - before;
        if (outcome === BLANK || skip > 0) {
          if (outcome !== BLANK) skip--;
          reader.cells.length = before;
        } else {
          const expected = names?.length ?? fields;
          if (fields !== expected)
            throw httpError('RAGGED_ROWS', {
              fileName,
              detail: `line ${reader.recordLine} has ${fields} fields where the header has ${expected}`,
            });
          nRows++;
          if (headerOnly || nRows === batchRows) {
            yield { nRows, cells: reader.cells };
            if (headerOnly) return;
            reader.cells = [];
            nRows = 0;
          }
        }
        if (pos >= text.length) break;
      }
      pending = text.slice(pos);
      if (pending.length > caps.maxLineChars)
        throw httpError('LINE_TOO_LONG', { fileName, limit: caps.maxLineChars, line: reader.line });
    }
    if (nRows > 0) yield { nRows, cells: reader.cells };
  } finally {
    await chunks.return(undefined);
  }
}

const RECORD = 0;
const BLANK = 1;
const INCOMPLETE = 2;

/**
 * Reads one record at a time from a chunk of text, appending its fields to `cells` (a record cut off by the end
 * of the chunk is taken back and read again with the next chunk). A class with fields, not closures: this is
 * the hot loop of batch scoring.
 */
class RecordReader {
  cells: (string | null)[] = [];
  /** Where the last record read ended, the line it started on, and the current line. */
  end = 0;
  recordLine = 1;
  line = 1;
  private text = '';
  private delim = 0;
  private final = false;

  constructor(
    private readonly fileName: string,
    private readonly caps: CsvCaps,
    private readonly names: string[] | undefined,
  ) {}

  start(text: string, delim: number, final: boolean): void {
    this.text = text;
    this.delim = delim;
    this.final = final;
  }

  /** RECORD, BLANK (a line of one empty unquoted field, which DuckDB skips) or INCOMPLETE. */
  read(pos: number): number {
    const { text, delim, cells } = this;
    const n = text.length;
    if (pos >= n) return INCOMPLETE;
    const first = cells.length;
    let lines = 0;
    let i = pos;
    for (;;) {
      // A field: spaces then a quote open a quoted value (as DuckDB reads ` "x"`); anything else is taken as is.
      let q = i;
      while (q < n && text.charCodeAt(q) === SPACE) q++;
      let value: string;
      let quoted = false;
      if (q < n && text.charCodeAt(q) === QUOTE) {
        quoted = true;
        let j = q + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          close = text.indexOf('"', j);
          if (close < 0) {
            if (!this.final) return this.undo(first);
            throw this.unreadable('a quoted value is never closed', lines);
          }
          if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
            escaped = true;
            j = close + 2;
            continue;
          }
          if (close + 1 >= n && !this.final) return this.undo(first);
          break;
        }
        const raw = text.slice(q + 1, close);
        for (let k = raw.indexOf('\n'); k >= 0; k = raw.indexOf('\n', k + 1)) lines++;
        value = escaped ? raw.replaceAll('""', '"') : raw;
        i = close + 1;
        while (i < n && text.charCodeAt(i) === SPACE) i++;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !this.final) return this.undo(first);
        value = text.slice(i, j);
        i = j;
      }
      this.push(value, cells.length - first);
      if (i >= n && !this.final) return this.undo(first);
      if (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim) {
          i++;
          continue;
        }
        if (c !== CR && c !== LF) throw this.unreadable('a quoted value is followed by more text', lines);
        if (c === CR && i + 1 >= n && !this.final) return this.undo(first);
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        lines++;
      }
      this.end = i;
      this.recordLine = this.line;
      this.line += lines;
      const blank = cells.length - first === 1 && !quoted && value === '';
      return blank ? BLANK : RECORD;
    }
  }

  private push(value: string, field: number): void {
    if (value.length > this.caps.maxCellChars)
      throw httpError('CELL_TOO_LONG', {
        fileName: this.fileName,
        column: this.names?.[field] ?? `#${field + 1}`,
        limit: this.caps.maxCellChars,
      });
    if (field >= this.caps.maxColumns)
      throw httpError('TOO_MANY_COLUMNS', {
        fileName: this.fileName,
        count: field + 1,
        limit: this.caps.maxColumns,
      });
    // The header's names are taken as written; in records the NULL strings are missing values (looked up only
    // for values that could be one: hashing every cell for the set costs more than reading the file).
    const c = value.length === 0 ? 0 : value.charCodeAt(0);
    const maybeNull = value.length <= 4 && (c === 0 || c === 0x4e || c === 0x6e || c === 0x23);
    this.cells.push(this.names !== undefined && maybeNull && NULLS.has(value) ? null : value);
  }

  private undo(first: number): number {
    this.cells.length = first;
    return INCOMPLETE;
  }

  private unreadable(detail: string, lines: number) {
    return httpError('UNREADABLE_FILE', {
      fileName: this.fileName,
      format: 'CSV',
      detail: `${detail} (line ${this.line + lines})`,
    });
  }
}
