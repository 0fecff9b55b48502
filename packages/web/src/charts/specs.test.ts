import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { confusionMatrixCells, confusionMatrixSpec } from './confusion-matrix-spec';
import { histogramSpec } from './histogram-spec';
import { topValuesSpec } from './top-values-spec';

// Specs are read back as plain JSON in these tests; the builders themselves are fully typed.
// biome-ignore lint/suspicious/noExplicitAny: see above
type LooseSpec = any;

/** Compiles with Vega-Lite and renders headless SVG with Vega: proves the spec is valid, not just well-typed. */
async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // 'container' width needs a DOM element; a fixed width exercises the same marks and scales.
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

describe('histogramSpec', () => {
  const bins = [
    { x0: 0, x1: 10, count: 3 },
    { x0: 10, x1: 20, count: 7 },
  ];

  it('draws one pre-binned bar per bin, x0 to x1, height = count', () => {
    const spec = histogramSpec(bins, { title: 'age' }) as LooseSpec;
    expect(spec.mark.type).toBe('bar');
    expect(spec.data.values).toEqual(bins);
    expect(spec.encoding.x).toMatchObject({ field: 'x0', bin: { binned: true }, title: 'age' });
    expect(spec.encoding.x2).toEqual({ field: 'x1' });
    expect(spec.encoding.y).toMatchObject({ field: 'count', type: 'quantitative' });
    expect(spec.width).toBe('container');
  });

  it('renders', async () => {
    const svg = await renderSvg(histogramSpec(bins));
    expect(svg).toContain('<svg');
  });
});

describe('topValuesSpec', () => {
  const values = [
    { value: 'setosa', count: 50 },
    { value: '<script>', count: 2 },
  ];

  it('draws horizontal bars sorted by count', () => {
    const spec = topValuesSpec(values) as LooseSpec;
    expect(spec.mark.type).toBe('bar');
    expect(spec.encoding.y).toMatchObject({ field: 'value', type: 'nominal' });
    expect(spec.encoding.y.sort).toEqual({ field: 'count', order: 'descending' });
    expect(spec.encoding.x).toMatchObject({ field: 'count', type: 'quantitative' });
    expect(spec.data.values).toEqual(values);
  });

  it('renders values as text, escaped', async () => {
    const svg = await renderSvg(topValuesSpec(values));
    expect(svg).toContain('setosa');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('confusionMatrixSpec', () => {
  const confusion = {
    labels: ['no', 'yes'],
    matrix: [
      [8, 2],
      [1, 9],
    ],
  };

  it('flattens rows as actual and columns as predicted, with row shares', () => {
    expect(confusionMatrixCells(confusion)).toEqual([
      { actual: 'no', predicted: 'no', count: 8, share: 0.8 },
      { actual: 'no', predicted: 'yes', count: 2, share: 0.2 },
      { actual: 'yes', predicted: 'no', count: 1, share: 0.1 },
      { actual: 'yes', predicted: 'yes', count: 9, share: 0.9 },
    ]);
  });

  it('gives a zero share for a class with no rows', () => {
    const cells = confusionMatrixCells({
      labels: ['a', 'b'],
      matrix: [
        [0, 0],
        [1, 1],
      ],
    });
    expect(cells[0]?.share).toBe(0);
  });

  it('layers rect and text marks with axes in label order', () => {
    const spec = confusionMatrixSpec(confusion) as LooseSpec;
    expect(spec.layer.map((layer: { mark: { type: string } }) => layer.mark.type)).toEqual(['rect', 'text']);
    expect(spec.encoding.y).toMatchObject({ field: 'actual', sort: ['no', 'yes'], title: 'Actual' });
    expect(spec.encoding.x).toMatchObject({ field: 'predicted', sort: ['no', 'yes'], title: 'Predicted' });
    expect(spec.layer[1].encoding.text.field).toBe('count');
  });

  it('renders every count', async () => {
    const svg = await renderSvg(confusionMatrixSpec(confusion));
    for (const n of ['8', '2', '1', '9']) expect(svg).toContain(`>${n}</text>`);
  });
});
