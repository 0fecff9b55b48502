import { z } from 'zod';

export const anomalyBody = z
  .object({
    datasetId: z.string().min(1).max(100),
    /** Columns to look at (default: every numeric, categorical and yes/no column). */
    columns: z.array(z.string().min(1).max(500)).min(1).max(500).optional(),
    /** Share of rows expected to be anomalies: each detector and the vote flag that share. */
    contamination: z.number().gt(0).max(0.5).default(0.05),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(42),
  })
  .strict()
  .meta({ example: { datasetId: '…', contamination: 0.02 } });

export type AnomalyBody = z.infer<typeof anomalyBody>;

export const labelBody = z
  .object({
    row: z.number().int().min(0),
    /** What a person decided about the row; null forgets the decision. */
    label: z.enum(['normal', 'anomalous']).nullable(),
  })
  .strict();
