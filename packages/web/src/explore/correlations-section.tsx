import { Center, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Correlations } from '../api/types';
import { useRequest } from '../api/use-request';
import { type CorrelationMethod, correlationCells, correlationSpec } from '../charts/correlation-spec';
import { VegaChart } from '../charts/vega-chart';
import { ErrorAlert } from '../components/error-alert';
import { formatCount } from '../components/format';

export function CorrelationsSection({ datasetId, target }: { datasetId: string; target: string | null }) {
  const query = target ? `?target=${encodeURIComponent(target)}` : '';
  const correlations = useRequest(`${datasetId}:${target ?? ''}`, (signal) =>
    api.get<Correlations>(`/api/datasets/${encodeURIComponent(datasetId)}/correlations${query}`, { signal }),
  );
  const [method, setMethod] = useState<CorrelationMethod>('pearson');
  const data = correlations.data;
  const columns = data ? (method === 'cramersV' ? data.categorical : data.numeric) : [];
  const spec = useMemo(
    () => (data ? correlationSpec(correlationCells(data, method), columns, method) : null),
    [data, method, columns],
  );

  if (correlations.error)
    return <ErrorAlert error={correlations.error} title="Could not compute correlations" />;
  if (!data || !spec) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        w="fit-content"
        value={method}
        onChange={(value) => setMethod(value as CorrelationMethod)}
        data={[
          { value: 'pearson', label: 'Pearson' },
          { value: 'spearman', label: 'Spearman' },
          { value: 'cramersV', label: "Cramér's V (categories)" },
        ]}
      />
      {columns.length < 2 ? (
        <Text size="sm" c="dimmed">
          Fewer than two {method === 'cramersV' ? 'categorical' : 'numeric'} columns: nothing to correlate.
        </Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <VegaChart
            spec={spec}
            label={`Correlation heatmap (${method})`}
            data-testid="correlation-heatmap"
          />
        </div>
      )}
      <Text size="xs" c="dimmed">
        Computed on {formatCount(data.rowsUsed)} rows.
        {data.excluded.length > 0 &&
          ` Left out: ${data.excluded.map((e) => `${e.name} (${e.reason})`).join('; ')}.`}
      </Text>
    </Stack>
  );
}
