/** The Newton-step arithmetic of a split, shared by the exact scans (splitting.ts) and the survey (split-survey.ts). */

/** The Newton step −G / (H + λ) of a node, before shrinkage (the 1e-15 guards against 0/0 as in scikit-learn). */
export function nodeValue(sumGradient: number, sumHessian: number, l2Regularization: number): number {
  return -sumGradient / (sumHessian + l2Regularization + 1e-15);
}

/** The gain of sending (G_L, H_L) left and (G_R, H_R) right (see splitting.ts). */
export function splitGain(
  gL: number,
  hL: number,
  gR: number,
  hR: number,
  parentLoss: number,
  l2: number,
): number {
  return parentLoss - gL * nodeValue(gL, hL, l2) - gR * nodeValue(gR, hR, l2);
}
