import type { ColumnInfo, ColumnType, DatePart, FilterOperator, Step, StepOp } from '../api/types';

export const STEP_OPS: { value: StepOp; label: string }[] = [
  { value: 'fillMissing', label: 'Fill missing values' },
  { value: 'filter', label: 'Filter rows' },
  { value: 'dateParts', label: 'Date parts' },
  { value: 'drop', label: 'Drop columns' },
  { value: 'rename', label: 'Rename a column' },
  { value: 'cast', label: 'Change a type' },
  { value: 'deduplicate', label: 'Remove duplicate rows' },
  { value: 'clip', label: 'Clip to a range' },
  { value: 'flagOutliers', label: 'Flag outliers' },
  { value: 'standardize', label: 'Standardize (z-score)' },
  { value: 'textLength', label: 'Text length' },
  { value: 'replaceValue', label: 'Replace a value' },
  { value: 'combine', label: 'Combine columns' },
];

/** `combine`: at most this many columns, and a separator of at most this many characters (as the server checks). */
export const MAX_COMBINE = 10;
export const MAX_SEPARATOR = 10;
/** The name a combine step gives its new column when none is typed: the sources joined by the separator. */
export const combinedName = (columns: string[], separator: string) => columns.join(separator);

export const FILTER_OPERATORS: { value: FilterOperator; label: string }[] = [
  { value: '=', label: 'equals' },
  { value: '!=', label: 'does not equal' },
  { value: '<', label: 'is less than' },
  { value: '<=', label: 'is at most' },
  { value: '>', label: 'is greater than' },
  { value: '>=', label: 'is at least' },
  { value: 'in', label: 'is one of' },
  { value: 'notIn', label: 'is none of' },
  { value: 'contains', label: 'contains (any case)' },
  { value: 'isMissing', label: 'is missing' },
  { value: 'notMissing', label: 'is not missing' },
];

export const DATE_PARTS: DatePart[] = ['year', 'month', 'day', 'weekday', 'hour'];

/** What the step form holds, as typed; `buildStep` turns it into a step or says what is missing. */
export interface StepDraft {
  column: string | null;
  columns: string[];
  to: string;
  type: ColumnType | null;
  operator: FilterOperator;
  value: string;
  lower: string;
  upper: string;
  k: string;
  newColumn: string;
  parts: DatePart[];
  replaceWithMissing: boolean;
  /** combine: put between the values (kept as typed: spaces count, empty is allowed). */
  separator: string;
}

export const EMPTY_DRAFT: StepDraft = {
  column: null,
  columns: [],
  to: '',
  type: null,
  operator: '=',
  value: '',
  lower: '',
  upper: '',
  k: '1.5',
  newColumn: '',
  parts: ['year', 'month'],
  replaceWithMissing: false,
  separator: '_',
};

export type BuildResult = { step: Step; error?: undefined } | { step?: undefined; error: string };

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** A typed value for a column: a number for numeric columns, true/false for boolean ones, else text. */
export function typedValue(text: string, type: ColumnType | undefined): string | number | boolean | null {
  const trimmed = text.trim();
  if (type === 'numeric') return parseNumber(trimmed);
  if (type === 'boolean') {
    if (/^(true|yes|1)$/i.test(trimmed)) return true;
    if (/^(false|no|0)$/i.test(trimmed)) return false;
    return null;
  }
  return trimmed === '' ? null : trimmed;
}

/** Turns the form into a step, or says what is missing. Never builds SQL: steps are plain JSON. */
export function buildStep(op: StepOp, draft: StepDraft, columns: ColumnInfo[]): BuildResult {
  const info = columns.find((c) => c.name === draft.column);
  const needColumn = (): string | null => (info ? null : 'Pick a column.');
  const newColumn = draft.newColumn.trim();
  switch (op) {
    case 'drop':
      return draft.columns.length
        ? { step: { op, columns: [...draft.columns] } }
        : { error: 'Pick the columns to drop.' };
    case 'deduplicate':
      return { step: draft.columns.length ? { op, columns: [...draft.columns] } : { op } };
    case 'rename': {
      if (!info) return { error: needColumn() ?? '' };
      const to = draft.to.trim();
      if (!to) return { error: 'Type the new name.' };
      if (to === info.name) return { error: 'The new name is the same as the old one.' };
      if (columns.some((c) => c.name === to)) return { error: `A column named “${to}” already exists.` };
      return { step: { op, column: info.name, to } };
    }
    case 'cast':
      if (!info) return { error: 'Pick a column.' };
      if (!draft.type) return { error: 'Pick the new type.' };
      return { step: { op, column: info.name, to: draft.type } };
    case 'filter': {
      if (!info) return { error: 'Pick a column.' };
      const { operator } = draft;
      if (operator === 'isMissing' || operator === 'notMissing') {
        return { step: { op, column: info.name, operator } };
      }
      if (operator === 'in' || operator === 'notIn') {
        const items = draft.value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        if (!items.length) return { error: 'Type one or more values, separated by commas.' };
        if (info.type === 'numeric') {
          const numbers = items.map(parseNumber);
          if (numbers.some((n) => n === null)) return { error: `${info.name} is numeric: type numbers.` };
          return { step: { op, column: info.name, operator, value: numbers as number[] } };
        }
        return { step: { op, column: info.name, operator, value: items } };
      }
      if (draft.value.trim() === '') return { error: 'Type a value to compare with.' };
      if (info.type === 'numeric' && operator !== 'contains') {
        const n = parseNumber(draft.value);
        if (n === null) return { error: `${info.name} is numeric: type a number.` };
        return { step: { op, column: info.name, operator, value: n } };
      }
      return { step: { op, column: info.name, operator, value: draft.value.trim() } };
    }
    case 'fillMissing': {
      if (!info) return { error: 'Pick a column.' };
      const value = typedValue(draft.value, info.type);
      if (value === null) {
        return {
          error:
            info.type === 'numeric'
              ? `${info.name} is numeric: type a number.`
              : info.type === 'boolean'
                ? `${info.name} is true/false: type true or false.`
                : 'Type the value to fill in.',
        };
      }
      return { step: { op, column: info.name, value } };
    }
    case 'clip': {
      if (!info) return { error: 'Pick a column.' };
      const lower = parseNumber(draft.lower);
      const upper = parseNumber(draft.upper);
      if (lower === null && upper === null) return { error: 'Give a lower bound, an upper bound or both.' };
      if (lower !== null && upper !== null && lower > upper)
        return { error: 'The lower bound is above the upper.' };
      return {
        step: {
          op,
          column: info.name,
          ...(lower !== null ? { lower } : {}),
          ...(upper !== null ? { upper } : {}),
        },
      };
    }
    case 'flagOutliers': {
      if (!info) return { error: 'Pick a column.' };
      const k = parseNumber(draft.k);
      if (draft.k.trim() !== '' && (k === null || k <= 0)) return { error: 'k must be a positive number.' };
      return {
        step: { op, column: info.name, ...(k !== null ? { k } : {}), ...(newColumn ? { newColumn } : {}) },
      };
    }
    case 'dateParts':
      if (!info) return { error: 'Pick a column.' };
      if (!draft.parts.length) return { error: 'Pick at least one part.' };
      return {
        step: { op, column: info.name, parts: DATE_PARTS.filter((p) => draft.parts.includes(p)) },
      };
    case 'textLength':
      if (!info) return { error: 'Pick a column.' };
      return { step: { op, column: info.name, ...(newColumn ? { newColumn } : {}) } };
    case 'standardize':
      if (!info) return { error: 'Pick a column.' };
      return { step: { op, column: info.name } };
    case 'combine': {
      const picked = draft.columns;
      if (picked.length < 2) return { error: 'Pick at least two columns to combine.' };
      if (picked.length > MAX_COMBINE) return { error: `Combine at most ${MAX_COMBINE} columns.` };
      if (draft.separator.length > MAX_SEPARATOR)
        return { error: `The separator can have at most ${MAX_SEPARATOR} characters.` };
      const name = newColumn || combinedName(picked, draft.separator);
      if (columns.some((c) => c.name === name))
        return { error: `A column named “${name}” already exists: type another new name.` };
      return {
        step: { op, columns: [...picked], separator: draft.separator, ...(newColumn ? { newColumn } : {}) },
      };
    }
    case 'replaceValue': {
      if (!info) return { error: 'Pick a column.' };
      const from = draft.value.trim();
      if (!from) return { error: 'Type the value to replace.' };
      return { step: { op, column: info.name, from, to: draft.replaceWithMissing ? null : draft.to.trim() } };
    }
  }
}

/** A recorded statistic, short enough for one line. */
const fmt = (x: number) => Number(x.toPrecision(4)).toString();

function quote(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (Array.isArray(value)) return value.map(quote).join(', ');
  return String(value);
}

const OPERATOR_TEXT = Object.fromEntries(FILTER_OPERATORS.map((o) => [o.value, o.label])) as Record<
  FilterOperator,
  string
>;

/** One line per step, for the version history. */
export function describeStep(step: Step): string {
  switch (step.op) {
    case 'drop':
      return `Drop ${step.columns.join(', ')}`;
    case 'rename':
      return `Rename ${step.column} to ${step.to}`;
    case 'cast':
      return `Make ${step.column} ${step.to}`;
    case 'filter':
      return step.value === undefined
        ? `Keep rows where ${step.column} ${OPERATOR_TEXT[step.operator]}`
        : `Keep rows where ${step.column} ${OPERATOR_TEXT[step.operator]} ${quote(step.value)}`;
    case 'deduplicate':
      return step.columns?.length
        ? `Remove duplicate rows (by ${step.columns.join(', ')})`
        : 'Remove duplicate rows';
    case 'fillMissing':
      return `Fill missing ${step.column} with ${quote(step.value)}`;
    case 'clip': {
      const range = `${step.lower ?? '−∞'} … ${step.upper ?? '∞'}`;
      return `Clip ${step.column} to ${range}`;
    }
    case 'flagOutliers': {
      const fences =
        step.lower !== undefined && step.upper !== undefined
          ? ` (outside ${step.lower} … ${step.upper})`
          : '';
      return `Flag outliers of ${step.column} in ${step.newColumn ?? `${step.column}_outlier`}${fences}`;
    }
    case 'dateParts':
      return `Add ${step.parts.map((p) => `${step.column}_${p}`).join(', ')}`;
    case 'textLength':
      return `Add ${step.newColumn ?? `${step.column}_length`} (length of ${step.column})`;
    case 'standardize':
      return step.mean !== undefined && step.sd !== undefined
        ? `Standardize ${step.column} (mean ${fmt(step.mean)}, SD ${fmt(step.sd)} of the whole data)`
        : `Standardize ${step.column}`;
    case 'combine': {
      const separator = step.separator ?? '_';
      const name = step.newColumn ?? combinedName(step.columns, separator);
      return `Add ${name} (${step.columns.join(' + ')} joined by ${quote(separator)})`;
    }
    case 'replaceValue':
      return `Replace ${quote(step.from)} in ${step.column} with ${step.to === null ? 'missing' : quote(step.to)}`;
  }
}

/** Which columns the form's column picker offers for an operation. */
export function columnsForOp(op: StepOp, columns: ColumnInfo[]): string[] {
  const pick = (types: ColumnType[]) => columns.filter((c) => types.includes(c.type)).map((c) => c.name);
  switch (op) {
    case 'clip':
    case 'flagOutliers':
    case 'standardize':
      return pick(['numeric']);
    case 'dateParts':
      return pick(['datetime']);
    case 'textLength':
      return pick(['text', 'categorical', 'identifier']);
    default:
      return columns.map((c) => c.name);
  }
}
