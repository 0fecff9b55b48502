import { describe, it } from 'vitest';
import { ColumnTransformer } from '../compose/column-transformer';
import { Pipeline } from '../compose/pipeline';
import type { Estimator } from '../core/estimator';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { type CheckEstimatorOptions, checkEstimator } from '../testing/check-estimator';
import { CountVectorizer } from './count-vectorizer';
import { LatentDirichletAllocation } from './latent-dirichlet-allocation';
import { NMF } from './nmf';
import { TfidfVectorizer } from './tfidf-vectorizer';

type Case = [label: string, factory: () => Estimator, options: CheckEstimatorOptions];

const cases: Case[] = [
  ['CountVectorizer', () => new CountVectorizer(), { task: 'transformer', input: 'text' }],
  [
    'CountVectorizer (bigrams, binary, english)',
    () => new CountVectorizer({ ngramRange: [1, 2], binary: true, stopWords: 'english' }),
    { task: 'transformer', input: 'text', badParams: { minDf: 1.5 } },
  ],
  ['TfidfVectorizer', () => new TfidfVectorizer(), { task: 'transformer', input: 'text' }],
  [
    'TfidfVectorizer (l1, sublinear, minDf 2)',
    () => new TfidfVectorizer({ norm: 'l1', sublinearTf: true, minDf: 2, smoothIdf: false }),
    { task: 'transformer', input: 'text' },
  ],
  ['NMF', () => new NMF({ nComponents: 2, randomState: 3 }), { task: 'transformer', input: 'codes' }],
  [
    'LatentDirichletAllocation',
    () => new LatentDirichletAllocation({ nComponents: 2, randomState: 3 }),
    { task: 'transformer', input: 'codes' },
  ],
  [
    'Pipeline(TfidfVectorizer, LogisticRegression)',
    () =>
      new Pipeline([
        ['tfidf', new TfidfVectorizer()],
        ['model', new LogisticRegression({ C: 10 })],
      ]),
    { task: 'classification', input: 'text', badParams: { 'model.C': -1 } },
  ],
  [
    'ColumnTransformer with a text entry',
    () =>
      new ColumnTransformer([
        [
          'text',
          new Pipeline([
            ['counts', new CountVectorizer()],
            ['topics', new NMF({ nComponents: 2 })],
          ]),
          ['doc'],
        ],
      ]),
    { task: 'transformer', input: 'text' },
  ],
];

for (const [label, factory, options] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, options)) it(check.name, check.run);
  });
}
