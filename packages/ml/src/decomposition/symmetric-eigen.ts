export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Unit eigenvectors as columns, `p × p` row-major: component i of vector k is `vectors[i * p + k]`. */
  vectors: Float64Array;
}

/**
 * Eigen-decomposition of a symmetric `p × p` matrix (row-major) by cyclic Jacobi rotations. Jacobi is slower than
 * Householder + QR for large p but simple and accurate to a few units in the last place of the largest eigenvalue
 * even for tiny ones, which is what PCA's explained variances need; p is a number of columns (tens to hundreds).
 */
export function symmetricEigen(matrix: Float64Array, p: number): SymmetricEigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  let scale = 0;
  for (let m = 0; m < p * p; m++) scale += a[m] * a[m];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += a[i * p + j] ** 2;
    if (off <= 1e-32 * scale || off === 0) break;
    for (let r = 0; r < p; r++) {
      for (let q = r + 1; q < p; q++) {
        const arq = a[r * p + q];
        if (arq === 0) continue;
        const theta = (a[q * p + q] - a[r * p + r]) / (2 * arq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J with J the rotation in the (r, q) plane chosen so that A[r][q] becomes 0.
        for (let k = 0; k < p; k++) {
          const akr = a[k * p + r];
          const akq = a[k * p + q];
          a[k * p + r] = c * akr - s * akq;
          a[k * p + q] = s * akr + c * akq;
        }
        for (let k = 0; k < p; k++) {
          const ark = a[r * p + k];
          const aqk = a[q * p + k];
          a[r * p + k] = c * ark - s * aqk;
          a[q * p + k] = s * ark + c * aqk;
        }
        a[r * p + q] = 0;
        a[q * p + r] = 0;
        for (let k = 0; k < p; k++) {
          const vkr = v[k * p + r];
          const vkq = v[k * p + q];
          v[k * p + r] = c * vkr - s * vkq;
          v[k * p + q] = s * vkr + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: p }, (_, k) => k).sort((x, y) => a[y * p + y] - a[x * p + x] || x - y);
  const values = Float64Array.from(order, (k) => a[k * p + k]);
  const vectors = new Float64Array(p * p);
  order.forEach((k, col) => {
    for (let i = 0; i < p; i++) vectors[i * p + col] = v[i * p + k];
  });
  return { values, vectors };
}
