import type { ColumnStats } from './column-stats';
import type { ColumnInfo, ColumnType } from './column-types';

/** Names that say "key": id, customer_id, userId, row_number, uuid… */
export const ID_NAME = /(^id$|_id$|^id_|[a-z]Id$|ID$|^index$|^row(_?num(ber)?)?$|_no$|^key$|^uuid$)/;

/**
 * Decides a column's type from its stats, with a reason a person can check. Order matters: a column of 0/1 is
 * numeric before it is boolean; an all-unique integer column is an identifier only when its name or its values
 * (a run of consecutive integers) say so, since a continuous measure can be all-unique too.
 */
export function inferType(s: ColumnStats): { type: ColumnType; reason: string } {
  const n = s.nonNull;
  const missing = s.rows - n;
  if (n === 0) return { type: 'categorical', reason: 'Every value is missing.' };
  const unique = s.distinct === n && n >= 20;
  if (s.numeric === n) {
    const integers = s.integer === n;
    const consecutive =
      integers && s.minNumber !== null && s.maxNumber !== null && s.maxNumber - s.minNumber + 1 === n;
    if (integers && unique && (ID_NAME.test(s.name) || consecutive)) {
      return {
        type: 'identifier',
        reason: `Every value is a distinct whole number${consecutive ? ' in one consecutive run' : ''} and the name looks like a key: an identifier, not a measurement.`,
      };
    }
    return {
      type: 'numeric',
      reason: `All ${n} non-missing values are numbers (${s.distinct} distinct${missing > 0 ? `, ${missing} missing` : ''}).`,
    };
  }
  if (s.booleanLike === n && s.distinct <= 2) {
    return { type: 'boolean', reason: `Only the values ${s.sample.join(' / ')}: a yes/no column.` };
  }
  if (s.datetime === n)
    return { type: 'datetime', reason: `All ${n} non-missing values are dates or times.` };
  if (s.avgLength >= 40 || (s.avgWords >= 5 && s.distinct > n * 0.5)) {
    return {
      type: 'text',
      reason: `Long, mostly distinct strings (about ${Math.round(s.avgWords)} words on average): free text.`,
    };
  }
  if (unique && ID_NAME.test(s.name)) {
    return {
      type: 'identifier',
      reason: 'Every value is distinct and the name looks like a key: an identifier.',
    };
  }
  if (unique) {
    return {
      type: 'identifier',
      reason: `Every one of the ${n} values is distinct: an identifier, not a category.`,
    };
  }
  return {
    type: 'categorical',
    reason: `${s.distinct} distinct text values${s.numeric > 0 ? ` (${n - s.numeric} are not numbers)` : ''}: a category.`,
  };
}

export function toColumnInfo(s: ColumnStats): ColumnInfo {
  const { type, reason } = inferType(s);
  return { name: s.name, type, inferredType: type, reason, missing: s.rows - s.nonNull };
}
