import { z } from 'zod';

const query = z.string().trim().min(1).max(100_000);

export const queryBody = z
  .object({ query, limit: z.number().int().min(1).max(10_000).default(1000) })
  .strict();
export const saveBody = z.object({ query, name: z.string().trim().min(1).max(200) }).strict();
