import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Tuning } from '../api/types';
import { meanStd } from '../leaderboard/leaderboard-table';
import { familyLabel, scorerLabel } from '../leaderboard/scorers';

const STOPPED: Record<Tuning['stoppedBy'], string> = {
  trials: 'the trial budget was used',
  minutes: 'the time budget ran out',
  exhausted: 'every grid setting was tried',
};

export function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(4)) : String(v)}`)
    .join(', ');
}

interface TuningResultsProps {
  tuning: Tuning;
  defaultName: string;
  /** The trial being saved, if any (its button spins, the others wait). */
  saving: number | null;
  onSave: (trial: number, name: string) => void;
}

/** The search results, best first; any trial that ran can be refit on all training rows and saved as a version. */
export function TuningResults({ tuning, defaultName, saving, onSave }: TuningResultsProps) {
  const [name, setName] = useState(defaultName);
  const trials = [...tuning.trials].sort((a, b) => a.rank - b.rank);
  return (
    <Paper withBorder radius="md" p="md" data-testid="tuning-results">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3}>Search results</Title>
            <Text size="sm" c="dimmed" maw={720}>
              {familyLabel(tuning.family)} · {tuning.search} search · {tuning.trials.length} trials,{' '}
              {tuning.cv.k} folds each, ranked by {scorerLabel(tuning.metric)} · stopped because{' '}
              <span data-testid="stopped-by">{STOPPED[tuning.stoppedBy]}</span>.
              {tuning.best ? ` Best: ${paramsText(tuning.best.params)}.` : ''}
            </Text>
          </div>
          <TextInput
            label="Save trials as"
            description={
              tuning.task === 'classification'
                ? 'Refit on all training rows at threshold 0.5; tune a threshold on a leaderboard'
                : 'Refit on all training rows, saved as the next version'
            }
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            w={340}
            data-testid="trial-name-input"
          />
        </Group>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="tuning-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">Rank</Table.Th>
                <Table.Th ta="right">Trial</Table.Th>
                <Table.Th>Parameters</Table.Th>
                <Table.Th>{scorerLabel(tuning.metric)} (CV)</Table.Th>
                <Table.Th ta="right">Fit time</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trials.map((trial) => (
                <Table.Tr
                  key={trial.trial}
                  data-testid="tuning-row"
                  data-rank={trial.rank}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  <Table.Td ta="right">
                    {trial.status === 'ok' ? trial.rank : <Badge color="red">failed</Badge>}
                  </Table.Td>
                  <Table.Td ta="right">{trial.trial + 1}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" data-testid="trial-params">
                      {paramsText(trial.params)}
                    </Text>
                    {trial.error && (
                      <Text size="xs" c="red">
                        {trial.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {meanStd(tuning.metric, { mean: trial.mean, std: trial.std, folds: trial.folds })}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {trial.fitSeconds.toFixed(1)} s
                  </Table.Td>
                  <Table.Td ta="right">
                    {trial.status === 'ok' && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => onSave(trial.trial, name.trim())}
                        loading={saving === trial.trial}
                        disabled={saving !== null || name.trim() === ''}
                        aria-label={`Save trial ${trial.trial + 1} as a version`}
                        data-testid="save-trial-button"
                      >
                        Save as version
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
