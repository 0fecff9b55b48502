import { isMlError, type MlErrorCode } from '../core/errors';
import type { Estimator } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { Tabular, Target } from '../core/roles';

/** One named contract check; `run` throws a `ContractViolation` when the estimator breaks the contract. */
export interface EstimatorCheck {
  name: string;
  run: () => void;
}

export class ContractViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolation';
  }
}

// The contract methods, looked up dynamically so one suite covers classifiers, regressors and transformers.
export interface AnyEstimator extends Estimator {
  fit(X: Tabular, y?: Target, options?: FitOptions): unknown;
  predict?(X: Tabular): Int32Array | Float64Array;
  predictProba?(X: Tabular): Matrix;
  transform?(X: Tabular): Tabular;
  classes_?: string[];
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractViolation(message);
}

export function expectError(
  run: () => unknown,
  codes: MlErrorCode[],
  what: string,
  message?: RegExp | string,
): void {
  try {
    run();
  } catch (error) {
    assert(isMlError(error), `${what}: expected MlError ${codes.join('|')}, got ${String(error)}`);
    assert(
      codes.includes(error.code),
      `${what}: expected code ${codes.join('|')}, got ${error.code} (${error.message})`,
    );
    if (typeof message === 'string')
      assert(error.message === message, `${what}: message was "${error.message}", expected "${message}"`);
    else if (message)
      assert(message.test(error.message), `${what}: message "${error.message}" does not match ${message}`);
    return;
  }
  throw new ContractViolation(`${what}: expected MlError ${codes.join('|')}, but nothing was thrown`);
}
