import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Correlations, TargetRelations } from '../api/types';
import { builderSpec, SCATTER_BIN_THRESHOLD, slotsFor, toRecords } from './builder-specs';
import { correlationCells, correlationSpec } from './correlation-spec';
import { defaultMeasure, featureStrengthSpec, featureStrengths } from './feature-strength-spec';

// biome-ignore lint/suspicious/noExplicitAny: specs are read back as plain JSON in these tests
type LooseSpec = any;

/** Compiles with Vega-Lite and renders headless SVG with Vega: proves the spec is valid, not just well-typed. */
async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const fixed = { ...spec, width: 300 } as TopLevelSpec;
  const warnings: unknown[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => warnings.push(args),
    warn: (...args: unknown[]) => warnings.push(args),
    info: () => logger,
    debug: () => logger,
  };
  // biome-ignore lint/suspicious/noExplicitAny: vega-lite's Logger interface is wider than this stub needs
  const { spec: vg } = compile(fixed, { logger: logger as any });
  const view = new View(parse(vg), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  expect(warnings).toEqual([]);
  return svg;
}

const correlations: Correlations = {
  rowsUsed: 100,
  numeric: ['a', 'b', 'c'],
  categorical: ['k', 'm'],
  numericPairs: [
    { a: 'a', b: 'b', n: 98, pearson: 0.5, spearman: 0.4 },
    { a: 'a', b: 'c', n: 100, pearson: -0.9, spearman: null },
    { a: 'b', b: 'c', n: 97, pearson: null, spearman: 0.1 },
  ],
  categoricalPairs: [{ a: 'k', b: 'm', n: 100, cramersV: 0.3 }],
  excluded: [],
};

describe('correlationCells', () => {
  it('fills the square: both orders of each pair and 1 on the diagonal', () => {
    const cells = correlationCells(correlations, 'pearson');
    expect(cells).toHaveLength(9);
    expect(cells.find((c) => c.a === 'c' && c.b === 'a')?.value).toBe(-0.9);
    expect(cells.find((c) => c.a === 'a' && c.b === 'c')?.value).toBe(-0.9);
    expect(cells.filter((c) => c.a === c.b).every((c) => c.value === 1)).toBe(true);
    expect(cells.find((c) => c.a === 'b' && c.b === 'c')?.value).toBeNull();
  });

  it("uses the categorical columns for Cramér's V and Spearman's own values", () => {
    expect(correlationCells(correlations, 'cramersV')).toHaveLength(4);
    expect(correlationCells(correlations, 'spearman').find((c) => c.a === 'b' && c.b === 'a')?.value).toBe(
      0.4,
    );
  });
});

describe('correlationSpec', () => {
  it('draws a diverging −1…1 heatmap in column order, with values written in small matrices', async () => {
    const spec = correlationSpec(correlationCells(correlations, 'pearson'), correlations.numeric, 'pearson');
    const loose = spec as LooseSpec;
    expect(loose.encoding.x.sort).toEqual(['a', 'b', 'c']);
    expect(loose.layer[0].encoding.color.scale.domain).toEqual([-1, 1]);
    expect(loose.layer).toHaveLength(2);
    const svg = await renderSvg(spec);
    expect(svg).toContain('>−0.90<');
    expect(svg).not.toContain('>null<');
  });

  it("uses 0…1 for Cramér's V and leaves the text out of big matrices", async () => {
    const columns = Array.from({ length: 14 }, (_, i) => `c${i}`);
    const spec = correlationSpec(
      columns.map((c) => ({ a: c, b: c, value: 1, n: 1 })),
      columns,
      'cramersV',
    ) as LooseSpec;
    expect(spec.layer).toHaveLength(1);
    expect(spec.layer[0].encoding.color.scale.domain).toEqual([0, 1]);
    await renderSvg(spec);
  });
});

const relations: TargetRelations = {
  target: 'y',
  task: 'classification',
  positiveClass: 'yes',
  rowsUsed: 50,
  features: [
    { name: 'low', type: 'numeric', n: 50, auc: 0.1, mutualInformation: 0.3, r2: null },
    { name: 'high', type: 'numeric', n: 50, auc: 0.8, mutualInformation: 0.2, r2: null },
    { name: 'cat', type: 'categorical', n: 50, auc: null, mutualInformation: 0.05, r2: null },
  ],
};

describe('featureStrengths', () => {
  it('folds AUC around chance and sorts strongest first, skipping features without the measure', () => {
    expect(featureStrengths(relations, 'auc')).toEqual([
      { name: 'low', value: 0.9 },
      { name: 'high', value: 0.8 },
    ]);
    expect(featureStrengths(relations, 'mutualInformation').map((f) => f.name)).toEqual([
      'low',
      'high',
      'cat',
    ]);
  });

  it('picks AUC for a binary target, R² for a regression one', () => {
    expect(defaultMeasure(relations)).toBe('auc');
    const regression = {
      ...relations,
      task: 'regression' as const,
      features: relations.features.map((f) => ({ ...f, auc: null, r2: 0.5 })),
    };
    expect(defaultMeasure(regression)).toBe('r2');
  });

  it('renders a bar per feature', async () => {
    const svg = await renderSvg(featureStrengthSpec(featureStrengths(relations, 'auc'), 'auc'));
    expect(svg).toContain('low');
    expect(svg).toContain('high');
  });
});

describe('builder specs', () => {
  const columns = ['when', 'x', 'y', 'group'];
  const rows = Array.from({ length: 30 }, (_, i) => [
    `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    i,
    i % 2 === 0 ? i * 2 : null,
    i % 3 === 0 ? 'a' : 'b',
  ]);
  const records = toRecords(columns, rows, columns);

  it('keeps only the columns used, keyed by name', () => {
    expect(toRecords(columns, [['d', 1, 2, 'a']], ['x', 'group', 'missing'])).toEqual([{ x: 1, group: 'a' }]);
  });

  it('says which columns each kind needs', () => {
    expect(slotsFor('histogram').y).toBeNull();
    expect(slotsFor('scatter').yRequired).toBe(true);
    expect(slotsFor('line').x).toMatch(/date/i);
  });

  it('builds a valid histogram, box, bar and line chart', async () => {
    const hist = builderSpec({ kind: 'histogram', x: 'x' }, records) as LooseSpec;
    expect(hist.encoding.x.bin).toEqual({ maxbins: 30 });
    await renderSvg(hist);
    const box = builderSpec({ kind: 'box', x: 'x', y: 'group' }, records) as LooseSpec;
    expect(box.mark.type).toBe('boxplot');
    expect(box.encoding.x.field).toBe('group');
    await renderSvg(box);
    const bar = builderSpec({ kind: 'bar', x: 'group' }, records) as LooseSpec;
    expect(bar.encoding.x.aggregate).toBe('count');
    await renderSvg(bar);
    const mean = builderSpec({ kind: 'bar', x: 'group', y: 'x' }, records) as LooseSpec;
    expect(mean.encoding.x).toMatchObject({ field: 'x', aggregate: 'mean' });
    const line = builderSpec({ kind: 'line', x: 'when', y: 'x' }, records) as LooseSpec;
    expect(line.encoding.x.type).toBe('temporal');
    await renderSvg(line);
  });

  it('draws points for small data and a binned density above the threshold', async () => {
    const small = builderSpec({ kind: 'scatter', x: 'x', y: 'y' }, records) as LooseSpec;
    expect(small.mark.type).toBe('point');
    await renderSvg(small);
    const many = Array.from({ length: SCATTER_BIN_THRESHOLD + 1 }, (_, i) => ({ x: i, y: (i * 7) % 13 }));
    const big = builderSpec({ kind: 'scatter', x: 'x', y: 'y' }, many) as LooseSpec;
    expect(big.mark.type).toBe('rect');
    expect(big.encoding.x.bin).toBeTruthy();
    expect(big.encoding.color.aggregate).toBe('count');
    await renderSvg(big);
  });
});
