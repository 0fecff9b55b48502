import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Metrics, Task } from '../api/types';
import { formatMetric, METRICS, metricsInOrder } from './metrics';

/** One stat card per metric, scored on the holdout rows. */
export function MetricCards({ task, metrics }: { task: Task; metrics: Metrics }) {
  const items = metricsInOrder(task, metrics);
  if (items.length === 0) return <Text c="dimmed">This model has no metrics.</Text>;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: items.length > 4 ? 5 : 4 }} spacing="md">
      {items.map(({ key, value }) => (
        <Paper key={key} withBorder radius="md" p="md" data-testid={`metric-${key}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {METRICS[key]?.label ?? key}
          </Text>
          <Text size="xl" fw={700} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }} data-value={value}>
            {formatMetric(value)}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {METRICS[key]?.hint ?? ''}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
