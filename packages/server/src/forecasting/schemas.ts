import { z } from 'zod';
import { MODEL_KEYS } from './models';

export const MAX_HORIZON = 2000;

export const forecastBody = z
  .object({
    datasetId: z.string().min(1).max(100),
    /** Column names; omitted ones are detected (GET /api/forecasts/columns/:datasetId shows the guess). */
    idColumn: z.string().min(1).max(500).nullable().optional(),
    timeColumn: z.string().min(1).max(500).optional(),
    valueColumn: z.string().min(1).max(500).optional(),
    horizon: z.number().int().max(1_000_000),
    /** Candidate models compared in the backtest (default: snaive, naive, theta, ets, arima, mstl). */
    models: z.array(z.enum(MODEL_KEYS)).min(1).max(MODEL_KEYS.length).optional(),
    /** 'auto' picks by backtest score; a model key forces that model. */
    select: z.union([z.literal('auto'), z.enum(MODEL_KEYS)]).default('auto'),
    season: z.number().int().min(1).max(10_000).optional(),
    levels: z.array(z.number().gt(0).lt(100)).min(1).max(5).default([80, 95]),
    folds: z.number().int().min(1).max(20).default(3),
    /** Sort each series by time instead of refusing unsorted rows. */
    sort: z.boolean().default(false),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(42),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export type ForecastBody = z.infer<typeof forecastBody>;
