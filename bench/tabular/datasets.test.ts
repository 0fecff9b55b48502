import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLabels } from '@quarry/ml';
import { afterAll, describe, expect, it } from 'vitest';
import {
  encodeCategories,
  ensureGenerated,
  GENERATED_SETS,
  generateBinary,
  generateLetter,
  holdoutSplit,
  loadDataset,
  parseCsv,
  REFERENCE_SETS,
  referenceSource,
} from './datasets';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseCsv', () => {
  it('reads quoted text, escaped quotes, missing cells and numbers in exponent form', () => {
    const csv = parseCsv(bytes('"a","b","c"\r\n1,"x, ""y""",NA\n-2.5e-3,,"7"\n1e+05,"z",\n'));
    expect(csv.nRows).toBe(3);
    expect(csv.columns.map((c) => [c.name, c.kind])).toEqual([
      ['a', 'numeric'],
      ['b', 'text'],
      ['c', 'text'], // one quoted cell makes the column text
    ]);
    expect(Array.from(csv.columns[0].values as Float64Array)).toEqual([1, -0.0025, 100000]);
    expect(csv.columns[1].values).toEqual(['x, "y"', null, 'z']);
    expect(csv.columns[2].values).toEqual([null, '7', null]);
  });

  it('parses every number exactly like Number()', () => {
    const texts = [
      '0.1',
      '-0.30000',
      '123456789012345',
      '1.7976931348623157e308',
      '5e-324',
      '0.000001234',
      '42',
    ];
    const csv = parseCsv(bytes(`v\n${texts.join('\n')}\n`));
    expect(Array.from(csv.columns[0].values as Float64Array)).toEqual(texts.map(Number));
  });

  it('forces a column to text on request (a classification target)', () => {
    const csv = parseCsv(bytes('x,y\n1,0\n2,1\n'), new Set(['y']));
    expect(csv.columns[1]).toEqual({ name: 'y', kind: 'text', values: ['0', '1'] });
  });

  it('codes categories in sorted order and keeps missing as NaN', () => {
    const { codes, levels } = encodeCategories(['b', null, 'a', 'b']);
    expect(levels).toEqual(['a', 'b']);
    expect(Array.from(codes)).toEqual([1, Number.NaN, 0, 1]);
  });
});

describe('reference data sets', () => {
  const expected: Record<string, { rows: number; cols: number; task: string; categorical: string[] }> = {
    attrition: {
      rows: 1470,
      cols: 30,
      task: 'binary',
      categorical: ['BusinessTravel', 'JobRole', 'OverTime'],
    },
    stackoverflow: { rows: 5594, cols: 20, task: 'binary', categorical: ['Country'] },
    cells: { rows: 2019, cols: 56, task: 'binary', categorical: [] },
    sonar: { rows: 208, cols: 60, task: 'binary', categorical: [] },
    vehicle: { rows: 846, cols: 18, task: 'multiclass', categorical: [] },
    sacramento: { rows: 932, cols: 8, task: 'regression', categorical: ['city', 'zip', 'type'] },
    boston: { rows: 506, cols: 17, task: 'regression', categorical: ['town', 'chas'] },
    ozone: { rows: 361, cols: 12, task: 'regression', categorical: [] },
  };

  it.each(REFERENCE_SETS.map((name) => [name]))('%s: rows, split and column kinds', (name) => {
    const source = referenceSource(name);
    const data = loadDataset(source);
    const want = expected[name];
    expect([data.X.nRows, data.X.nCols, data.task]).toEqual([want.rows, want.cols, want.task]);
    const split = JSON.parse(readFileSync(source.split, 'utf8')) as { test: number[] };
    expect(data.test.length).toBe(split.test.length);
    expect(data.train.length + data.test.length).toBe(want.rows);
    const categorical = data.featureNames.filter((_, j) => data.categorical[j]);
    for (const column of want.categorical) expect(categorical).toContain(column);
    if (want.categorical.length === 0) expect(categorical).toEqual([]);
    expect(data.featureNames).not.toContain(source.target);
    if (want.task === 'regression') expect(data.y).toBeInstanceOf(Float64Array);
    else expect(isLabels(data.y)).toBe(true);
  });

  it('matches the row counts of the published reference results', () => {
    const peers = readFileSync(join(referenceSource('attrition').csv, '..', 'reference-peers.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { dataset: string; n_train: number; n_test: number });
    for (const peer of peers) {
      const data = loadDataset(referenceSource(peer.dataset));
      expect([data.train.length, data.test.length]).toEqual([peer.n_train, peer.n_test]);
    }
  });

  it('codes categorical columns as sorted integer codes', () => {
    const data = loadDataset(referenceSource('attrition'));
    const j = data.featureNames.indexOf('BusinessTravel');
    expect(data.levels[j]).toEqual(['Non-Travel', 'Travel_Frequently', 'Travel_Rarely']);
    // The first data row travels rarely.
    expect(data.X.get(0, j)).toBe(2);
    const column = data.X.column(j);
    expect(column.every((v) => Number.isInteger(v) && v >= 0 && v < 3)).toBe(true);
    const boston = loadDataset(referenceSource('boston'));
    expect(boston.levels[boston.featureNames.indexOf('chas')]).toEqual(['0', '1']);
    expect(boston.levels[boston.featureNames.indexOf('town')]).toHaveLength(92);
  });

  it('reads empty cells as missing (NaN)', () => {
    const ozone = loadDataset(referenceSource('ozone'));
    const v9 = ozone.X.column(ozone.featureNames.indexOf('V9'));
    expect(v9.filter(Number.isNaN).length).toBe(137);
    const target = ozone.y as Float64Array;
    expect(target.some(Number.isNaN)).toBe(false);
  });

  it('knows the positive class of every binary set', () => {
    for (const name of REFERENCE_SETS) {
      const data = loadDataset(referenceSource(name));
      if (data.task === 'binary' && isLabels(data.y)) expect(data.y.levels).toContain(data.source.positive);
    }
  });
});

describe('generators', () => {
  it('the letter-sized set: 15 000 × 16, 26 classes, integers 0..15, deterministic by seed', () => {
    const a = generateLetter(7);
    const b = generateLetter(7);
    const c = generateLetter(8);
    expect(a.features).toHaveLength(16);
    expect(a.target).toHaveLength(15_000);
    expect(new Set(a.target).size).toBe(26);
    expect(a.features.every((f) => f.every((v) => Number.isInteger(v) && v >= 0 && v <= 15))).toBe(true);
    expect(b).toEqual(a);
    expect(c.target).not.toEqual(a.target);
  });

  it('the binary set: 20 features, both classes, a little missing, deterministic by seed', () => {
    const a = generateBinary(3, 5000);
    const b = generateBinary(3, 5000);
    expect(a.features).toHaveLength(20);
    expect(new Set(a.target)).toEqual(new Set(['0', '1']));
    const ones = a.target.filter((t) => t === '1').length;
    expect(ones / 5000).toBeGreaterThan(0.35);
    expect(ones / 5000).toBeLessThan(0.65);
    const missing = a.features.reduce((n, f) => n + f.filter(Number.isNaN).length, 0);
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(0.02 * 5000);
    expect(b).toEqual(a);
    expect(generateBinary(4, 5000).features[0]).not.toEqual(a.features[0]);
  });

  it('holds out 25% by seed', () => {
    const split = holdoutSplit(1000, 0.25, 11);
    expect(split).toHaveLength(250);
    expect(new Set(split).size).toBe(250);
    expect(split).toEqual([...split].sort((x, y) => x - y));
    expect(holdoutSplit(1000, 0.25, 11)).toEqual(split);
    expect(holdoutSplit(1000, 0.25, 12)).not.toEqual(split);
  });

  describe('written files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('round-trip through CSV and are written once', () => {
      const source = ensureGenerated('letter', dir);
      const firstWrite = readFileSync(source.csv);
      const data = loadDataset(source);
      expect([data.X.nRows, data.X.nCols, data.task]).toEqual([15_000, 16, 'multiclass']);
      expect(data.test.length).toBe(3750);
      const table = GENERATED_SETS.letter.make();
      expect(Array.from(data.X.column(3))).toEqual(Array.from(table.features[3]));
      expect(isLabels(data.y) && data.y.levels).toHaveLength(26);
      // A second call reuses the file.
      ensureGenerated('letter', dir);
      expect(readFileSync(source.csv).equals(firstWrite)).toBe(true);
    });
  });
});
