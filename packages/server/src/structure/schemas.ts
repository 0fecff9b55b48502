import { z } from 'zod';

const column = z.string().min(1).max(500);

export const MAX_STRUCTURE_ROWS = 20_000;

export const structureParams = z.object({ id: z.string().min(1).max(100) });

export const structureBody = z
  .object({
    /** Numeric columns to use; default: every numeric column except the target. */
    columns: z.array(column).min(2).max(500).optional(),
    /** Colour the projection by this column (the target); default: by k-means cluster. */
    target: column.optional(),
    /** Largest k of the elbow and silhouette curves. */
    kMax: z.number().int().min(2).max(15).default(10),
    /** The k whose clusters are shown; default: the best silhouette. */
    k: z.number().int().min(1).max(15).optional(),
    /** Rows are sampled down to this many (seeded). */
    maxRows: z.number().int().min(50).max(MAX_STRUCTURE_ROWS).default(MAX_STRUCTURE_ROWS),
    seed: z.number().int().min(0).max(4294967295).default(0),
  })
  .strict();

export type StructureBody = z.infer<typeof structureBody>;
