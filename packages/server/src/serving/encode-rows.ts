import type { ColumnData } from '../datasets/service';
import { httpError } from '../errors';
import type { SchemaColumn } from '../training/types';

export type JsonValue = string | number | boolean | null;
export type JsonRow = Record<string, JsonValue>;

/** One column-level reason a JSON request cannot be scored, in the shape of the file predict's issues. */
export interface RowIssue {
  column: string;
  severity: 'error';
  kind: 'missing_column' | 'wrong_type';
  message: string;
}

/**
 * Encodes JSON rows the way the model was trained, without DuckDB (this is the hot path): numbers as numbers
 * (numeric strings accepted, null / '' as missing), categories as codes into the training levels (unseen ones get
 * codes after them, as in predict/service.ts). A feature absent from a row, or text where a number belongs, is a
 * 422 with one issue per column. Extra keys are ignored.
 */
export function encodeRows(rows: JsonRow[], schema: SchemaColumn[]): ColumnData[] {
  const issues: RowIssue[] = [];
  const features: ColumnData[] = [];
  const n = rows.length;
  for (const col of schema) {
    const absent = rows.findIndex((r) => !Object.hasOwn(r, col.name));
    if (absent >= 0) {
      issues.push({
        column: col.name,
        severity: 'error',
        kind: 'missing_column',
        message: `Row ${absent} has no '${col.name}'. Send every feature (null for a missing value).`,
      });
      continue;
    }
    // Free text (no categories in its contract) is encoded like a category whose every document is new.
    if (col.categories !== undefined || col.type === 'text') {
      const levels = [...(col.categories ?? [])];
      const index = new Map(levels.map((l, i) => [l, i]));
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const raw = rows[i][col.name];
        if (raw === null || raw === '') {
          codes[i] = -1;
          continue;
        }
        const v = String(raw).trim();
        let code = index.get(v);
        if (code === undefined) {
          code = levels.length;
          levels.push(v);
          index.set(v, code);
        }
        codes[i] = code;
      }
      features.push({
        name: col.name,
        kind: 'categorical',
        codes,
        levels,
        ...(col.type === 'text' ? { text: true } : {}),
      });
    } else {
      const values = new Float64Array(n);
      let bad = -1;
      for (let i = 0; i < n; i++) {
        const v = toNumber(rows[i][col.name]);
        if (v === undefined) {
          if (bad < 0) bad = i;
          values[i] = Number.NaN;
        } else values[i] = v;
      }
      if (bad >= 0)
        issues.push({
          column: col.name,
          severity: 'error',
          kind: 'wrong_type',
          message: `'${col.name}' is numeric but row ${bad} has ${JSON.stringify(rows[bad][col.name]).slice(0, 40)}. Send a number or null.`,
        });
      features.push({ name: col.name, kind: 'numeric', values });
    }
  }
  if (issues.length > 0)
    throw httpError('SCHEMA_MISMATCH', { detail: issues.map((i) => i.message).join(' ') }, { issues });
  return features;
}

function toNumber(v: JsonValue): number | undefined {
  if (v === null || v === '') return Number.NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const x = Number(v.trim());
  return Number.isNaN(x) ? undefined : x;
}

/** The model's features of one row, in schema order: what the prediction log keeps and hashes. */
export function featureValues(row: JsonRow, schema: SchemaColumn[]): JsonValue[] {
  return schema.map((c) => row[c.name] ?? null);
}

/**
 * A 64-bit FNV-1a hash (two 32-bit lanes) of a row's feature JSON, as 16 hex digits: it identifies repeated
 * inputs in the log and picks a row's champion/challenger arm. Not a secret, so not SHA-256 (ten times the cost
 * per row on the serving path).
 */
export function hashInputs(json: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return hex8(mix(a)) + hex8(mix(b));
}

/** MurmurHash3's finalizer: every input bit reaches every output bit, so any 8 hex digits are uniform. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
const hex8 = (x: number) => x.toString(16).padStart(8, '0');
