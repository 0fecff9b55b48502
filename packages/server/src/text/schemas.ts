import { z } from 'zod';

export const textParams = z.object({ id: z.string().min(1).max(100) });

export const textBody = z
  .object({
    column: z.string().min(1).max(500),
    method: z.enum(['nmf', 'lda']).default('nmf'),
    topics: z.number().int().min(2).max(20).default(6),
    terms: z.number().int().min(3).max(30).default(10),
    /** A classification target: the terms that raise each class's odds are added. */
    target: z.string().min(1).max(500).optional(),
    /** Above this many documents a seeded sample is read. */
    maxDocuments: z.number().int().min(100).max(50_000).default(20_000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(42),
  })
  .strict()
  .meta({ example: { column: 'review', topics: 6 } });

export type TextBody = z.infer<typeof textBody>;
