import { z } from 'zod';
import { familySchema, modellingBase, thresholdGoalSchema } from '../modelling/schemas';

export const leaderboardBody = z
  .object({ ...modellingBase, families: z.array(familySchema).min(1).max(8).optional() })
  .strict();
export type LeaderboardBody = z.infer<typeof leaderboardBody>;

const paramValue = z.union([z.number(), z.string().max(100), z.boolean(), z.null()]);
export const saveBody = z
  .object({
    family: familySchema,
    name: z.string().trim().min(1).max(200).optional(),
    // A number, 'tuned' (the row's stored goal), or a goal to tune for now from the row's out-of-fold counts.
    threshold: z.union([z.number().min(0).max(1), z.literal('tuned'), thresholdGoalSchema]).optional(),
    calibration: z.enum(['none', 'sigmoid', 'isotonic']).default('none'),
    params: z.record(z.string().max(100), paramValue).optional(),
  })
  .strict();
export type SaveBody = z.infer<typeof saveBody>;

export const thresholdQuery = z
  .object({
    family: familySchema,
    metric: z.enum(['f1', 'recall_at_precision', 'min_cost']),
    minPrecision: z.coerce.number().min(0).max(1).optional(),
    costFalsePositive: z.coerce.number().min(0).max(1e6).optional(),
    costFalseNegative: z.coerce.number().min(0).max(1e6).optional(),
  })
  .strict();
