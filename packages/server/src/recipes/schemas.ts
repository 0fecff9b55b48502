import { z } from 'zod';
import { stepSchema } from './steps';

export const idParams = z.object({ id: z.string().min(1).max(100) });
export const stepBody = z.object({ step: stepSchema }).strict();
export const emptyBody = z.object({}).strict();
export const replayBody = z
  .object({ datasetId: z.string().min(1).max(100), steps: z.array(stepSchema).min(1).max(200) })
  .strict();
