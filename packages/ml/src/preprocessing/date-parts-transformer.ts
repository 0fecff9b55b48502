import { BaseTransformer } from '../core/base-transformer';
import type { Column } from '../core/column';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularColumns, tabularNames } from '../core/tabular';
import { checkColumnCount, checkNotEmpty } from '../core/validation';
import {
  type CivilTime,
  civilFromEpochMs,
  DATE_PARTS,
  type DatePart,
  datePart,
  parseIsoDate,
} from './date-parts';

export interface DatePartsTransformerParams {
  /** The parts to extract per column, in this order (default: all of `DATE_PARTS`). */
  parts: DatePart[];
}

/**
 * Turns date columns into numeric calendar features, `<column>_<part>` per column and part: year, month (1–12),
 * day, dayofweek (0 = Monday), hour, dayofyear (from 1) and is_weekend (0/1), as pandas' `.dt` accessors. A numeric
 * column holds epoch milliseconds (read in UTC); a categorical column holds ISO 8601 strings (`2024-03-01`,
 * `2024-03-01T14:30:00Z`, read as written). Missing values give NaN in every part; a value that is not a date is an
 * error in fit (WRONG_COLUMN_KIND) and NaN afterwards, so one bad value at predict time does not stop serving.
 */
export class DatePartsTransformer extends BaseTransformer<DatePartsTransformerParams> {
  static override readonly kind: string = 'DatePartsTransformer';
  static override readonly paramConstraints: ParamConstraints = { parts: [{ type: 'array' }] };
  static override readonly stateSchema: StateSchema = {
    columnKinds_: 'strings',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  declare columnKinds_: Column['kind'][];
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<DatePartsTransformerParams> = {}) {
    super({ parts: [...DATE_PARTS] }, params);
  }

  protected override checkState(): void {
    this.expectState(this.columnKinds_.length === this.nFeaturesIn_, 'one kind per column');
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const { parts } = this.params;
    const unknown = parts.find((part) => !(DATE_PARTS as readonly string[]).includes(part));
    if (unknown !== undefined || parts.length === 0 || new Set(parts).size !== parts.length) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The 'parts' parameter of ${this.kind} must list distinct parts among ${DATE_PARTS.join(', ')}. Got [${parts.join(', ')}].`,
        { details: { kind: this.kind, parameter: 'parts' } },
      );
    }
    const columns = tabularColumns(X);
    checkNotEmpty(X.nRows, columns.length, this.kind);
    for (const column of columns) {
      throwIfAborted(options.signal);
      if (column.kind !== 'categorical') continue;
      const used = new Set(column.codes);
      const bad = column.levels.find((level, code) => used.has(code) && parseIsoDate(level) === null);
      if (bad !== undefined) {
        throw new MlError(
          'WRONG_COLUMN_KIND',
          `${this.kind} reads dates from column '${column.name}' but '${bad}' is not an ISO date (YYYY-MM-DD[THH:MM[:SS]]). Convert the column or leave it out.`,
          { details: { kind: this.kind, column: column.name, value: bad } },
        );
      }
    }
    this.columnKinds_ = columns.map((column) => column.kind);
    this.nFeaturesIn_ = columns.length;
    this.featureNamesIn_ = tabularNames(X);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  transform(X: Tabular): Matrix {
    this.checkFitted();
    const columns = tabularColumns(X);
    checkColumnCount(columns.length, this.nFeaturesIn_, this.kind);
    const { parts } = this.params;
    const n = X.nRows;
    const out = new Matrix(n, columns.length * parts.length);
    columns.forEach((column, j) => {
      const times = civilTimes(column);
      parts.forEach((part, k) => {
        const dst = out.column(j * parts.length + k);
        for (let i = 0; i < n; i++) {
          const t = times[i];
          dst[i] = t === null ? Number.NaN : datePart(t, part);
        }
      });
    });
    return out;
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    const names = inputNames ?? this.featureNamesIn_;
    return names.flatMap((name) => this.params.parts.map((part) => `${name}_${part}`));
  }
}

/** Every row's date (null when missing or not a date); categorical levels are parsed once each. */
function civilTimes(column: Column): (CivilTime | null)[] {
  if (column.kind === 'numeric') return Array.from(column.values, civilFromEpochMs);
  const levels = column.levels.map(parseIsoDate);
  return Array.from(column.codes, (code) => (code < 0 ? null : levels[code]));
}
