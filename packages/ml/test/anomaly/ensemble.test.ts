import { describe, expect, it } from 'vitest';
import { AnomalyEnsemble, DETECTOR_NAMES } from '../../src/anomaly/anomaly-ensemble';
import { averagePrecisionScore } from '../../src/metrics/average-precision-score';
import {
  type AnomalySet,
  blobWithMixedAnomalies,
  clustersWithLocalAnomalies,
  clustersWithMixedAnomalies,
} from './anomaly-sets';

/** Average precision of each detector's normalised rank and of the ensemble's vote, on the training rows. */
function averagePrecisions(set: AnomalySet, seed: number, vote: 'max' | 'mean' = 'max') {
  const ensemble = new AnomalyEnsemble({ contamination: 0.05, randomState: seed, vote }).fit(set.X);
  const rows = ensemble.explain(set.X, { inSample: true });
  const detectors = DETECTOR_NAMES.map((name) =>
    averagePrecisionScore(
      set.y,
      Float64Array.from(rows, (r) => r.ranks[name]),
    ),
  );
  const voted = averagePrecisionScore(
    set.y,
    Float64Array.from(rows, (r) => r.score),
  );
  return { detectors, ensemble: voted, best: Math.max(...detectors) };
}

const SEEDS = [1, 2, 3];

describe('AnomalyEnsemble voting', () => {
  // Two shapes, each with three kinds of anomaly that different detectors see: a correlated blob with a dense clump,
  // and three clusters of different spreads. Every detector is blind to one kind, so only the vote finds all three.
  for (const [shape, make] of [
    ['a correlated blob with a dense clump', blobWithMixedAnomalies],
    ['three clusters of different spreads', clustersWithMixedAnomalies],
  ] as const) {
    it(`beats the best single detector's average precision on ${shape}`, () => {
      for (const seed of SEEDS) {
        const { detectors, ensemble, best } = averagePrecisions(make(seed), seed);
        expect(detectors.every((ap) => ap < 0.9)).toBe(true); // no detector alone solves the set
        expect(ensemble).toBeGreaterThan(best + 0.02);
      }
    });
  }

  it('with one kind of anomaly, stays below the matching detector but above the average detector', () => {
    for (const seed of SEEDS) {
      const { detectors, ensemble, best } = averagePrecisions(clustersWithLocalAnomalies(seed), seed);
      const mean = detectors.reduce((a, b) => a + b, 0) / detectors.length;
      expect(ensemble).toBeGreaterThan(mean);
      expect(ensemble).toBeLessThan(best); // LocalOutlierFactor alone is the right tool here
    }
  });

  it("a 'mean' vote lets blind detectors outvote the one that sees the anomaly (why 'max' is the default)", () => {
    const set = clustersWithMixedAnomalies(1);
    const mean = averagePrecisions(set, 1, 'mean');
    const max = averagePrecisions(set, 1, 'max');
    expect(mean.ensemble).toBeLessThan(mean.best);
    expect(max.ensemble).toBeGreaterThan(mean.ensemble);
  });
});
