import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { type CutRule, cutCounts, cutsAggregate, numericCuts } from './profile-bins';
import { mapEntries } from './profile-scan';

/** The double just above or below x. */
function step(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + (x > 0 === up ? 1n : -1n));
  return view.getFloat64(0);
}

/** A range lo..hi cut as the profile cuts it, with fences and a MAD threshold. */
function rule(lo: number, hi: number, t: number): CutRule {
  const q1 = lo + (hi - lo) * 0.3;
  const q3 = lo + (hi - lo) * 0.6;
  return {
    lo,
    width: hi > lo ? (hi - lo) / 20 : 1,
    last: hi > lo ? 19 : 0,
    a: q1 - 1.5 * (q3 - q1),
    b: q3 + 1.5 * (q3 - q1),
    m: lo + (hi - lo) * 0.45,
    t,
  };
}

describe('profile cuts (bins and outlier fences as histogram boundaries)', () => {
  it('count every value where the per-row arithmetic puts it', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    // Edges between doubles, a range far from zero where whole bins hold no double (boundaries coincide),
    // negative and tiny ranges, one value only, no MAD threshold.
    const rules = [
      rule(0.1, 0.7, 0.05),
      rule(18, 87, 3.3),
      rule(-3.3, 1e-9, 0.1),
      rule(1e16, 1e16 + 2, 0.3),
      rule(-1e-300, 1e-300, 1e-301),
      rule(2732.88, 489993.2, 0),
      rule(5, 5, 0),
    ];
    for (const r of rules) {
      const cuts = numericCuts(r);
      const span = r.width * 20;
      // Every boundary and the doubles beside it, the ends, values far beyond (no integer overflow), and a spread.
      const values = [r.lo - 10 * span, r.lo + 10 * span, -1e300, 1e300, r.m, r.a, r.b, r.m - r.t, r.m + r.t];
      for (const x of cuts.boundaries) values.push(x, step(x, true), step(x, false));
      for (let k = 0; k <= 200; k++) values.push(r.lo + (span * k) / 200);
      await c.run('CREATE OR REPLACE TABLE v (x DOUBLE)');
      const appender = await c.createAppender('v');
      for (const x of values.filter(Number.isFinite)) {
        appender.appendDouble(x);
        appender.endRow();
      }
      appender.appendNull(); // a missing value is counted nowhere
      appender.endRow();
      appender.closeSync();
      const row = (
        await c.runAndReadAll(
          `SELECT ${cutsAggregate('x', cuts)} AS cuts,
             list(CAST(least(greatest(floor((x - $lo) / $w), 0), $last) AS INTEGER)) FILTER (WHERE x IS NOT NULL) AS idx,
             count(CASE WHEN x < $a OR x > $b THEN 1 END) AS iqr,
             count(CASE WHEN $t > 0 AND abs(x - $m) > $t THEN 1 END) AS mad
           FROM v`,
          { lo: r.lo, w: r.width, last: r.last, a: r.a, b: r.b, m: r.m, t: r.t },
        )
      ).getRowObjectsJS()[0];
      const bins = new Array<number>(r.last + 1).fill(0);
      for (const k of row.idx as number[]) bins[k]++;
      const counted = cutCounts(row.cuts, mapEntries(row.cuts), cuts, r.last + 1);
      expect(counted, `range from ${r.lo}, t ${r.t}`).toEqual({
        bins,
        iqrCount: Number(row.iqr),
        madCount: Number(row.mad),
      });
    }
    instance.closeSync();
  });

  it('leaves one bin when the width is not a positive finite number', () => {
    const cuts = numericCuts({
      lo: -1e308,
      width: Number.POSITIVE_INFINITY,
      last: 19,
      a: -1,
      b: 1,
      m: 0,
      t: 0,
    });
    expect(cuts.stretches.map((s) => s.bin)).toEqual([0, 0, 0]);
  });
});
