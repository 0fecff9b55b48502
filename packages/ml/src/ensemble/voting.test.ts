import { describe, expect, it } from 'vitest';
import { makeTabularModel } from '../auto/make-tabular-model';
import { Frame } from '../core/frame';
import { Rng } from '../core/rng';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { VotingRegressor } from './voting-regressor';

function data(n: number, seed: number) {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: n }, () => rng.nextFloat() * 4);
  const z = Float64Array.from({ length: n }, () => rng.nextFloat());
  const color = Int32Array.from({ length: n }, () => rng.nextInt(3));
  const frame = new Frame([
    { name: 'x', kind: 'numeric', values: x },
    { name: 'z', kind: 'numeric', values: z },
    { name: 'color', kind: 'categorical', codes: color, levels: ['red', 'green', 'blue'] },
  ]);
  const value = Float64Array.from(x, (v, i) => Math.sin(v) * 3 + color[i] + z[i] * 0.5);
  const labels = { codes: Int32Array.from(value, (v) => (v > 1.5 ? 1 : 0)), levels: ['low', 'high'] };
  return { frame, value, labels };
}
const features = [
  { name: 'x', kind: 'numeric' as const },
  { name: 'z', kind: 'numeric' as const },
  { name: 'color', kind: 'categorical' as const, cardinality: 3 },
];

describe('voting ensembles of pipelines', () => {
  it('averages member probabilities with their weights', () => {
    const { frame, labels } = data(300, 1);
    const members = [
      { family: 'linear' as const, weight: 3 },
      { family: 'tree' as const, weight: 1 },
    ];
    const ensemble = makeTabularModel({ task: 'classification', family: 'ensemble', features, members }).fit(
      frame,
      labels,
    );
    const linear = makeTabularModel({ task: 'classification', family: 'linear', features }).fit(
      frame,
      labels,
    );
    const tree = makeTabularModel({ task: 'classification', family: 'tree', features }).fit(frame, labels);
    const p = ensemble.predictProba(frame);
    const a = linear.predictProba(frame);
    const b = tree.predictProba(frame);
    for (let i = 0; i < p.data.length; i++)
      expect(p.data[i]).toBeCloseTo(0.75 * a.data[i] + 0.25 * b.data[i], 12);
    expect(ensemble.classes_).toEqual(['low', 'high']);
  });

  it('round-trips through JSON and predicts identically', () => {
    const { frame, value } = data(200, 2);
    const members = [
      { family: 'linear' as const, weight: 1 },
      { family: 'gbdt' as const, weight: 2 },
    ];
    const model = makeTabularModel({ task: 'regression', family: 'ensemble', features, members }).fit(
      frame,
      value,
    );
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(model)))) as typeof model;
    expect(Array.from(loaded.predict(frame))).toEqual(Array.from(model.predict(frame)));
    expect(model.step('model')).toBeInstanceOf(VotingRegressor);
  });

  it('refuses bad weights with the parameter named', () => {
    const { frame, value } = data(50, 3);
    const model = makeTabularModel({
      task: 'regression',
      family: 'ensemble',
      features,
      members: [{ family: 'linear', weight: -1 }],
    });
    expect(() => model.fit(frame, value)).toThrow(/'weights' parameter of VotingRegressor/);
  });
});
