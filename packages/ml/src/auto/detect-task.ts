import type { CategoricalColumn, NumericColumn } from '../core/column';
import { MlError } from '../core/errors';

export type Task = 'classification' | 'regression';

/** The column types the studio infers (see docs/api.md). */
export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text' | 'identifier';

export interface TaskDetection {
  task: Task;
  /** One sentence for people: what was seen and what follows. */
  reason: string;
}

/** A numeric target with at most this many distinct whole values is taken as classes. */
const MAX_INTEGER_CLASSES = 10;
/** Past this many classes the reason warns that the target may be a poor choice. */
const MANY_CLASSES = 50;
const LISTED = 5;

function list(values: readonly string[]): string {
  const shown = values.slice(0, LISTED).join(', ');
  return values.length > LISTED ? `${shown}, …` : shown;
}

function classificationReason(name: string, values: string[], what: string): string {
  if (values.length === 1) {
    return `'${name}' has only one value (${values[0]}): classification, but a model needs at least two classes. Pick another target.`;
  }
  const many = values.length > MANY_CLASSES ? ' Check it is the right target: that is a lot of classes.' : '';
  return `'${name}' has ${values.length} ${what} (${list(values)}): classification.${many}`;
}

/**
 * Decides between classification and regression for a target column. Categorical, boolean and text targets are
 * classes; a numeric target with at most 10 distinct whole values is taken as classes (the reason says it could
 * be regression); any other numeric target is regression.
 */
export function detectTask(y: NumericColumn | CategoricalColumn, columnType: ColumnType): TaskDetection {
  const { name } = y;
  if (y.kind === 'categorical') {
    const used = new Uint8Array(y.levels.length);
    for (const code of y.codes) if (code >= 0) used[code] = 1;
    const values = y.levels.filter((_, code) => used[code] === 1).sort();
    if (values.length === 0) throw new MlError('EMPTY_DATA', `'${name}' has no values. Pick another target.`);
    if (columnType === 'boolean') {
      return { task: 'classification', reason: `'${name}' is boolean (${list(values)}): classification.` };
    }
    return { task: 'classification', reason: classificationReason(name, values, 'text values') };
  }
  const distinct = new Set<number>();
  for (const v of y.values) if (!Number.isNaN(v)) distinct.add(v);
  if (distinct.size === 0) throw new MlError('EMPTY_DATA', `'${name}' has no values. Pick another target.`);
  const sorted = [...distinct].sort((a, b) => a - b);
  const values = sorted.map(String);
  if (columnType === 'boolean' || columnType === 'categorical' || columnType === 'text') {
    return { task: 'classification', reason: classificationReason(name, values, 'values') };
  }
  if (sorted.every(Number.isInteger) && sorted.length <= MAX_INTEGER_CLASSES) {
    const reason =
      sorted.length === 1
        ? classificationReason(name, values, 'values')
        : `'${name}' is numeric with only ${sorted.length} distinct whole values (${list(values)}): classification. ` +
          'It could also be regression if the values are amounts on a scale.';
    return { task: 'classification', reason };
  }
  const note =
    columnType === 'identifier' ? ' It looks like an identifier, which is rarely worth predicting.' : '';
  return {
    task: 'regression',
    reason: `'${name}' is numeric with ${sorted.length} distinct values: regression.${note}`,
  };
}
