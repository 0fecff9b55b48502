import { Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { api } from '../api/client';
import type { ModelComparison, ModelDetail } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { formatDate } from '../components/format';
import { familyLabel } from '../leaderboard/scorers';
import { formatMetric, METRICS } from '../train/metrics';
import { ModelCharts } from '../train/model-charts';
import { differenceColor, lineageDifferences } from './lineage-text';

/** A lineage value as text: numbers and strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatMetric(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function Heading({ model, side }: { model: ModelDetail; side: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {side}
      </Text>
      <Title order={4}>
        {model.name} v{model.version}
      </Title>
      <Text size="sm" c="dimmed">
        {familyLabel(model.family)} · {model.stage ?? 'draft'} · {formatDate(model.createdAt)}
        {model.threshold ? ` · threshold ${model.threshold.value.toFixed(2)}` : ''}
        {model.calibration ? ` · ${model.calibration} calibration` : ''}
        {model.lineage?.imbalance?.classWeight ? ' · balanced class weights' : ''}
      </Text>
    </div>
  );
}

/** Two versions side by side: holdout metrics with the difference, the lineage fields that differ, the charts. */
export function CompareView({ a, b, onClose }: { a: string; b: string; onClose: () => void }) {
  const comparison = useRequest(`compare:${a}:${b}`, (signal) =>
    api.get<ModelComparison>(`/api/models/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`, {
      signal,
    }),
  );
  const data = comparison.data;
  const differences = data ? lineageDifferences(data.differences) : [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="compare-view">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3}>Compare versions</Title>
          <Button variant="default" size="compact-sm" onClick={onClose}>
            Close
          </Button>
        </Group>
        <ErrorAlert error={comparison.error} title="Could not compare" />
        {comparison.loading && (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        )}
        {data && (
          <>
            <SimpleGrid cols={2}>
              <Heading model={data.a} side="A" />
              <Heading model={data.b} side="B" />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              B − A in green where B is better, in red where it is worse (for log loss and Brier score lower
              is better).
            </Text>
            <Table
              verticalSpacing={4}
              data-testid="compare-metrics"
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Holdout metric</Table.Th>
                  <Table.Th ta="right">A</Table.Th>
                  <Table.Th ta="right">B</Table.Th>
                  <Table.Th ta="right">B − A</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.metrics.map((m) => (
                  <Table.Tr key={m.name} data-testid="compare-metric-row">
                    <Table.Td>{METRICS[m.name as keyof typeof METRICS]?.label ?? m.name}</Table.Td>
                    <Table.Td ta="right">{m.a === null ? '—' : formatMetric(m.a)}</Table.Td>
                    <Table.Td ta="right">{m.b === null ? '—' : formatMetric(m.b)}</Table.Td>
                    <Table.Td ta="right" c={differenceColor(m.name, m.difference)}>
                      {m.difference === null
                        ? '—'
                        : `${m.difference > 0 ? '+' : ''}${formatMetric(m.difference)}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <div>
              <Title order={5} mb={4}>
                What differs in the lineage
              </Title>
              {differences.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nothing: same data, pipeline, parameters, seed and split.
                </Text>
              ) : (
                <Table verticalSpacing={4} data-testid="compare-differences">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Field</Table.Th>
                      <Table.Th>A</Table.Th>
                      <Table.Th>B</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {differences.map((d) => (
                      <Table.Tr key={d.field}>
                        <Table.Td>
                          <Text size="xs" ff="monospace">
                            {d.field}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" style={{ wordBreak: 'break-all' }}>
                            {valueText(d.a)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" style={{ wordBreak: 'break-all' }}>
                            {valueText(d.b)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </div>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <ModelCharts modelId={data.a.id} columns={1} />
              <ModelCharts modelId={data.b.id} columns={1} />
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Paper>
  );
}
