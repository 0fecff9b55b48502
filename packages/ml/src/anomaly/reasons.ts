import type { Matrix } from '../core/matrix';

/** One feature's part in why a row looks anomalous. */
export interface FeatureReason {
  /** Column index in the fitted data. */
  feature: number;
  /** Column name (x0, x1, ... for a matrix). */
  name: string;
  /** The combined share, in [0, 1]; the shares of all features of a row sum to 1 (or all are 0). */
  contribution: number;
  /** The signed robust z-score of the value: how many robust standard deviations from the median, and which side. */
  robustZ: number;
  /** The feature's share of the row's squared robust Mahalanobis distance (negative terms counted as 0). */
  mahalanobisShare: number;
}

/**
 * The top contributing features of each row, from the two detectors whose scores split exactly over features:
 *
 *   robust share_j      = z_j² / Σ_k z_k²      z = robust z-score (RobustZScore.zScores)
 *   Mahalanobis share_j = c_j⁺ / Σ_k c_k⁺      c_j = (x − μ)_j (Σ⁻¹(x − μ))_j, Σ_j c_j = d² (MahalanobisDetector)
 *   contribution_j      = (robust share_j + Mahalanobis share_j) / 2   (only the part that is defined if the
 *                         other is all zero: a row exactly at the median or at the robust centre)
 *
 * Both are shares of a squared distance — Σ z² is the Mahalanobis distance with the correlations ignored — so
 * they are on one scale and can be averaged: the robust part names the feature whose value is extreme on its own,
 * the Mahalanobis part the feature whose value is unlikely given the others (a broken correlation). Negative
 * Mahalanobis terms (a value that makes the row more plausible given the others) are counted as 0 so shares stay in
 * [0, 1]. IsolationForest and LocalOutlierFactor have no exact per-feature split, so they vote but do not explain.
 */
export function featureReasons(
  robustZ: Matrix,
  mahalanobis: Matrix,
  names: readonly string[],
  top: number,
): FeatureReason[][] {
  const { nRows, nCols: p } = robustZ;
  const out: FeatureReason[][] = [];
  const robustShare = new Float64Array(p);
  const mahalanobisShare = new Float64Array(p);
  for (let i = 0; i < nRows; i++) {
    let robustTotal = 0;
    let mahalanobisTotal = 0;
    for (let j = 0; j < p; j++) {
      const z = robustZ.data[j * nRows + i];
      robustShare[j] = z * z;
      robustTotal += z * z;
      mahalanobisShare[j] = Math.max(0, mahalanobis.data[j * nRows + i]);
      mahalanobisTotal += mahalanobisShare[j];
    }
    const row: FeatureReason[] = [];
    for (let j = 0; j < p; j++) {
      const r = robustTotal > 0 ? robustShare[j] / robustTotal : 0;
      const m = mahalanobisTotal > 0 ? mahalanobisShare[j] / mahalanobisTotal : 0;
      const halves = (robustTotal > 0 ? 1 : 0) + (mahalanobisTotal > 0 ? 1 : 0);
      row.push({
        feature: j,
        name: names[j],
        contribution: halves === 0 ? 0 : (r + m) / halves,
        robustZ: robustZ.data[j * nRows + i],
        mahalanobisShare: m,
      });
    }
    row.sort((a, b) => b.contribution - a.contribution || a.feature - b.feature);
    out.push(row.slice(0, top));
  }
  return out;
}
