import { Center, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { TargetRelations } from '../api/types';
import { useRequest } from '../api/use-request';
import {
  defaultMeasure,
  featureStrengthSpec,
  featureStrengths,
  type StrengthMeasure,
} from '../charts/feature-strength-spec';
import { VegaChart } from '../charts/vega-chart';
import { ErrorAlert } from '../components/error-alert';
import { formatCount } from '../components/format';

export function TargetSection({ datasetId, target }: { datasetId: string; target: string }) {
  const relations = useRequest(`${datasetId}:${target}`, (signal) =>
    api.get<TargetRelations>(
      `/api/datasets/${encodeURIComponent(datasetId)}/target-relations?target=${encodeURIComponent(target)}`,
      { signal },
    ),
  );
  const [chosen, setChosen] = useState<StrengthMeasure | null>(null);
  const data = relations.data;
  const measure = chosen ?? (data ? defaultMeasure(data) : 'mutualInformation');
  const spec = useMemo(
    () => (data ? featureStrengthSpec(featureStrengths(data, measure), measure) : null),
    [data, measure],
  );

  if (relations.error)
    return <ErrorAlert error={relations.error} title="Could not relate features to the target" />;
  if (!data || !spec) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  const options = [
    ...(data.task === 'classification' && data.features.some((f) => f.auc !== null)
      ? [{ value: 'auc', label: 'AUC' }]
      : []),
    ...(data.task === 'regression' ? [{ value: 'r2', label: 'R²' }] : []),
    { value: 'mutualInformation', label: 'Mutual information' },
  ];
  return (
    <Stack gap="xs">
      {options.length > 1 && (
        <SegmentedControl
          size="xs"
          w="fit-content"
          value={measure}
          onChange={(value) => setChosen(value as StrengthMeasure)}
          data={options}
        />
      )}
      {data.features.length === 0 ? (
        <Text size="sm" c="dimmed">
          No feature to relate to the target.
        </Text>
      ) : (
        <VegaChart
          spec={spec}
          label={`How each feature relates to ${target}`}
          data-testid="target-relations"
        />
      )}
      <Text size="xs" c="dimmed">
        {data.task === 'classification' ? 'Classification' : 'Regression'} target
        {data.positiveClass !== null && `, positive class “${data.positiveClass}”`} ·{' '}
        {formatCount(data.rowsUsed)} rows.{' '}
        {measure === 'auc' && 'An AUC of 0.5 is chance; the bars show max(AUC, 1 − AUC).'}
      </Text>
    </Stack>
  );
}
