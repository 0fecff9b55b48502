import { Paper, Table, Text, Title } from '@mantine/core';
import type { ModelDetail } from '../api/types';
import { formatCount } from '../components/format';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * The model's conformal intervals / prediction sets: for each level offered at prediction, the coverage
 * measured on the holdout (rows the calibration never saw) and how wide the intervals or how big the sets were.
 */
export function HoldoutCoverage({ model }: { model: ModelDetail }) {
  const u = model.uncertainty;
  if (!u) {
    return (
      <Text size="sm" c="dimmed" data-testid="holdout-coverage-none">
        This model has no calibrated intervals (it was saved before they existed, or refitted without
        cross-validation). Retrain it to get them.
      </Text>
    );
  }
  const sets = u.method === 'lac-cross-conformal';
  return (
    <Paper withBorder radius="md" p="md" data-testid="holdout-coverage">
      <Title order={4} mb={4}>
        {sets ? 'Prediction sets' : 'Prediction intervals'}: coverage on the holdout
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {sets
          ? 'Each prediction comes with the set of classes the model cannot rule out at the chosen level.'
          : 'Each prediction comes with an interval that widens where the model’s errors are larger.'}{' '}
        Calibrated out of fold on the training rows, then checked on {formatCount(u.nHoldout)} holdout rows.
      </Text>
      <Table verticalSpacing={4} maw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Level</Table.Th>
            <Table.Th>Measured coverage</Table.Th>
            <Table.Th>{sets ? 'Mean set size' : 'Mean width'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {u.levels.map((l) => (
            <Table.Tr key={l.level} data-testid="coverage-row">
              <Table.Td>{pct(l.level)}</Table.Td>
              <Table.Td>{pct(l.holdoutCoverage)}</Table.Td>
              <Table.Td>{l.meanSize.toPrecision(3)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
