import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ColumnProfile } from '../api/types';
import { histogramSpec } from '../charts/histogram-spec';
import { topValuesSpec } from '../charts/top-values-spec';
import { VegaChart } from '../charts/vega-chart';
import { formatCount, formatNumber, formatPercent } from '../components/format';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </div>
  );
}

/** One column's profile: counts, summary statistics and its distribution as a chart. */
export function ProfileCard({ column, nRows }: { column: ColumnProfile; nRows: number }) {
  const spec = useMemo(() => {
    if (column.histogram && column.histogram.length > 0)
      return histogramSpec(column.histogram, { title: column.name });
    if (column.topValues && column.topValues.length > 0) return topValuesSpec(column.topValues);
    return null;
  }, [column]);

  const missingShare = nRows > 0 ? ` (${formatPercent(column.missing / nRows)})` : '';
  const q = column.quantiles;

  return (
    <Card withBorder radius="md" padding="md" data-testid="profile-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} truncate title={column.name}>
            {column.name}
          </Text>
          <Badge variant="light" tt="none">
            {column.type}
          </Badge>
        </Group>
        <SimpleGrid cols={4} spacing="xs" verticalSpacing={6}>
          <Stat label="Missing" value={`${formatCount(column.missing)}${missingShare}`} />
          <Stat label="Distinct" value={formatCount(column.distinct)} />
          {column.min !== undefined && <Stat label="Min" value={formatNumber(column.min)} />}
          {column.max !== undefined && <Stat label="Max" value={formatNumber(column.max)} />}
          {column.mean !== undefined && <Stat label="Mean" value={formatNumber(column.mean)} />}
          {column.std !== undefined && <Stat label="Std" value={formatNumber(column.std)} />}
        </SimpleGrid>
        {q && (
          <SimpleGrid cols={5} spacing="xs">
            <Stat label="5%" value={formatNumber(q.p05)} />
            <Stat label="25%" value={formatNumber(q.p25)} />
            <Stat label="Median" value={formatNumber(q.p50)} />
            <Stat label="75%" value={formatNumber(q.p75)} />
            <Stat label="95%" value={formatNumber(q.p95)} />
          </SimpleGrid>
        )}
        {spec ? (
          <VegaChart
            spec={spec}
            label={
              column.histogram ? `Histogram of ${column.name}` : `Most frequent values of ${column.name}`
            }
          />
        ) : (
          <Text size="sm" c="dimmed">
            No values to chart.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
