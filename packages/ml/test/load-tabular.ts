import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Column, categoricalColumn, numericColumn } from '../src/core/column';
import { Frame } from '../src/core/frame';
import { Matrix } from '../src/core/matrix';

/** The shared reference data (see /work/shared/data/README.md), relative to this file. */
export const TABULAR_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'tabular');

export interface TabularSpec {
  target: string;
  task: 'classification' | 'regression';
  positive?: string;
}

export interface TabularData {
  /** The feature columns: numeric where every present cell is a number, categorical otherwise. */
  frame: Frame;
  /** The target column's cells ('' = missing). */
  target: string[];
  /** 0-based holdout rows; every other row is training data. */
  test: Int32Array;
  train: Int32Array;
}

/** Splits one CSV record (RFC 4180: quoted fields, doubled quotes inside them). */
function parseRecord(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

const isMissing = (cell: string) => cell === '' || cell === 'NA';

/** A column of cells as numbers when every present cell parses as one, else as categories (levels sorted). */
function toColumn(name: string, cells: string[]): Column {
  const numeric = cells.every((cell) => isMissing(cell) || Number.isFinite(Number(cell)));
  if (numeric)
    return numericColumn(
      name,
      cells.map((cell) => (isMissing(cell) ? Number.NaN : Number(cell))),
    );
  return categoricalColumn(
    name,
    cells.map((cell) => (isMissing(cell) ? null : cell)),
  );
}

export function readSpecs(): Record<string, TabularSpec> {
  return JSON.parse(readFileSync(join(TABULAR_DIR, 'specs.json'), 'utf8'));
}

/** Loads `<name>.csv` and its split: the target column apart, the other columns as a frame. */
export function loadTabular(name: string, target: string): TabularData {
  const lines = readFileSync(join(TABULAR_DIR, `${name}.csv`), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const header = parseRecord(lines[0]);
  const records = lines.slice(1).map(parseRecord);
  const cellsOf = (j: number) => records.map((record) => record[j] ?? '');
  const targetIndex = header.indexOf(target);
  const columns = header.flatMap((name, j) => (j === targetIndex ? [] : [toColumn(name, cellsOf(j))]));
  const split = JSON.parse(readFileSync(join(TABULAR_DIR, 'splits', `${name}.json`), 'utf8')) as {
    test: number[];
  };
  const test = Int32Array.from(split.test);
  const inTest = new Uint8Array(records.length);
  for (const i of test) inTest[i] = 1;
  const train = Int32Array.from(records.keys()).filter((i) => !inTest[i]);
  return { frame: new Frame(columns), target: cellsOf(targetIndex), test, train };
}

/** The frame as a matrix: numeric columns as they are, categorical ones as their codes (NaN = missing). */
export function frameToCodes(frame: Frame): { X: Matrix; categorical: boolean[] } {
  const X = new Matrix(frame.nRows, frame.columns.length);
  const categorical = frame.columns.map((column, j) => {
    const out = X.column(j);
    if (column.kind === 'numeric') {
      out.set(column.values);
      return false;
    }
    column.codes.forEach((code, i) => {
      out[i] = code < 0 ? Number.NaN : code;
    });
    return true;
  });
  return { X, categorical };
}
