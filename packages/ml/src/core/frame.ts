import {
  type Column,
  type ColumnKind,
  categoricalColumn,
  columnLength,
  numericColumn,
  takeColumn,
} from './column';
import { MlError } from './errors';

export type RecordValue = number | string | boolean | null | undefined;

/** A table of named, typed columns of equal length (see `column.ts` for the two column layouts). */
export class Frame {
  readonly columns: readonly Column[];
  readonly nRows: number;
  readonly #byName: Map<string, Column>;

  constructor(columns: readonly Column[], nRows = columns.length === 0 ? 0 : columnLength(columns[0])) {
    this.#byName = new Map();
    for (const column of columns) {
      if (this.#byName.has(column.name)) {
        throw new MlError(
          'SHAPE_MISMATCH',
          `Column '${column.name}' appears twice. Give every column a unique name.`,
        );
      }
      if (columnLength(column) !== nRows) {
        throw new MlError(
          'SHAPE_MISMATCH',
          `Column '${column.name}' has ${columnLength(column)} rows but the frame has ${nRows}. Columns must be equally long.`,
        );
      }
      this.#byName.set(column.name, column);
    }
    this.columns = columns;
    this.nRows = nRows;
  }

  get names(): string[] {
    return this.columns.map((column) => column.name);
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  column(name: string): Column {
    const column = this.#byName.get(name);
    if (column === undefined) {
      throw new MlError(
        'MISSING_COLUMN',
        `Column '${name}' is not in the data (it has: ${this.names.join(', ') || 'no columns'}). Add the column or retrain without it.`,
        { details: { column: name } },
      );
    }
    return column;
  }

  select(names: readonly string[]): Frame {
    return new Frame(
      names.map((name) => this.column(name)),
      this.nRows,
    );
  }

  take(indices: Int32Array): Frame {
    return new Frame(
      this.columns.map((column) => takeColumn(column, indices)),
      indices.length,
    );
  }

  /**
   * Builds a frame from row objects (for tests and small examples). A column is numeric when every present value
   * is a number, otherwise categorical (values stringified); `kinds` forces a kind. `null`, `undefined` and `NaN`
   * are missing.
   */
  static fromRecords(
    records: readonly Record<string, RecordValue>[],
    kinds: Record<string, ColumnKind> = {},
  ): Frame {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      for (const name of Object.keys(record)) {
        if (!seen.has(name)) {
          seen.add(name);
          names.push(name);
        }
      }
    }
    for (const name of Object.keys(kinds)) if (!seen.has(name)) names.push(name);
    const columns = names.map((name) => {
      const values = records.map((record) => record[name]);
      const isMissing = (v: RecordValue) =>
        v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
      const kind =
        kinds[name] ??
        (values.every((v) => isMissing(v) || typeof v === 'number') ? 'numeric' : 'categorical');
      if (kind === 'numeric')
        return numericColumn(
          name,
          values.map((v) => (isMissing(v) ? Number.NaN : Number(v))),
        );
      return categoricalColumn(
        name,
        values.map((v) => (isMissing(v) ? null : String(v))),
      );
    });
    return new Frame(columns, records.length);
  }
}
