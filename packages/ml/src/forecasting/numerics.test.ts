import { describe, expect, it } from 'vitest';
import { classicalDecomposition } from './classical-decomposition';
import { mstl } from './mstl';
import { nelderMead } from './nelder-mead';
import { polynomialRootModuli, rootsInsideUnitCircle } from './polynomial-roots';
import { syntheticSeries } from './test-helpers';
import { parseWideSeries } from './wide-format';

describe('numerical building blocks', () => {
  it('Nelder–Mead finds the Rosenbrock minimum', () => {
    const result = nelderMead(
      (x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2,
      Float64Array.of(-1.2, 1),
      { maxEvaluations: 5000 },
    );
    expect(result.value).toBeLessThan(1e-6);
    expect(result.x[0]).toBeCloseTo(1, 2);
  });

  it('root moduli and the Schur–Cohn test agree', () => {
    expect(Array.from(polynomialRootModuli([2, -3, 1])).sort()).toEqual([
      expect.closeTo(1, 10),
      expect.closeTo(2, 10),
    ]);
    expect(rootsInsideUnitCircle([0.25, 0, 1])).toBe(true); // z² + 0.25: |z| = 0.5
    expect(rootsInsideUnitCircle([4, 0, 1])).toBe(false); // |z| = 2
  });

  it('classical decomposition needs two full periods', () => {
    expect(() => classicalDecomposition(new Float64Array(10), 12)).toThrow(/two full periods/);
  });

  it('mstl separates two seasonal periods and drops those too long for the data', () => {
    const n = 24 * 7 * 4;
    const y = Float64Array.from(
      { length: n },
      (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 24) + 5 * Math.sin((2 * Math.PI * t) / 168),
    );
    const out = mstl(y, [168, 24, 2000]);
    expect(out.periods).toEqual([24, 168]);
    let worst = 0;
    for (let t = 0; t < n; t++)
      worst = Math.max(worst, Math.abs(out.seasonals[0][t] - 10 * Math.sin((2 * Math.PI * t) / 24)));
    expect(worst).toBeLessThan(1);
    expect(() => mstl(syntheticSeries(20, 12), [12])).toThrow(/two full cycles/);
  });

  it('reads the M4 wide layout: quoted header and fields, trailing empty cells', () => {
    const text = '"V1","V2","V3","V4"\n"H1","1","2.5","3"\n"H2","4",,\n';
    const { ids, series } = parseWideSeries(text);
    expect(ids).toEqual(['H1', 'H2']);
    expect(Array.from(series[0])).toEqual([1, 2.5, 3]);
    expect(Array.from(series[1])).toEqual([4]);
    expect(() => parseWideSeries('"H1","x"\n"H2","1"')).not.toThrow(); // first line taken as a header
    expect(() => parseWideSeries('"H1","1"\n"H2","x"')).toThrow(/not a number/);
  });
});
