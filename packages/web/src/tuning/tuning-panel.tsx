import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { api } from '../api/client';
import type { DatasetSummary, TuneRequest, Tuning } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { JobOutcome } from '../leaderboard/job-outcome';
import { meanStd } from '../leaderboard/leaderboard-table';
import { familyLabel, scorerLabel } from '../leaderboard/scorers';
import { useJob } from '../leaderboard/use-job';
import { JobProgress } from '../train/job-progress';
import { TuningForm } from './tuning-form';

const STOPPED: Record<Tuning['stoppedBy'], string> = {
  trials: 'the trial budget was used',
  minutes: 'the time budget ran out',
  exhausted: 'every grid point was tried',
};

function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(4)) : String(v)}`)
    .join(', ');
}

/** Runs a search as a job and lists its trials, best first. */
export function TuningPanel({
  datasets,
  initialDatasetId,
}: {
  datasets: DatasetSummary[];
  initialDatasetId?: string;
}) {
  const run = useJob<Tuning>((job, signal) =>
    api.get<Tuning>(`/api/tunings/${encodeURIComponent(job.result?.tuningId ?? job.id)}`, { signal }),
  );
  const tuning = run.result;
  const trials = tuning ? [...tuning.trials].sort((a, b) => a.rank - b.rank) : [];
  return (
    <Stack gap="lg">
      <TuningForm
        datasets={datasets}
        initialDatasetId={initialDatasetId}
        busy={run.running}
        onSubmit={(request: TuneRequest) => run.start('/api/jobs/tune', request)}
      />
      <ErrorAlert error={run.error} title="The search could not run" onClose={() => run.setError(null)} />
      {run.job && (
        <JobProgress job={run.job} onCancel={run.cancel} cancelling={run.cancelling} title="Searching" />
      )}
      <JobOutcome job={run.job} what="The search" />
      {tuning && (
        <Paper withBorder radius="md" p="md" data-testid="tuning-results">
          <Stack gap="sm">
            <Title order={3}>Search results</Title>
            <Text size="sm" c="dimmed">
              {familyLabel(tuning.family)} · {tuning.search} search · {tuning.trials.length} trials,{' '}
              {tuning.cv.k} folds each, ranked by {scorerLabel(tuning.metric)} · stopped because{' '}
              {STOPPED[tuning.stoppedBy]}.{tuning.best ? ` Best: ${paramsText(tuning.best.params)}.` : ''}
            </Text>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" data-testid="tuning-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th ta="right">Rank</Table.Th>
                    <Table.Th ta="right">Trial</Table.Th>
                    <Table.Th>Parameters</Table.Th>
                    <Table.Th>{scorerLabel(tuning.metric)} (CV)</Table.Th>
                    <Table.Th ta="right">Fit time</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {trials.map((trial) => (
                    <Table.Tr
                      key={trial.trial}
                      data-testid="tuning-row"
                      style={{ fontVariantNumeric: 'tabular-nums' }}
                    >
                      <Table.Td ta="right">
                        {trial.status === 'ok' ? trial.rank : <Badge color="red">failed</Badge>}
                      </Table.Td>
                      <Table.Td ta="right">{trial.trial + 1}</Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
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
                      <Table.Td ta="right">{trial.fitSeconds.toFixed(1)} s</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
