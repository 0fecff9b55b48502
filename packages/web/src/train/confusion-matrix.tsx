import { Paper, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { ConfusionMatrix as Matrix } from '../api/types';
import { confusionMatrixSpec } from '../charts/confusion-matrix-spec';
import { VegaChart } from '../charts/vega-chart';
import { formatCount } from '../components/format';

export function ConfusionMatrix({ confusion, nTest }: { confusion: Matrix; nTest: number }) {
  const spec = useMemo(() => confusionMatrixSpec(confusion), [confusion]);
  return (
    <Paper withBorder radius="md" p="md" data-testid="confusion-matrix">
      <Title order={4} mb={4}>
        Confusion matrix
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Rows are the actual classes, columns the predicted ones, over the {formatCount(nTest)} holdout rows.
        The diagonal holds the right answers.
      </Text>
      <VegaChart spec={spec} label="Confusion matrix: actual classes by predicted classes" />
    </Paper>
  );
}
