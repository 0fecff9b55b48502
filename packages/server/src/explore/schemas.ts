import { z } from 'zod';

const column = z.string().min(1).max(500);

export const idParams = z.object({ id: z.string().min(1).max(100) });

export const correlationsQuery = z.object({
  target: column.optional(),
  maxColumns: z.coerce.number().int().min(2).max(50).default(50),
});

export const targetQuery = z.object({ target: column });

export const warningsQuery = z.object({
  target: column.optional(),
  splitColumn: column.optional(),
  groupColumn: column.optional(),
  timeColumn: column.optional(),
});
