import { describe, expect, it } from 'vitest';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import { reference } from './fixtures/scalers';
import { MinMaxScaler } from './min-max-scaler';

const fromNullable = (rows: (number | null)[][]) =>
  Matrix.fromRows(rows.map((row) => row.map((v) => v ?? Number.NaN)));
const X = fromNullable(reference.X);
const XTest = fromNullable(reference.XTest);

describe.each(reference.minMax)(
  'MinMaxScaler vs scikit-learn (featureRange $featureRange, clip $clip)',
  (c) => {
    it('learns the same scale and shift and transforms identically (bit for bit; NaN kept)', () => {
      const scaler = new MinMaxScaler({ featureRange: c.featureRange as [number, number], clip: c.clip }).fit(
        X,
      );
      expect(Array.from(scaler.scale_)).toEqual(c.scale);
      expect(Array.from(scaler.min_)).toEqual(c.min);
      const out = scaler.transform(XTest).toRows();
      expect(out).toEqual(c.out.map((row) => row.map((v) => v ?? Number.NaN)));
    });
  },
);

describe('MinMaxScaler', () => {
  it('maps the training range onto featureRange and clips only when asked', () => {
    const train = Matrix.fromRows([[2], [4], [6]]);
    expect(
      new MinMaxScaler()
        .fit(train)
        .transform(Matrix.fromRows([[4], [10]]))
        .toRows(),
    ).toEqual([[0.5], [2]]);
    const clipped = new MinMaxScaler({ featureRange: [-1, 1], clip: true }).fit(train);
    expect(clipped.transform(Matrix.fromRows([[0], [6], [10]])).toRows()).toEqual([[-1], [1], [1]]);
  });

  it('refuses a featureRange whose low is not below its high', () => {
    expect(() => new MinMaxScaler({ featureRange: [1, 1] }).fit(Matrix.fromRows([[0]]))).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER', message: expect.stringMatching(/low < high/) }),
    );
  });

  it('reads numeric frames and names outputs after the inputs', () => {
    const frame = Frame.fromRecords([
      { a: 1, b: 5 },
      { a: 3, b: 5 },
    ]);
    const scaler = new MinMaxScaler().fit(frame);
    expect(scaler.featureNamesOut()).toEqual(['a', 'b']);
    expect(scaler.transform(frame).toRows()).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });
});
