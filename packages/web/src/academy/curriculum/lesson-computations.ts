import * as curriculum from '@quarry/academy/curriculum';

/**
 * The computations a lesson part may ask the lesson worker for: exactly the curriculum functions the parts call,
 * by name. The worker runs nothing else, so a message can never name an arbitrary export (or `constructor`).
 * Every result is plain data (objects, arrays, numbers, strings, NaN included), so it survives the structured
 * clone that carries it back to the page; lesson-computations.test.ts checks that for each of them.
 */
const NAMES = [
  'anomalyFlags',
  'churnColumns',
  'churnPrCurve',
  'columnCard',
  'cvFoldScores',
  'decomposeDemand',
  'demandProducts',
  'depthCurve',
  'holdoutSpread',
  'imbalanceMetrics',
  'imputation',
  'leakageHoldout',
  'outlierCut',
  'priceDistribution',
  'profileLab',
  'scatterTrend',
  'sentenceTerms',
  'thresholdMetrics',
  'ticketTopics',
  'walkForward',
] as const;

export const COMPUTATIONS = Object.fromEntries(NAMES.map((name) => [name, curriculum[name]])) as Pick<
  typeof curriculum,
  (typeof NAMES)[number]
>;

type Computations = typeof COMPUTATIONS;
export type ComputationName = keyof Computations;
export type ComputationArgs<N extends ComputationName> = Parameters<Computations[N]>;
export type ComputationResult<N extends ComputationName> = ReturnType<Computations[N]>;

/** What the page posts to the worker: `id` pairs the answer with the request. */
export interface ComputationRequest {
  id: number;
  name: string;
  args: unknown[];
}

/** The worker's answer: the value, or the message of what went wrong (shown in the part's red alert). */
export type ComputationResponse = { id: number; value: unknown } | { id: number; error: string };

/** Runs one request against the allow-list; never throws (a failure becomes an `error` answer). */
export function runComputation({ id, name, args }: ComputationRequest): ComputationResponse {
  if (!Object.hasOwn(COMPUTATIONS, name)) return { id, error: `Unknown lesson computation “${name}”.` };
  try {
    const compute = COMPUTATIONS[name as ComputationName] as (...a: unknown[]) => unknown;
    return { id, value: compute(...(Array.isArray(args) ? args : [])) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}
