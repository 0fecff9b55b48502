import { z } from 'zod';
import { LEADERBOARD_FAMILIES } from './families';
import { ALL_METRICS } from './metrics';

/** Request pieces shared by the leaderboard and tuning routes; every number bounded (SECURITY-TESTS row O). */
export const cvSchema = z
  .object({
    strategy: z.enum(['stratified', 'kfold', 'group', 'time']),
    k: z.number().int().min(2).max(20).default(5),
    groupColumn: z.string().min(1).max(500).optional(),
    timeColumn: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((cv) => cv.strategy !== 'group' || cv.groupColumn !== undefined, {
    message: "strategy 'group' needs groupColumn",
    path: ['groupColumn'],
  })
  .refine((cv) => cv.strategy !== 'time' || cv.timeColumn !== undefined, {
    message: "strategy 'time' needs timeColumn",
    path: ['timeColumn'],
  });

const cost = z.number().min(0).max(1e6);
export const thresholdGoalSchema = z.discriminatedUnion('metric', [
  z.object({ metric: z.literal('f1') }).strict(),
  z.object({ metric: z.literal('recall_at_precision'), minPrecision: z.number().min(0).max(1) }).strict(),
  z.object({ metric: z.literal('min_cost'), costFalsePositive: cost, costFalseNegative: cost }).strict(),
]);

export const imbalanceSchema = z
  .object({
    classWeight: z.enum(['balanced']).nullable().optional(),
    resample: z.enum(['none', 'oversample', 'undersample']).optional(),
    threshold: thresholdGoalSchema.optional(),
  })
  .strict();

export const familySchema = z.enum(LEADERBOARD_FAMILIES);

/** What every leaderboard or tuning request names: data, target, task, split, folds, seed, imbalance. */
export const modellingBase = {
  datasetId: z.string().min(1).max(100),
  target: z.string().min(1).max(500),
  task: z.enum(['auto', 'classification', 'regression']).default('auto'),
  metric: z.enum(ALL_METRICS).optional(),
  cv: cvSchema.optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(42),
  testSize: z.number().min(0.05).max(0.5).default(0.25),
  testRows: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1),
    )
    .max(10_000_000)
    .optional(),
  imbalance: imbalanceSchema.optional(),
};
