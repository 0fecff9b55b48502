import { describe, expect, it } from 'vitest';
import { isMlError, ML_ERROR_CODES, MlError, NotFittedError } from './errors';

describe('error catalog', () => {
  it('has the stable codes the server maps to statuses', () => {
    for (const code of [
      'NOT_FITTED',
      'INVALID_PARAMETER',
      'TARGET_HAS_NAN',
      'EMPTY_DATA',
      'TOO_FEW_ROWS',
      'SINGLE_CLASS',
      'SHAPE_MISMATCH',
      'UNKNOWN_CATEGORY',
      'UNKNOWN_ESTIMATOR_KIND',
      'BAD_MODEL_FORMAT',
      'ABORTED',
    ]) {
      expect(Object.hasOwn(ML_ERROR_CODES, code)).toBe(true);
    }
  });

  it('carries a code, details and a default message that says what to do', () => {
    const error = new MlError('EMPTY_DATA', undefined, { details: { kind: 'Ridge' } });
    expect(error.message).toBe(ML_ERROR_CODES.EMPTY_DATA);
    expect(error.details).toEqual({ kind: 'Ridge' });
    expect(isMlError(error, 'EMPTY_DATA')).toBe(true);
    expect(isMlError(error, 'ABORTED')).toBe(false);
    expect(isMlError(new Error('plain'))).toBe(false);
  });

  it('makes NotFittedError an MlError with code NOT_FITTED', () => {
    const error = new NotFittedError('Ridge');
    expect(error).toBeInstanceOf(MlError);
    expect(error.code).toBe('NOT_FITTED');
    expect(error.message).toMatch(/^This Ridge instance is not fitted yet\. Call 'fit'/);
  });
});
