import * as curriculum from '@quarry/academy/curriculum';

/**
 * The computations a lesson part may ask the lesson worker for: exactly the curriculum functions the parts call,
 * by name. The worker runs nothing else, so a message can never name an arbitrary export (or `constructor`).
 * Every result is plain data (objects, arrays, numbers, strings, NaN included), so it survives the structured
 * clone that carries it back to the page; lesson-computations.test.ts checks that for each of them.
 */
export const COMPUTATIONS = {
  anomalyFlags: curriculum.anomalyFlags,
  churnColumns: curriculum.churnColumns,
  churnPrCurve: curriculum.churnPrCurve,
  columnCard: curriculum.columnCard,
  cvFoldScores: curriculum.cvFoldScores,
  decomposeDemand: curriculum.decomposeDemand,
  demandProducts: curriculum.demandProducts,
  depthCurve: curriculum.depthCurve,
  holdoutSpread: curriculum.holdoutSpread,
  imbalanceMetrics: curriculum.imbalanceMetrics,
  imputation: curriculum.imputation,
  leakageHoldout: curriculum.leakageHoldout,
  outlierCut: curriculum.outlierCut,
  priceDistribution: curriculum.priceDistribution,
  profileLab: curriculum.profileLab,
  scatterTrend: curriculum.scatterTrend,
  sentenceTerms: curriculum.sentenceTerms,
  thresholdMetrics: curriculum.thresholdMetrics,
  ticketTopics: curriculum.ticketTopics,
  walkForward: curriculum.walkForward,
};

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
