import { z } from 'zod';
import { familySchema, modellingBase } from '../modelling/schemas';

const value = z.union([z.number(), z.string().max(100), z.boolean(), z.null()]);
const distribution = z
  .object({ type: z.enum(['uniform', 'loguniform', 'randint']), low: z.number(), high: z.number() })
  .strict();

export const tuneBody = z
  .object({
    ...modellingBase,
    family: familySchema,
    search: z.enum(['grid', 'random']),
    space: z
      .record(z.string().min(1).max(100), z.union([z.array(value).min(1).max(50), distribution]))
      .refine((s) => Object.keys(s).length <= 10, 'at most 10 parameters')
      .optional(),
    budget: z
      .object({
        trials: z.number().int().min(1).max(200).optional(),
        minutes: z.number().min(0.1).max(120).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type TuneBody = z.infer<typeof tuneBody>;

export const saveTrialBody = z
  .object({
    trial: z.number().int().min(0).max(10_000),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type SaveTrialBody = z.infer<typeof saveTrialBody>;
