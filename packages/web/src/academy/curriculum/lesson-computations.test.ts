import * as curriculum from '@quarry/academy/curriculum';
import { describe, expect, it } from 'vitest';
import {
  COMPUTATIONS,
  type ComputationArgs,
  type ComputationName,
  type ComputationResponse,
  runComputation,
} from './lesson-computations';

/** The inputs each part starts with: one call of every allow-listed computation. */
const FIRST_CALLS: { [N in ComputationName]: ComputationArgs<N> } = {
  anomalyFlags: [0.05],
  churnColumns: [],
  churnPrCurve: [],
  columnCard: ['contract_type'],
  cvFoldScores: [5],
  decomposeDemand: [{ product: 'P01', method: 'stl' }],
  demandProducts: [],
  depthCurve: [],
  holdoutSpread: [20],
  imbalanceMetrics: [{ positiveShare: 0.12, classWeights: false }],
  imputation: [{ column: 'satisfaction_score', strategy: 'mean', indicator: false }],
  leakageHoldout: [{ trainShare: 0.7, includeLeak: false }],
  outlierCut: [{ cut: 3.5, log: false }],
  priceDistribution: [false],
  profileLab: ['churn'],
  scatterTrend: [{ log: false, sample: 600 }],
  sentenceTerms: ['Hi, I was charged twice on my bill and want a refund. Please help!'],
  thresholdMetrics: [0.5],
  ticketTopics: [4],
  walkForward: [{ product: 'P01', horizon: 7 }],
};

const answerValue = (response: ComputationResponse) => {
  if ('error' in response) throw new Error(response.error);
  return response.value;
};

describe('lesson computations (what the lesson worker runs)', () => {
  it('answers every allow-listed computation with plain data that survives the structured clone', () => {
    expect(Object.keys(FIRST_CALLS).sort()).toEqual(Object.keys(COMPUTATIONS).sort());
    for (const [id, [name, args]] of Object.entries(FIRST_CALLS).entries()) {
      const response = runComputation({ id, name, args });
      expect(response.id).toBe(id);
      const value = answerValue(response);
      expect(value, name).toBeDefined();
      // postMessage uses the same algorithm: a function, a symbol or a Map-with-methods result would fail here.
      const copy = structuredClone(value);
      expect(copy, name).toEqual(value);
      expect(JSON.stringify(copy), name).toBe(JSON.stringify(value));
    }
  });

  it('answers with the same numbers the curriculum returns in the page', () => {
    expect(answerValue(runComputation({ id: 1, name: 'anomalyFlags', args: [0.1] }))).toEqual(
      curriculum.anomalyFlags(0.1),
    );
    expect(
      answerValue(runComputation({ id: 2, name: 'walkForward', args: [{ product: 'P02', horizon: 3 }] })),
    ).toEqual(curriculum.walkForward({ product: 'P02', horizon: 3 }));
  });

  it('refuses a name outside the allow-list, inherited names included', () => {
    for (const name of ['labData', 'constructor', '__proto__', 'toString', 'DETECTOR_LABELS']) {
      expect(runComputation({ id: 7, name, args: [] })).toEqual({
        id: 7,
        error: `Unknown lesson computation “${name}”.`,
      });
    }
  });

  it('turns a computation that throws into an error answer', () => {
    const response = runComputation({ id: 3, name: 'profileLab', args: ['no-such-lab'] });
    expect(response.id).toBe(3);
    expect('error' in response && response.error.length).toBeGreaterThan(0);
  });
});
