import type { RecipeStep } from './lab-types';
import type { Cell, LabRow } from './types';

/**
 * Follows chosen rows of the generated data through a learner's recipe, the way the studio's steps treat them
 * (packages/server/src/recipes/compile-step.ts): `filter` removes rows (a missing value is kept only by '!=',
 * 'notIn' and 'isMissing'), `clip`, `fillMissing`, `replaceValue` and `standardize` change values, `rename`
 * renames, `drop` removes columns. Other steps do not move rows or the values the checks read. Used to tell
 * whether the planted outliers were removed or tamed, without re-running DuckDB.
 */
export function traceRows(rows: readonly LabRow[], picks: readonly number[], steps: readonly RecipeStep[]) {
  let alive = picks.map((i) => ({ index: i, row: { ...rows[i] } as LabRow }));
  for (const step of steps) {
    const column = step.column;
    switch (step.op) {
      case 'filter':
        if (column !== undefined) alive = alive.filter((r) => keeps(step, r.row[column] ?? null));
        break;
      case 'clip':
        for (const r of alive) {
          const x = num(r.row[column ?? '']);
          if (x === null || column === undefined) continue;
          const lower = typeof step.lower === 'number' ? step.lower : -Infinity;
          const upper = typeof step.upper === 'number' ? step.upper : Infinity;
          r.row[column] = Math.min(upper, Math.max(lower, x));
        }
        break;
      case 'standardize':
        for (const r of alive) {
          const x = num(r.row[column ?? '']);
          if (x === null || column === undefined) continue;
          if (typeof step.mean === 'number' && typeof step.sd === 'number' && step.sd > 0)
            r.row[column] = (x - step.mean) / step.sd;
        }
        break;
      case 'fillMissing':
        for (const r of alive)
          if (column !== undefined && (r.row[column] ?? null) === null) r.row[column] = step.value as Cell;
        break;
      case 'replaceValue':
        for (const r of alive)
          if (column !== undefined && String(r.row[column] ?? '').trim() === String(step.from).trim())
            r.row[column] = (step.to as string | null) ?? null;
        break;
      case 'rename':
        for (const r of alive) {
          if (column === undefined || typeof step.to !== 'string') continue;
          r.row[step.to] = r.row[column] ?? null;
          delete r.row[column];
        }
        break;
      case 'drop':
        for (const r of alive) for (const name of step.columns ?? []) delete r.row[name];
        break;
    }
  }
  return alive;
}

function num(v: Cell | undefined): number | null {
  if (v === null || v === undefined || typeof v === 'boolean') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return String(v).trim() === '' || !Number.isFinite(n) ? null : n;
}

/** Whether a filter step keeps a row with this value (numbers compare as numbers, the rest as trimmed text). */
function keeps(step: RecipeStep, value: Cell): boolean {
  const operator = String(step.operator);
  const missing = value === null || String(value).trim() === '';
  if (operator === 'isMissing') return missing;
  if (operator === 'notMissing') return !missing;
  const target = step.value;
  if (operator === 'in' || operator === 'notIn') {
    const list = Array.isArray(target) ? target.map(String) : [];
    const hit = !missing && list.some((t) => same(value, t));
    return operator === 'in' ? hit : missing || !hit;
  }
  if (missing) return operator === '!=';
  if (operator === 'contains') return String(value).toLowerCase().includes(String(target).toLowerCase());
  const x = num(value);
  const y = num(target as Cell);
  const [a, b]: [number | string, number | string] =
    x !== null && y !== null ? [x, y] : [String(value).trim(), String(target).trim()];
  switch (operator) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return true;
  }
}

function same(value: Cell, text: string): boolean {
  const x = num(value);
  const y = num(text);
  return x !== null && y !== null ? x === y : String(value).trim() === text.trim();
}
