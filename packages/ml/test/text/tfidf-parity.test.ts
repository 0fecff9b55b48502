import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matrix } from '../../src/core/matrix';
import { Rng } from '../../src/core/rng';
import { CountVectorizer } from '../../src/text/count-vectorizer';
import { LatentDirichletAllocation } from '../../src/text/latent-dirichlet-allocation';
import { NMF } from '../../src/text/nmf';
import { randomizedSvd } from '../../src/text/nndsvd';
import { TfidfVectorizer, type TfidfVectorizerParams } from '../../src/text/tfidf-vectorizer';

// scikit-learn 1.2.1's TfidfVectorizer on a fixed multilingual corpus, written by fixtures/text/make_tfidf.py.
interface Setting {
  params: {
    ngram_range?: [number, number];
    sublinear_tf?: boolean;
    min_df?: number;
    max_df?: number;
    max_features?: number;
    lowercase?: boolean;
    strip_accents?: 'unicode' | 'ascii';
    stop_words?: 'english';
  };
  vocabulary: string[];
  idf: number[] | null;
  indptr: number[];
  indices: number[];
  data: number[];
}
const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'text', 'tfidf.json'), 'utf8'),
) as {
  corpus: string[];
  settings: Record<string, Setting>;
  count_settings: Record<string, Setting>;
  topics: {
    lda: { components: number[][]; doc_topic: number[][]; perplexity: number };
    singular_values: number[];
    nmf_nndsvda_mu_3: { reconstruction_err: number; n_iter: number };
  };
};

function quarryParams(p: Setting['params']): Partial<TfidfVectorizerParams> {
  return {
    ngramRange: p.ngram_range ?? [1, 1],
    sublinearTf: p.sublinear_tf ?? false,
    minDf: p.min_df ?? 1,
    maxDf: p.max_df ?? 1,
    maxFeatures: p.max_features ?? null,
    lowercase: p.lowercase ?? true,
    stripAccents: p.strip_accents ?? null,
    stopWords: p.stop_words ?? null,
  };
}

describe('TfidfVectorizer matches scikit-learn', () => {
  for (const [name, expected] of Object.entries(reference.settings)) {
    it(`${name}: same vocabulary, idf and values within 1e-9`, () => {
      const vectorizer = new TfidfVectorizer(quarryParams(expected.params));
      const X = vectorizer.fitTransformSparse(reference.corpus);
      expect(vectorizer.vocabulary_).toEqual(expected.vocabulary);
      const idf = vectorizer.idf_!;
      const expectedIdf = expected.idf!;
      expect(idf.length).toBe(expectedIdf.length);
      for (let j = 0; j < idf.length; j++) expect(Math.abs(idf[j] - expectedIdf[j])).toBeLessThan(1e-9);
      expect(Array.from(X.indptr)).toEqual(expected.indptr);
      expect(Array.from(X.indices)).toEqual(expected.indices);
      let worst = 0;
      for (let k = 0; k < X.nnz; k++) worst = Math.max(worst, Math.abs(X.data[k] - expected.data[k]));
      expect(worst).toBeLessThan(1e-9);
    });
  }

  for (const [name, expected] of Object.entries(reference.count_settings)) {
    it(`CountVectorizer ${name}: same vocabulary and counts`, () => {
      const vectorizer = new CountVectorizer(quarryParams(expected.params));
      const X = vectorizer.fitTransformSparse(reference.corpus);
      expect(vectorizer.vocabulary_).toEqual(expected.vocabulary);
      expect(Array.from(X.indptr)).toEqual(expected.indptr);
      expect(Array.from(X.indices)).toEqual(expected.indices);
      expect(Array.from(X.data)).toEqual(expected.data);
    });
  }

  it('transform of the training corpus equals fitTransform', () => {
    const vectorizer = new TfidfVectorizer({ ngramRange: [1, 2] });
    const fitted = vectorizer.fitTransformSparse(reference.corpus);
    const again = vectorizer.transformSparse(reference.corpus);
    expect(Array.from(again.indices)).toEqual(Array.from(fitted.indices));
    expect(Array.from(again.data)).toEqual(Array.from(fitted.data));
  });
});

describe('topic models against scikit-learn on the same TF-IDF matrix', () => {
  const X = new TfidfVectorizer({ normalize: null }).fitTransformSparse(reference.corpus);

  // Randomized subspace iteration is approximate, and this corpus's spectrum is flat (20 short, nearly orthogonal
  // unit-norm rows: σ₁ … σ₂₀ all near 1), so 13 directions and 4 power iterations (scikit-learn's `randomized_svd`
  // settings for k = 3 here) leave errors near 1e-4; a wrong implementation is off by far more.
  it('randomizedSvd finds the three leading singular values (NumPy SVD) to 1e-3', () => {
    const { S } = randomizedSvd(X, 3, new Rng(0));
    reference.topics.singular_values.forEach((s, c) => {
      expect(Math.abs(S[c] - s) / s).toBeLessThan(1e-3);
    });
  });

  it("NMF(init 'nndsvda', multiplicative updates) reaches scikit-learn's reconstruction error within 1%", () => {
    const nmf = new NMF({ nComponents: 3, maxIter: 1000, tol: 1e-6 }).fit(X);
    const expected = reference.topics.nmf_nndsvda_mu_3.reconstruction_err;
    expect(Math.abs(nmf.reconstructionErr_ - expected) / expected).toBeLessThan(0.01);
  });

  // Loaded with scikit-learn's fitted λ, the E-step (run to a tight tolerance, so the random start does not
  // matter) must reach the same document–topic distributions, and the bound the same perplexity.
  it("LatentDirichletAllocation with scikit-learn's topics gives its document–topic mix and perplexity", () => {
    const counts = new CountVectorizer({ normalize: null }).fitTransformSparse(reference.corpus);
    const { components, doc_topic, perplexity } = reference.topics.lda;
    const lda = new LatentDirichletAllocation({
      nComponents: 3,
      meanChangeTol: 1e-12,
      maxDocUpdateIter: 5000,
    });
    lda.setState({
      components_: Matrix.fromRows(components),
      nIter_: 20,
      nFeaturesIn_: components[0].length,
    });
    const mix = lda.transform(counts);
    let worst = 0;
    doc_topic.forEach((row, i) => {
      row.forEach((p, t) => {
        worst = Math.max(worst, Math.abs(mix.get(i, t) - p));
      });
    });
    expect(worst).toBeLessThan(1e-6);
    expect(Math.abs(lda.perplexity(counts) - perplexity) / perplexity).toBeLessThan(1e-6);
  });
});
