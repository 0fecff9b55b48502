import { Badge, Button, Group, Paper, SimpleGrid, Slider, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { VegaChart } from '../charts/vega-chart';
import { ErrorAlert } from '../components/error-alert';
import { formatDate } from '../components/format';
import { scoreHistogramSpec } from './score-histogram-spec';
import { type AnomalyReason, type AnomalyRow, type AnomalyRun, DETECTOR_LABELS } from './types';

const SHOWN = 200;

/** One reason in words: the value, how far it is from typical, and how much of "why" it explains. */
function reasonText(r: AnomalyReason): string {
  const value =
    r.value === null ? 'missing' : typeof r.value === 'number' ? r.value.toLocaleString() : `'${r.value}'`;
  const side = r.robustZ >= 0 ? 'above' : 'below';
  return `${r.feature} = ${value} (${Math.abs(r.robustZ).toFixed(1)} robust SD ${side} typical, ${Math.round(100 * r.contribution)}% of why)`;
}

/** A run's result: the score distribution with a movable cut, then each flagged row with its reasons. */
export function AnomalyResult({
  run,
  onMarked,
  onReuse,
}: {
  run: AnomalyRun;
  onMarked?: () => void;
  /** Puts this run's data set, columns, share and seed into the form. */
  onReuse?: () => void;
}) {
  const maxPercent = Math.max(0.5, Math.min(20, Math.floor((200 * run.rows.length) / run.nAnalysed) / 2));
  // Until the slider moves, the cut is the ensemble's own (the run's contamination): the same rows the job counted.
  const [moved, setMoved] = useState<number | null>(null);
  const percent = moved ?? Math.min(maxPercent, run.request.contamination * 100);
  const [labels, setLabels] = useState(run.labels);
  const [error, setError] = useState<unknown>(null);
  const cut = moved === null ? run.threshold : run.quantiles[Math.round(200 - 2 * moved)];
  const flagged = run.rows.filter((r) => r.score > cut);
  const spec = useMemo(() => scoreHistogramSpec(run.histogram, cut), [run.histogram, cut]);

  const mark = async (row: AnomalyRow, label: 'normal' | 'anomalous' | null) => {
    setError(null);
    try {
      const answer = await api.put<{ labels: AnomalyRun['labels'] }>(`/api/anomalies/${run.id}/labels`, {
        row: row.row,
        label,
      });
      setLabels(answer.labels);
      onMarked?.();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Stack gap="lg" data-testid="anomaly-result">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" mb={4}>
          <Title order={3} size="h4">
            {flagged.length.toLocaleString()} of {run.nAnalysed.toLocaleString()} rows flagged
          </Title>
          {onReuse && (
            <Button size="compact-sm" variant="default" onClick={onReuse} data-testid="anomaly-reuse">
              Use these settings
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Run of {formatDate(run.createdAt)} on {run.datasetName}: expecting{' '}
          {+(run.request.contamination * 100).toFixed(2)}% anomalies, seed {run.request.seed}.{' '}
          {run.nAnalysed < run.nRows
            ? `A seeded sample of ${run.nAnalysed.toLocaleString()} of ${run.nRows.toLocaleString()} rows was analysed. `
            : ''}
          Looked at{' '}
          {run.features.map((f) => (f.encoding === 'rarity' ? `${f.name} (rarity)` : f.name)).join(', ')}.
          {run.excluded.length > 0 &&
            ` Left out: ${run.excluded.map((e) => `${e.name} (${e.reason})`).join('; ')}.`}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 4 }} mt="sm">
          {run.detectors.map((d) => (
            <Text key={d.name} size="sm">
              <b>{DETECTOR_LABELS[d.name] ?? d.name}</b> flags {d.flagged.toLocaleString()} rows alone
            </Text>
          ))}
        </SimpleGrid>
        <VegaChart
          spec={spec}
          label="Distribution of anomaly scores with the cut"
          data-testid="anomaly-histogram"
        />
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={500}>
            Flag about the top {percent}% of rows (score above {cut.toFixed(3)})
          </Text>
          <Slider
            value={percent}
            onChange={setMoved}
            min={0.5}
            max={maxPercent}
            step={0.5}
            label={(v) => `${v}%`}
            data-testid="anomaly-threshold"
            mb="sm"
          />
        </Stack>
      </Paper>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Table withTableBorder striped aria-label="Flagged rows" data-testid="anomaly-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th>Detectors agreeing</Table.Th>
            <Table.Th>Why it stands out</Table.Th>
            <Table.Th>Your call</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {flagged.slice(0, SHOWN).map((r) => {
            const label = labels[String(r.row)];
            return (
              <Table.Tr key={r.row} data-row={r.row}>
                <Table.Td>{r.row + 1}</Table.Td>
                <Table.Td>{r.score.toFixed(3)}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={r.flaggedBy.length >= 3 ? 'red' : r.flaggedBy.length === 2 ? 'orange' : 'gray'}
                    title={r.flaggedBy.map((d) => DETECTOR_LABELS[d] ?? d).join(', ')}
                  >
                    {r.flaggedBy.length} of 4
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} data-testid="anomaly-reasons">
                    {r.reasons.map((reason) => (
                      <Text key={reason.feature} size="xs">
                        {reasonText(reason)}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant={label === 'anomalous' ? 'filled' : 'light'}
                      color="red"
                      onClick={() => mark(r, label === 'anomalous' ? null : 'anomalous')}
                    >
                      Anomalous
                    </Button>
                    <Button
                      size="compact-xs"
                      variant={label === 'normal' ? 'filled' : 'light'}
                      color="teal"
                      onClick={() => mark(r, label === 'normal' ? null : 'normal')}
                    >
                      Normal
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {flagged.length > SHOWN && (
        <Text size="sm" c="dimmed">
          Showing the {SHOWN} highest-scoring of {flagged.length} flagged rows.
        </Text>
      )}
    </Stack>
  );
}
