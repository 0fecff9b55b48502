import { describe, expect, it } from 'vitest';
import { makeTabularModel } from '../auto/make-tabular-model';
import { Frame } from '../core/frame';
import { toLabels } from '../core/labels';
import { Matrix } from '../core/matrix';
import { Ridge } from '../linear-model/ridge';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor';
import { fromJSON } from './from-json';
import { decodeValue, encodeValue } from './tagged-json';
import { toJSON } from './to-json';

const roundTrip = (value: unknown) =>
  decodeValue(JSON.parse(JSON.stringify(encodeValue(value, () => null))), () => {
    throw new Error('no estimators here');
  });

describe('tagged JSON values', () => {
  it('keeps NaN, ±Infinity and −0, which plain JSON loses', () => {
    const out = roundTrip([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      1.5,
    ]) as number[];
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out.slice(1, 3)).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(Object.is(out[3], -0)).toBe(true);
    expect(out[4]).toBe(1.5);
  });

  it('writes typed arrays as tagged plain number arrays and reads them back with their type', () => {
    const encoded = encodeValue(Float64Array.from([1, Number.NaN]), () => null);
    expect(encoded).toEqual({ $typed: 'Float64Array', values: [1, 'NaN'] });
    const back = roundTrip({ a: Int32Array.from([3, -1]), m: Matrix.fromRows([[1, 2]]) }) as {
      a: Int32Array;
      m: Matrix;
    };
    expect(back.a).toBeInstanceOf(Int32Array);
    expect(Array.from(back.a)).toEqual([3, -1]);
    expect(back.m.toRows()).toEqual([[1, 2]]);
  });

  it('escapes user objects whose keys look like tags, and ignores __proto__ keys', () => {
    expect(roundTrip({ $typed: 'x' })).toEqual({ $typed: 'x' });
    const evil = decodeValue(JSON.parse('{"__proto__": {"polluted": true}}'), () => null as never) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(evil)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown tags and array types', () => {
    expect(() => decodeValue({ $code: 'alert(1)' }, () => null as never)).toThrow(
      expect.objectContaining({ code: 'BAD_MODEL_FORMAT' }),
    );
    expect(() => decodeValue({ $typed: 'Function', values: [] }, () => null as never)).toThrow(
      /Unknown array type/,
    );
  });
});

describe('toJSON / fromJSON', () => {
  it('saves plain versioned JSON', () => {
    const json = toJSON(new Ridge({ alpha: 2 }).fit(Matrix.fromRows([[0], [1]]), Float64Array.from([0, 1])));
    expect(json.format).toBe('quarry-model');
    expect(json.version).toBe(1);
    expect(json.kind).toBe('Ridge');
    expect(json.params).toEqual({ alpha: 2, fitIntercept: true });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('round-trips a fitted tabular pipeline with bit-identical predictions', () => {
    const frame = Frame.fromRecords(
      Array.from({ length: 30 }, (_, i) => ({ x: i % 4 === 0 ? null : i / 3, c: ['u', 'v', null][i % 3] })),
    );
    const y = toLabels(Array.from({ length: 30 }, (_, i) => (i % 5 < 2 ? 'a' : 'b')));
    const features = [
      { name: 'x', kind: 'numeric' as const },
      { name: 'c', kind: 'categorical' as const },
    ];
    for (const family of ['linear', 'tree'] as const) {
      const model = makeTabularModel({ task: 'classification', family, features }).fit(frame, y);
      const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(model)))) as typeof model;
      expect(Array.from(loaded.predictProba(frame).data)).toEqual(Array.from(model.predictProba(frame).data));
      expect(loaded.classes_).toEqual(['a', 'b']);
    }
  });

  it('keeps NaN in params and state (OrdinalEncoder unknownValue, tree thresholds)', () => {
    const encoder = fromJSON(JSON.parse(JSON.stringify(toJSON(new OrdinalEncoder())))) as OrdinalEncoder;
    expect(Number.isNaN(encoder.params.unknownValue)).toBe(true);
    const tree = new DecisionTreeRegressor().fit(
      Matrix.fromRows([[1], [2], [Number.NaN], [Number.NaN]]),
      Float64Array.from([1, 1, 5, 5]),
    );
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(tree)))) as DecisionTreeRegressor;
    expect(loaded.threshold_[0]).toBe(Number.POSITIVE_INFINITY);
    expect(Array.from(loaded.predict(Matrix.fromRows([[Number.NaN]])))).toEqual([5]);
  });

  it('names what is wrong with a bad file', () => {
    const good = toJSON(new Ridge().fit(Matrix.fromRows([[0], [1]]), Float64Array.from([0, 1])));
    const code = (value: unknown) => {
      try {
        fromJSON(value);
        return 'loaded';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code({ ...good, format: 'pickle' })).toBe('BAD_MODEL_FORMAT');
    expect(code({ ...good, version: 2 })).toBe('BAD_MODEL_FORMAT');
    expect(code('not an object')).toBe('BAD_MODEL_FORMAT');
    expect(code({ ...good, kind: 'GradientBoostedMagic' })).toBe('UNKNOWN_ESTIMATOR_KIND');
    expect(code({ ...good, kind: '__proto__' })).toBe('UNKNOWN_ESTIMATOR_KIND');
    expect(code({ ...good, kind: 'constructor' })).toBe('UNKNOWN_ESTIMATOR_KIND');
    expect(code({ ...good, params: { alpha: 1, evil: true } })).toBe('BAD_MODEL_FORMAT');
    expect(code({ ...good, params: { alpha: -5 } })).toBe('BAD_MODEL_FORMAT');
    expect(code({ ...good, state: { ...(good.state as object), coef_: [1] } })).toBe('BAD_MODEL_FORMAT');
    expect(code({ ...good, state: {} })).toBe('BAD_MODEL_FORMAT');
    expect(code(good)).toBe('loaded');
  });

  it('refuses a tree whose links would loop or leave the tree', () => {
    const tree = new DecisionTreeRegressor().fit(
      Matrix.fromRows([[1], [2], [3], [4]]),
      Float64Array.from([1, 1, 5, 5]),
    );
    const json = JSON.parse(JSON.stringify(toJSON(tree)));
    const looped = JSON.parse(JSON.stringify(json));
    looped.state.left_.values[0] = 0; // the root as its own child
    expect(() => fromJSON(looped)).toThrow(/node 0 has a bad feature or children/);
    const outOfRange = JSON.parse(JSON.stringify(json));
    outOfRange.state.feature_.values[0] = 7;
    expect(() => fromJSON(outOfRange)).toThrow(expect.objectContaining({ code: 'BAD_MODEL_FORMAT' }));
    const short = JSON.parse(JSON.stringify(json));
    short.state.value_.values.pop();
    expect(() => fromJSON(short)).toThrow(/value_/);
    expect(() => fromJSON(json)).not.toThrow();
  });
});
