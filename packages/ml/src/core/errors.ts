/**
 * The ML library's error catalog (after Fastify's `lib/errors.js`): every error carries a stable `code` that the
 * server maps to an HTTP status, and a message that says what to do about it.
 */
export const ML_ERROR_CODES = {
  NOT_FITTED: 'The estimator was used before it was fitted: call fit first.',
  INVALID_PARAMETER: 'A parameter has a value outside its declared constraints: change it.',
  INPUT_HAS_NAN: 'The features have missing or infinite values this estimator cannot use: impute them first.',
  TARGET_HAS_NAN: 'The target has missing or infinite values: drop those rows or impute the target.',
  EMPTY_DATA: 'The data has no rows (or no columns): pass at least one row.',
  TOO_FEW_ROWS: 'There are too few rows for the requested operation: add rows or lower the number of splits.',
  SINGLE_CLASS: 'A classification target has a single class: a classifier needs at least two.',
  SHAPE_MISMATCH: 'Two inputs do not have matching shapes: pass data shaped like the training data.',
  MISSING_COLUMN: 'A column the estimator needs is not in the data: add it or retrain without it.',
  WRONG_COLUMN_KIND: 'A column has the wrong kind (numeric vs categorical): convert it or change its type.',
  UNKNOWN_CATEGORY: 'A categorical value was not seen during fit: use handleUnknown "ignore" or retrain.',
  UNSUPPORTED_OPERATION:
    'The estimator cannot do what was asked (e.g. predictProba on a regressor): call another method.',
  UNKNOWN_ESTIMATOR_KIND: 'A saved model names an estimator this library does not know: upgrade Quarry.',
  BAD_MODEL_FORMAT: 'A saved model is not valid Quarry model JSON: re-export it from Quarry.',
  ABORTED: 'The operation was cancelled.',
} as const;

export type MlErrorCode = keyof typeof ML_ERROR_CODES;

export interface MlErrorOptions {
  cause?: unknown;
  /** Structured facts about the error (parameter name, column, ...), safe to show. */
  details?: Record<string, unknown>;
}

export class MlError extends Error {
  readonly code: MlErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: MlErrorCode, message: string = ML_ERROR_CODES[code], options: MlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MlError';
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** Thrown by `predict`, `transform`, ... when `fit` has not been called (scikit-learn's `NotFittedError`). */
export class NotFittedError extends MlError {
  constructor(kind: string) {
    super(
      'NOT_FITTED',
      `This ${kind} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`,
      { details: { kind } },
    );
    this.name = 'NotFittedError';
  }
}

export function isMlError(error: unknown, code?: MlErrorCode): error is MlError {
  return error instanceof MlError && (code === undefined || error.code === code);
}
