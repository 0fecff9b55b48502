import { MlError } from '../core/errors';
import type { Matrix } from '../core/matrix';
import type { Rng } from '../core/rng';
import type { Tabular } from '../core/roles';
import { asMatrix, checkColumnCount, checkNotEmpty } from '../core/validation';
import { CsrMatrix } from '../linalg/csr-matrix';

/** A term of a topic and its weight in the topic–term matrix. */
export interface TopicTerm {
  term: string;
  weight: number;
}

/**
 * Topic models take counts or TF-IDF weights: a CSR matrix as is, or a dense matrix / numeric frame made sparse.
 * Values must be finite and non-negative. `nFeaturesIn` (after fit) checks the number of terms.
 */
export function topicInput(X: Tabular | CsrMatrix, kind: string, nFeaturesIn?: number): CsrMatrix {
  const csr = X instanceof CsrMatrix ? X : CsrMatrix.fromDense(asMatrix(X, kind));
  if (nFeaturesIn === undefined) checkNotEmpty(csr.nRows, csr.nCols, kind);
  else checkColumnCount(csr.nCols, nFeaturesIn, kind);
  for (let k = 0; k < csr.nnz; k++) {
    const v = csr.data[k];
    if (!Number.isFinite(v)) {
      throw new MlError(
        'INPUT_HAS_NAN',
        `${kind} got a missing or infinite value (${v}). Impute or drop it.`,
        {
          details: { kind },
        },
      );
    }
    if (v < 0) {
      throw new MlError(
        'UNSUPPORTED_OPERATION',
        `${kind} needs non-negative values such as term counts or TF-IDF weights, but got ${v}. Feed it the output of a CountVectorizer or TfidfVectorizer.`,
        { details: { kind } },
      );
    }
  }
  return csr;
}

/** The `k` heaviest terms of each topic (row of `components`), heaviest first; ties keep the vocabulary order. */
export function topTermsOf(
  components: Matrix,
  terms: readonly string[],
  k: number,
  kind: string,
): TopicTerm[][] {
  if (terms.length !== components.nCols) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${kind} was fitted on ${components.nCols} terms but got ${terms.length} names. Pass the vectorizer's vocabulary_.`,
      { details: { kind } },
    );
  }
  const out: TopicTerm[][] = [];
  for (let t = 0; t < components.nRows; t++) {
    const order = Array.from({ length: terms.length }, (_, j) => j);
    order.sort((a, b) => components.get(t, b) - components.get(t, a) || a - b);
    out.push(order.slice(0, k).map((j) => ({ term: terms[j], weight: components.get(t, j) })));
  }
  return out;
}

/** ψ(x), the digamma function, for x > 0: recurrence up to x ≥ 6, then the asymptotic series. */
export function digamma(x: number): number {
  let result = 0;
  let v = x;
  while (v < 6) {
    result -= 1 / v;
    v += 1;
  }
  const f = 1 / (v * v);
  return (
    result +
    Math.log(v) -
    0.5 / v -
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))))
  );
}

/** A standard normal draw (Box–Muller on the seeded generator). */
export function normal(rng: Rng): number {
  const u = 1 - rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
}

/** A Gamma(shape, scale) draw for shape ≥ 1 (Marsaglia & Tsang, 2000). */
export function gammaDraw(rng: Rng, shape: number, scale: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextFloat();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return d * v * scale;
    }
  }
}
