import type { RecipeStep } from '../labs/lab-types';
import { listWords } from './code';

const OPERATOR_WORDS: Record<string, string> = {
  '=': 'equals',
  '!=': 'is not',
  '<': 'is below',
  '<=': 'is at most',
  '>': 'is above',
  '>=': 'is at least',
  in: 'is one of',
  notIn: 'is none of',
  isMissing: 'is missing',
  notMissing: 'is not missing',
  contains: 'contains',
};

const show = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x)).join(', ') : String(v));

/** What a recipe step did, in the words of the Clean tab, for the comment above its code. */
export function describeStep(step: RecipeStep): string {
  const c = String(step.column ?? '');
  switch (step.op) {
    case 'drop':
      return `you dropped ${listWords(step.columns ?? [])}`;
    case 'rename':
      return `you renamed ${c} to ${String(step.to)}`;
    case 'cast':
      return `you changed the type of ${c} to ${String(step.to)}`;
    case 'filter': {
      const op = String(step.operator);
      const value = op === 'isMissing' || op === 'notMissing' ? '' : ` ${show(step.value)}`;
      return `you kept the rows where ${c} ${OPERATOR_WORDS[op] ?? op}${value}`;
    }
    case 'deduplicate':
      return step.columns
        ? `you removed duplicate rows (same ${listWords(step.columns)})`
        : 'you removed duplicate rows';
    case 'fillMissing':
      return `you filled the missing values of ${c} with ${show(step.value)}`;
    case 'clip':
      if (step.lower === undefined) return `you capped ${c} at ${fmt(step.upper)}`;
      if (step.upper === undefined) return `you raised ${c} to at least ${fmt(step.lower)}`;
      return `you clipped ${c} to ${fmt(step.lower)} … ${fmt(step.upper)}`;
    case 'flagOutliers':
      return `you flagged the outliers of ${c} (outside ${fmt(step.lower)} … ${fmt(step.upper)}, the IQR fences)`;
    case 'dateParts':
      return `you split ${c} into ${listWords((step.parts as string[]) ?? [])}`;
    case 'textLength':
      return `you counted the characters of ${c}`;
    case 'replaceValue':
      return `you replaced “${String(step.from)}” in ${c} with ${step.to === null ? 'a missing value' : `“${String(step.to)}”`}`;
    case 'combine':
      return `you combined ${listWords((step.columns as string[]) ?? [])} into ${combinedName(step)} (joined by “${combineSeparator(step)}”; missing where any of them is missing)`;
    case 'standardize':
      return `you standardized ${c} (z-score with mean ${fmt(step.mean)} and SD ${fmt(step.sd)} of the whole data set)`;
    default:
      return `a ${step.op} step`;
  }
}

const fmt = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v));

/** A combine step's separator and new column, as the studio records them (its defaults when an old step lacks them). */
export const combineSeparator = (step: RecipeStep) => String(step.separator ?? '_');
export const combinedName = (step: RecipeStep) =>
  String(step.newColumn ?? ((step.columns as string[]) ?? []).join(combineSeparator(step)));
