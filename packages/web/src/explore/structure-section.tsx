import { Button, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { ColumnInfo } from '../api/types';
import {
  elbowSpec,
  type ProjectionColour,
  projectionSpec,
  type StructureResult,
  screeSpec,
  silhouetteSpec,
} from '../charts/structure-specs';
import { VegaChart } from '../charts/vega-chart';
import { ErrorAlert } from '../components/error-alert';
import { formatCount } from '../components/format';

/** The server samples at most this many rows (with a fixed seed), see docs/api.md. */
const MAX_ROWS = 20_000;

interface Props {
  datasetId: string;
  columns: ColumnInfo[];
  nRows: number;
  target: string | null;
}

/**
 * Explore → Structure: PCA (scree chart and the rows on the first two components) and k-means (elbow and
 * silhouette), computed on the server on demand because it takes seconds on large data sets. Every k from 1 to
 * 10 comes back at once, so choosing k only recolours the projection.
 */
export function StructureSection({ datasetId, columns, nRows, target }: Props) {
  const numeric = columns.filter((c) => c.type === 'numeric' && c.name !== target).map((c) => c.name);
  const [picked, setPicked] = useState<string[]>([]);
  const [state, setState] = useState<{ key: string; result?: StructureResult; error?: unknown } | null>(null);
  const [running, setRunning] = useState(false);
  const [chosenK, setChosenK] = useState<number | null>(null);
  const [colourBy, setColourBy] = useState<'target' | 'cluster'>('target');
  const key = `${datasetId}:${target ?? ''}:${picked.join('\u0000')}`;
  const current = state?.key === key ? state : null;
  const result = current?.result;

  const run = async () => {
    setRunning(true);
    setChosenK(null);
    try {
      const body = { ...(picked.length > 0 ? { columns: picked } : {}), ...(target ? { target } : {}) };
      const data = await api.post<StructureResult>(
        `/api/datasets/${encodeURIComponent(datasetId)}/structure`,
        body,
      );
      setState({ key, result: data });
    } catch (error) {
      setState({ key, error });
    } finally {
      setRunning(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="structure-section">
      <Text size="sm" c="dimmed">
        Principal components and k-means clusters of the numeric columns. Columns are standardised and missing
        values imputed by the column median;{' '}
        {nRows > MAX_ROWS
          ? `this data set is sampled to ${formatCount(MAX_ROWS)} of its ${formatCount(nRows)} rows with a fixed seed, so the picture is the same every time.`
          : `all ${formatCount(nRows)} rows are used (larger data sets are sampled to ${formatCount(MAX_ROWS)} rows with a fixed seed).`}
      </Text>
      <Group align="flex-end">
        <MultiSelect
          label="Columns"
          placeholder={picked.length === 0 ? `All ${numeric.length} numeric columns` : undefined}
          data={numeric}
          value={picked}
          onChange={setPicked}
          searchable
          clearable
          w={420}
          data-testid="structure-columns"
        />
        <Button onClick={run} loading={running} disabled={numeric.length < 2} data-testid="structure-run">
          {result ? 'Run again' : 'Run PCA and k-means'}
        </Button>
      </Group>
      {numeric.length < 2 && (
        <Text size="sm" c="dimmed">
          Structure needs at least two numeric columns besides the target.
        </Text>
      )}
      {Boolean(current?.error) && (
        <ErrorAlert error={current?.error} title="Could not compute the structure" />
      )}
      {result && (
        <StructureCharts
          result={result}
          k={chosenK ?? result.kmeans.bestK}
          onK={setChosenK}
          colourBy={result.colourBy ? colourBy : 'cluster'}
          onColourBy={setColourBy}
        />
      )}
    </Stack>
  );
}

function StructureCharts({
  result,
  k,
  onK,
  colourBy,
  onColourBy,
}: {
  result: StructureResult;
  k: number;
  onK: (k: number) => void;
  colourBy: 'target' | 'cluster';
  onColourBy: (value: 'target' | 'cluster') => void;
}) {
  const { pca, kmeans, points } = result;
  const colour: ProjectionColour = useMemo(
    () =>
      colourBy === 'target' && result.colourBy && points.colour
        ? {
            title: result.colourBy.name,
            kind: result.colourBy.task === 'regression' ? 'quantitative' : 'nominal',
            values: points.colour,
          }
        : {
            title: 'Cluster',
            kind: 'nominal',
            values: (points.clusterByK[k - 1] ?? points.cluster).map((c) => `Cluster ${c + 1}`),
          },
    [colourBy, result, points, k],
  );
  const scree = useMemo(() => screeSpec(pca.explainedVarianceRatio), [pca]);
  const projection = useMemo(
    () => projectionSpec(points.pc1, points.pc2, pca.explainedVarianceRatio, colour),
    [points, pca, colour],
  );
  const elbow = useMemo(() => elbowSpec(kmeans.elbow, k), [kmeans, k]);
  const silhouette = useMemo(() => silhouetteSpec(kmeans.silhouette, k), [kmeans, k]);
  const sizes = kmeans.sizesByK[k - 1] ?? [];
  const topLoadings = (component: number) =>
    pca.loadings
      .filter((l) => l.component === component)
      .slice(0, 4)
      .map((l) => `${l.feature} (${l.weight >= 0 ? '+' : '−'}${Math.abs(l.weight).toFixed(2)})`)
      .join(', ');
  const sampled = result.sampledRows < result.nRows;

  return (
    <Stack gap="sm" data-testid="structure-results">
      <Text size="xs" c="dimmed">
        {formatCount(result.sampledRows)} rows
        {sampled ? ` sampled from ${formatCount(result.nRows)} (seed ${result.seed})` : ''} ·{' '}
        {result.columns.length} columns
        {result.excluded.length > 0 &&
          ` · left out: ${result.excluded.map((e) => `${e.name} (${e.reason})`).join(', ')}`}
        {result.imputed.length > 0 &&
          ` · imputed by the median: ${result.imputed.map((i) => `${i.name} (${formatCount(i.missing)})`).join(', ')}`}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Text fw={500} size="sm">
            Explained variance (scree)
          </Text>
          <VegaChart
            spec={scree}
            label="Explained variance by principal component"
            data-testid="structure-scree"
          />
          <Text size="xs" c="dimmed">
            Heaviest weights · PC1: {topLoadings(1)}
          </Text>
          {pca.explainedVarianceRatio.length > 1 && (
            <Text size="xs" c="dimmed">
              PC2: {topLoadings(2)}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Group justify="space-between">
            <Text fw={500} size="sm">
              Rows on the first two components
            </Text>
            {result.colourBy && (
              <SegmentedControl
                size="xs"
                value={colourBy}
                onChange={(value) => onColourBy(value as 'target' | 'cluster')}
                data={[
                  { value: 'target', label: result.colourBy.name },
                  { value: 'cluster', label: `Clusters (k = ${k})` },
                ]}
                data-testid="structure-colour"
              />
            )}
          </Group>
          <VegaChart
            spec={projection}
            label="Rows projected on the first two principal components"
            data-testid="structure-projection"
          />
          {points.pc1.length < result.sampledRows && (
            <Text size="xs" c="dimmed">
              Showing {formatCount(points.pc1.length)} of {formatCount(result.sampledRows)} rows.
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Text fw={500} size="sm">
            k-means elbow
          </Text>
          <VegaChart spec={elbow} label="k-means inertia for each k" data-testid="structure-elbow" />
        </Stack>
        <Stack gap={4}>
          <Group justify="space-between">
            <Text fw={500} size="sm">
              Silhouette ({formatCount(kmeans.silhouetteRows)} rows)
            </Text>
            <Select
              size="xs"
              w={170}
              aria-label="Number of clusters"
              value={String(k)}
              onChange={(value) => value && onK(Number(value))}
              data={kmeans.elbow
                .filter((p) => p.k >= 2)
                .map((p) => ({
                  value: String(p.k),
                  label: p.k === kmeans.bestK ? `k = ${p.k} (best silhouette)` : `k = ${p.k}`,
                }))}
              allowDeselect={false}
              data-testid="structure-k"
            />
          </Group>
          <VegaChart
            spec={silhouette}
            label="Mean silhouette for each k"
            data-testid="structure-silhouette"
          />
          <Text size="xs" c="dimmed">
            Cluster sizes for k = {k}: {sizes.map((s) => formatCount(s)).join(' · ')}
          </Text>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
