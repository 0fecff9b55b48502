import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from '../core/column';
import { Frame } from '../core/frame';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { reference } from './fixtures/one-hot-infrequent';
import { OneHotEncoder } from './one-hot-encoder';

const frame = (letters: string[], numbers: number[]) =>
  new Frame([categoricalColumn('letter', letters), numericColumn('number', numbers)]);
const train = frame(reference.letters, reference.numbers);
const test = frame(reference.testLetters, reference.testNumbers);

describe.each(reference.cases)(
  'OneHotEncoder infrequent categories vs scikit-learn (minFrequency $minFrequency, maxCategories $maxCategories)',
  (c) => {
    // Exact: the same categories are grouped and the 0/1 outputs are identical. Names differ on purpose:
    // scikit-learn writes `number_2.0` and `_infrequent_sklearn`, we write `number_2` and `_infrequent`.
    const encoder = new OneHotEncoder({
      minFrequency: c.minFrequency,
      maxCategories: c.maxCategories,
      handleUnknown: 'infrequent_if_exist',
    }).fit(train);

    it('groups the same categories', () => {
      expect(encoder.infrequentCategories_).toEqual(c.infrequent);
      const sklearnNames = c.names.map((name) =>
        name.replace('_infrequent_sklearn', '_infrequent').replace('.0', ''),
      );
      expect(encoder.featureNamesOut()).toEqual(sklearnNames);
    });

    it('encodes training rows and unseen values the same', () => {
      expect(encoder.transform(train).toRows()).toEqual(c.out);
      expect(encoder.transform(test).toRows()).toEqual(c.testOut);
    });
  },
);

describe('OneHotEncoder infrequent categories', () => {
  it('maxCategories 1 groups everything into one output (scikit-learn >= 1.3; 1.2 ignored it)', () => {
    const encoder = new OneHotEncoder({ maxCategories: 1 }).fit(train);
    expect(encoder.featureNamesOut()).toEqual(['letter_infrequent', 'number_infrequent']);
    expect(
      encoder
        .transform(train)
        .toRows()
        .every((row) => row[0] === 1 && row[1] === 1),
    ).toBe(true);
  });

  it("with handleUnknown 'ignore' an unseen value is all zeros even when there is an infrequent output", () => {
    const encoder = new OneHotEncoder({ minFrequency: 3, handleUnknown: 'ignore' }).fit(train);
    const row = encoder.transform(frame(['z'], [1])).row(0);
    expect(Array.from(row.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(() => new OneHotEncoder({ minFrequency: 3 }).fit(train).transform(frame(['z'], [1]))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CATEGORY' }),
    );
  });

  it('loads a model saved before infrequent categories existed', () => {
    const json = JSON.parse(JSON.stringify(toJSON(new OneHotEncoder().fit(train))));
    delete json.state.infrequentCategories_;
    delete json.params.minFrequency;
    delete json.params.maxCategories;
    const loaded = fromJSON(json) as OneHotEncoder;
    expect(loaded.infrequentCategories_).toEqual([[], []]);
    expect(loaded.transform(train).toRows()).toEqual(
      new OneHotEncoder().fit(train).transform(train).toRows(),
    );
  });
});
