import type { Task } from '../training/types';

/** Families a leaderboard compares; `dummy` (class priors or the mean) is the baseline on every leaderboard. */
export const LEADERBOARD_FAMILIES = [
  'dummy',
  'linear',
  'tree',
  'forest',
  'extra_trees',
  'gbdt',
  'knn',
  'nb',
] as const;
export type LeaderboardFamily = (typeof LEADERBOARD_FAMILIES)[number];

/** Families whose model takes `classWeight: 'balanced'` (logistic regression, trees, forests, boosting). */
export const CLASS_WEIGHT_FAMILIES: readonly LeaderboardFamily[] = [
  'linear',
  'tree',
  'forest',
  'extra_trees',
  'gbdt',
];

export const familyApplies = (family: LeaderboardFamily, task: Task) =>
  !(family === 'nb' && task === 'regression');

/** Every family that applies to the task, the baseline first. */
export const defaultFamilies = (task: Task): LeaderboardFamily[] =>
  LEADERBOARD_FAMILIES.filter((f) => familyApplies(f, task));

/**
 * The model-step parameters for a family under the imbalance settings: class weights where the family has them,
 * and a note where it does not (the row then shows the family fitted without them).
 */
export function familyParams(
  family: LeaderboardFamily,
  classWeight: 'balanced' | null | undefined,
  extra: Record<string, unknown> = {},
): { params: Record<string, unknown>; notes: string[] } {
  if (classWeight !== 'balanced') return { params: { ...extra }, notes: [] };
  if (CLASS_WEIGHT_FAMILIES.includes(family))
    return { params: { ...extra, classWeight: 'balanced' }, notes: [] };
  return {
    params: { ...extra },
    notes: [
      `${family} has no class weights; it was fitted without them (resampling, when chosen, still applies).`,
    ],
  };
}
