import { z } from 'zod';
import { COLUMN_TYPES } from '../datasets/column-types';

const num = z.number().nullable(); // NaN was written as null
const name = z.string().min(1).max(500);

/**
 * What an imported model file must look like (format 'quarry-model-file', version 1). The pipeline itself is
 * checked by loading it with the ML library's registry of known kinds, in a worker; here only its envelope.
 * Unknown fields are allowed (they are covered by the hash) but never read.
 */
export const modelFileSchema = z.object({
  format: z.literal('quarry-model-file'),
  version: z.literal(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  model: z.object({
    name: z.string().trim().min(1).max(200),
    task: z.enum(['classification', 'regression']),
    family: z.string().min(1).max(100),
    target: name,
    datasetId: z.string().max(200),
    datasetName: z.string().max(500),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32),
    split: z.object({
      strategy: z.string().max(50),
      testSize: num,
      nTrain: z.number().int().min(0),
      nTest: z.number().int().min(0),
    }),
    metrics: z.record(z.string().max(100), num),
    classes: z.array(z.string().max(10_000)).min(2).max(100_000).nullable(),
    confusionMatrix: z.unknown(),
    params: z.record(z.string().max(200), z.unknown()),
    taskReason: z.string().max(10_000),
    excluded: z.array(z.object({ name: z.string(), reason: z.string() })).max(100_000),
    familyScores: z.record(z.string(), num).nullable(),
    droppedRows: z.number().int().min(0),
    fitSeconds: z.number().min(0),
    codeVersion: z.string().max(100),
    createdAt: z.string().max(100),
    threshold: z
      .object({ value: z.number().min(0).max(1), positiveClass: z.string(), goal: z.unknown() })
      .nullable()
      .optional(),
    calibration: z.enum(['sigmoid', 'isotonic']).nullable().optional(),
  }),
  schema: z.object({
    columns: z
      .array(
        z.object({
          name,
          type: z.enum(COLUMN_TYPES),
          categories: z.array(z.string()).max(1_000_000).optional(),
          min: num.optional(),
          max: num.optional(),
        }),
      )
      .min(1)
      .max(10_000),
  }),
  pipeline: z.object({
    format: z.literal('quarry-model'),
    version: z.literal(1),
    kind: z.string().min(1).max(100),
    params: z.record(z.string(), z.unknown()),
  }),
  // Optional: files saved before conformal uncertainty existed have none and still import.
  uncertainty: z
    .object({
      version: z.literal(1),
      method: z.enum(['normalized-cross-conformal', 'lac-cross-conformal']),
      levels: z
        .array(z.object({ level: z.number().gt(0).lt(1), q: num, holdoutCoverage: num, meanSize: num }))
        .max(100),
      nCalibration: z.number().int().min(0),
      nHoldout: z.number().int().min(0),
      spread: z
        .object({
          pipeline: z.object({ format: z.literal('quarry-model') }).passthrough(),
          floor: z.number(),
        })
        .optional(),
    })
    .nullable()
    .optional(),
});
