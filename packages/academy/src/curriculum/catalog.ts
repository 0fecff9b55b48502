import { ADVANCED } from './lessons-advanced';
import { CLEANING } from './lessons-cleaning';
import { FUNDAMENTALS } from './lessons-fundamentals';
import { MODELLING } from './lessons-modelling';
import type { CurriculumModule, Lesson, ModuleId } from './types';

export type * from './types';

/**
 * The curriculum: four modules, fourteen lessons, in teaching order. Plain data with no engine import, so the
 * Academy hub can list it cheaply; `import('@quarry/academy/curriculum')` brings the interactive parts.
 */
export const MODULES: readonly CurriculumModule[] = [
  {
    id: 'fundamentals',
    title: 'Fundamentals',
    summary: 'What a table holds, the shape of its numbers, and how to look at them.',
  },
  {
    id: 'cleaning-eda',
    title: 'Cleaning & EDA',
    summary: 'Missing values, outliers and profiles: find what is wrong before a model sees it.',
  },
  {
    id: 'modelling',
    title: 'Feature engineering & modelling',
    summary: 'Honest evaluation: splits and leakage, cross-validation, metrics, tuning.',
  },
  {
    id: 'advanced',
    title: 'Advanced topics',
    summary: 'Rare classes, text, time series and anomaly detection.',
  },
];

export const LESSONS: readonly Lesson[] = [...FUNDAMENTALS, ...CLEANING, ...MODELLING, ...ADVANCED];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

export function lessonsOf(module: ModuleId): Lesson[] {
  return LESSONS.filter((lesson) => lesson.module === module);
}

/** The lessons before and after one, for the page's navigation. */
export function neighbours(id: string): { previous?: Lesson; next?: Lesson } {
  const k = LESSONS.findIndex((lesson) => lesson.id === id);
  return k < 0 ? {} : { previous: LESSONS[k - 1], next: LESSONS[k + 1] };
}
