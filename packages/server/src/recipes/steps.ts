import { z } from 'zod';
import { COLUMN_TYPES } from '../datasets/column-types';

const column = z.string().min(1).max(500);
const newName = z.string().trim().min(1).max(200);
const scalar = z.union([z.string().max(10_000), z.number().finite(), z.boolean()]);

export const FILTER_OPERATORS = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'notIn',
  'isMissing',
  'notMissing',
  'contains',
] as const;
export const DATE_PARTS = ['year', 'month', 'day', 'weekday', 'hour'] as const;
/** Most columns one `combine` step joins. */
export const MAX_COMBINE = 10;
/** `combine`'s separator when none is given (pandas' `a + '_' + b`). */
export const DEFAULT_SEPARATOR = '_';

/**
 * A cleaning step: plain JSON, never SQL (docs/api.md, "Explore and clean"). Steps are compiled to DuckDB SQL by
 * compile-step.ts with quoted identifiers and bound values.
 */
export const stepSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('drop'), columns: z.array(column).min(1).max(2000) }).strict(),
  z.object({ op: z.literal('rename'), column, to: newName }).strict(),
  z.object({ op: z.literal('cast'), column, to: z.enum(COLUMN_TYPES) }).strict(),
  z
    .object({
      op: z.literal('filter'),
      column,
      operator: z.enum(FILTER_OPERATORS),
      value: z
        .union([scalar, z.array(z.union([z.string().max(10_000), z.number().finite()])).max(1000)])
        .optional(),
    })
    .strict(),
  z.object({ op: z.literal('deduplicate'), columns: z.array(column).min(1).max(2000).optional() }).strict(),
  z.object({ op: z.literal('fillMissing'), column, value: scalar }).strict(),
  z
    .object({
      op: z.literal('clip'),
      column,
      lower: z.number().finite().optional(),
      upper: z.number().finite().optional(),
    })
    .strict(),
  z
    .object({
      op: z.literal('flagOutliers'),
      column,
      newColumn: newName.optional(),
      k: z.number().positive().max(100).optional(),
      lower: z.number().finite().optional(),
      upper: z.number().finite().optional(),
    })
    .strict(),
  z.object({ op: z.literal('dateParts'), column, parts: z.array(z.enum(DATE_PARTS)).min(1).max(5) }).strict(),
  z.object({ op: z.literal('textLength'), column, newColumn: newName.optional() }).strict(),
  // z-score with the mean and SD of the WHOLE version (resolve-step.ts records them): what every tool offers, and
  // the classic leak when done before the split. Models scale inside each fold anyway; the Academy flags it.
  z
    .object({
      op: z.literal('standardize'),
      column,
      mean: z.number().finite().optional(),
      sd: z.number().finite().positive().optional(),
    })
    .strict(),
  // Joins 2–10 columns' text into one new column (product × store → one series key); the count is checked when
  // the step compiles, so fewer than two is a 422 that says so rather than a schema error.
  z
    .object({
      op: z.literal('combine'),
      columns: z.array(column).max(MAX_COMBINE),
      newColumn: newName.optional(),
      separator: z.string().max(10).optional(),
    })
    .strict(),
  z
    .object({
      op: z.literal('replaceValue'),
      column,
      from: z.string().max(10_000),
      to: z.string().max(10_000).nullable(),
    })
    .strict(),
]);

export type Step = z.infer<typeof stepSchema>;
export type StepOp = Step['op'];
