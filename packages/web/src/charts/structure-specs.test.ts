import { describe, expect, it } from 'vitest';
import { renderSvg } from './render-svg';
import { elbowSpec, projectionSpec, SCREE_COMPONENTS, screeSpec, silhouetteSpec } from './structure-specs';

// biome-ignore lint/suspicious/noExplicitAny: specs are read back as plain JSON in these tests
type LooseSpec = any;

describe('structure charts', () => {
  it('scree: one bar per component (at most 20) and a cumulative line that ends at the total', async () => {
    const ratios = Array.from({ length: 30 }, (_, k) => 2 ** -(k + 1));
    const spec = screeSpec(ratios) as LooseSpec;
    expect(spec.data.values).toHaveLength(SCREE_COMPONENTS);
    const last = spec.data.values[SCREE_COMPONENTS - 1];
    expect(last.cumulative).toBeCloseTo(1 - 2 ** -SCREE_COMPONENTS, 12);
    const { svg, warnings } = await renderSvg(spec);
    expect(warnings).toEqual([]);
    expect(svg.match(/role-mark="true"|<path/g)?.length ?? 0).toBeGreaterThan(0);
    expect(svg).toContain('>20<');
    expect(svg).not.toContain('>21<');
  });

  it('projection: nominal clusters and a quantitative target both render; missing colours are named', async () => {
    const pc1 = [0, 1, 2, 3];
    const pc2 = [1, 0, -1, 2];
    const byCluster = projectionSpec(pc1, pc2, [0.6, 0.3], {
      title: 'Cluster',
      kind: 'nominal',
      values: ['Cluster 1', 'Cluster 2', 'Cluster 1', null],
    }) as LooseSpec;
    expect(byCluster.data.values[3].colour).toBe('missing');
    expect(byCluster.encoding.x.title).toBe('PC1 (60.0 %)');
    const a = await renderSvg(byCluster);
    expect(a.warnings).toEqual([]);
    expect(a.svg).toContain('Cluster 2');
    const byTarget = projectionSpec(pc1, pc2, [0.6, 0.3], {
      title: 'price',
      kind: 'quantitative',
      values: [1, 2, 3, 4],
    });
    expect((await renderSvg(byTarget)).warnings).toEqual([]);
  });

  it('elbow and silhouette mark the chosen k and skip k with no silhouette', async () => {
    const elbow = elbowSpec(
      [1, 2, 3, 4].map((k) => ({ k, inertia: 100 / k })),
      3,
    ) as LooseSpec;
    expect(elbow.layer[1].data.values).toEqual([{ k: 3 }]);
    expect((await renderSvg(elbow)).warnings).toEqual([]);
    const silhouette = silhouetteSpec(
      [
        { k: 2, score: 0.5 },
        { k: 3, score: 0.7 },
        { k: 4, score: null },
      ],
      3,
    ) as LooseSpec;
    expect(silhouette.data.values.map((v: { k: string; chosen: boolean }) => [v.k, v.chosen])).toEqual([
      ['2', false],
      ['3', true],
    ]);
    expect((await renderSvg(silhouette)).warnings).toEqual([]);
  });
});
