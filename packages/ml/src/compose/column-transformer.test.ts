import { describe, expect, it } from 'vitest';
import { Frame } from '../core/frame';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder';
import { SimpleImputer } from '../preprocessing/simple-imputer';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { ColumnTransformer } from './column-transformer';
import { Pipeline } from './pipeline';

const frame = Frame.fromRecords([
  { age: 20, income: 1, city: 'Lyon', id: 1 },
  { age: null, income: 3, city: 'Paris', id: 2 },
  { age: 40, income: 5, city: 'Lyon', id: 3 },
]);

function make(remainder: 'drop' | 'passthrough' = 'drop') {
  return new ColumnTransformer(
    [
      [
        'num',
        new Pipeline([
          ['impute', new SimpleImputer({ strategy: 'median', addIndicator: true })],
          ['scale', new StandardScaler()],
        ]),
        ['age', 'income'],
      ],
      ['cat', new OneHotEncoder(), ['city']],
    ],
    { remainder },
  );
}

describe('ColumnTransformer', () => {
  it('stacks the outputs of each entry and names them entry__feature', () => {
    const ct = make();
    const out = ct.fit(frame).transform(frame);
    expect(ct.featureNamesOut_).toEqual([
      'num__age',
      'num__income',
      'num__missingindicator_age',
      'cat__city_Lyon',
      'cat__city_Paris',
    ]);
    expect(out.nCols).toBe(5);
    // The indicator is scaled too (it is part of the num pipeline's output), as in scikit-learn.
    expect(out.get(1, 2)).toBeCloseTo(Math.SQRT2, 12);
    expect(out.get(0, 2)).toBeCloseTo(-Math.SQRT1_2, 12);
    expect(Array.from(out.column(3))).toEqual([1, 0, 1]);
    expect(out.get(1, 0)).toBe(0); // the median (30) standardised
  });

  it('passes the remainder through when asked', () => {
    const ct = make('passthrough').fit(frame);
    expect(ct.remainderColumns_).toEqual(['id']);
    expect(ct.featureNamesOut_.at(-1)).toBe('remainder__id');
    expect(Array.from(ct.transform(frame).column(5))).toEqual([1, 2, 3]);
  });

  it('selects columns by name, so extra or reordered columns at predict time are fine', () => {
    const ct = make().fit(frame);
    const reordered = new Frame([
      frame.column('city'),
      frame.column('income'),
      frame.column('id'),
      frame.column('age'),
    ]);
    expect(ct.transform(reordered).toRows()).toEqual(ct.transform(frame).toRows());
  });

  it('reports a missing column by name', () => {
    const ct = make().fit(frame);
    expect(() => ct.transform(frame.select(['age', 'city']))).toThrow(/'income' is not in the data/);
  });

  it('reaches nested parameters by dotted path', () => {
    const ct = make().setParams({ 'num.impute.strategy': 'mean' });
    const imputer = (ct.params.transformers[0][1] as Pipeline).step('impute') as SimpleImputer;
    expect(imputer.params.strategy).toBe('mean');
  });
});
