import { Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type {
  DatasetSummary,
  Leaderboard,
  LeaderboardRequest,
  LeaderboardRow,
  ModelDetail,
  SaveRequest,
  ThresholdTuning,
} from '../api/types';
import { spreadSpec } from '../charts/spread-spec';
import { VegaChart } from '../charts/vega-chart';
import { ErrorAlert } from '../components/error-alert';
import { formatCount } from '../components/format';
import { JobProgress } from '../train/job-progress';
import { ModelResults } from '../train/model-results';
import { JobOutcome } from './job-outcome';
import { LeaderboardForm } from './leaderboard-form';
import { LeaderboardTable } from './leaderboard-table';
import { SaveVersion } from './save-version';
import { familyLabel, scorerLabel, shownScore } from './scorers';
import { ThresholdPanel } from './threshold-panel';
import { useJob } from './use-job';

const CV_NAMES: Record<string, string> = {
  stratified: 'stratified k-fold',
  kfold: 'k-fold',
  group: 'grouped k-fold',
  time: 'time-ordered splits',
};

/** Compare families by cross-validation, then tune the chosen one's threshold and save it as a version. */
export function LeaderboardPanel({
  datasets,
  initialDatasetId,
}: {
  datasets: DatasetSummary[];
  initialDatasetId?: string;
}) {
  const board = useJob<Leaderboard>((job, signal) =>
    api.get<Leaderboard>(`/api/leaderboards/${encodeURIComponent(job.result?.leaderboardId ?? job.id)}`, {
      signal,
    }),
  );
  const saving = useJob<ModelDetail>((job, signal) =>
    api.get<ModelDetail>(`/api/models/${encodeURIComponent(job.result?.modelId ?? '')}`, { signal }),
  );
  const [selected, setSelected] = useState<LeaderboardRow | null>(null);
  const [tuning, setTuning] = useState<ThresholdTuning | null>(null);
  const leaderboard = board.result;

  const start = async (request: LeaderboardRequest) => {
    setSelected(null);
    setTuning(null);
    saving.reset();
    await board.start('/api/jobs/leaderboard', request);
  };

  const select = (row: LeaderboardRow) => {
    setSelected(row);
    setTuning(row.threshold);
  };

  const save = async (request: SaveRequest) => {
    if (!leaderboard) return;
    await saving.start(`/api/leaderboards/${encodeURIComponent(leaderboard.id)}/save`, request);
  };

  const spread = useMemo(() => {
    if (!leaderboard) return null;
    const metric = leaderboard.metric;
    const rows = leaderboard.rows
      .filter((r) => r.status === 'ok')
      .map((r) => {
        const stats = r.metrics[metric];
        return {
          label: familyLabel(r.family),
          folds: (stats?.folds ?? []).map((v) => shownScore(metric, v)),
          mean: shownScore(metric, stats?.mean),
        };
      });
    return spreadSpec(rows, { title: `${scorerLabel(metric)} per fold` });
  }, [leaderboard]);

  return (
    <Stack gap="lg">
      <LeaderboardForm
        datasets={datasets}
        initialDatasetId={initialDatasetId}
        busy={board.running}
        onSubmit={start}
      />
      <ErrorAlert
        error={board.error}
        title="The comparison could not run"
        onClose={() => board.setError(null)}
      />
      {board.job && (
        <JobProgress
          job={board.job}
          onCancel={board.cancel}
          cancelling={board.cancelling}
          title="Comparing families"
        />
      )}
      <JobOutcome job={board.job} what="The comparison" />
      {leaderboard && (
        <Paper withBorder radius="md" p="md" data-testid="leaderboard-results">
          <Stack gap="sm">
            <Title order={3}>Leaderboard</Title>
            <Text size="sm" c="dimmed">
              {leaderboard.datasetName} v{leaderboard.datasetVersion} · target “{leaderboard.target}” ·{' '}
              {leaderboard.task} · ranked by {scorerLabel(leaderboard.metric)} · {leaderboard.cv.k}{' '}
              {CV_NAMES[leaderboard.cv.strategy] ?? leaderboard.cv.strategy} on{' '}
              {formatCount(leaderboard.split.nTrain)} training rows, holdout of{' '}
              {formatCount(leaderboard.split.nTest)} · seed {leaderboard.seed}. Mean ± standard deviation over
              the folds; flags come from a corrected paired t-test over the folds (one-sided, α = 0.05).
            </Text>
            <LeaderboardTable
              leaderboard={leaderboard}
              selected={selected?.family ?? null}
              onSelect={select}
            />
            {spread && (
              <div data-testid="spread-chart">
                <Title order={5} mt="sm">
                  Spread over folds
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  A dot per fold, a bar at the mean: overlapping dots mean the ranking may not hold on new
                  data.
                </Text>
                <VegaChart spec={spread} label="Cross-validation score per fold, by model family" />
              </div>
            )}
          </Stack>
        </Paper>
      )}
      {leaderboard && selected && tuning && (
        <ThresholdPanel
          key={`threshold:${leaderboard.id}:${selected.family}`}
          leaderboardId={leaderboard.id}
          family={selected.family}
          tuning={tuning}
          onTuned={setTuning}
        />
      )}
      {leaderboard && selected && (
        <SaveVersion
          key={`save:${leaderboard.id}:${selected.family}`}
          leaderboard={leaderboard}
          family={selected.family}
          tuning={tuning}
          busy={saving.running}
          onSave={save}
        />
      )}
      <ErrorAlert error={saving.error} title="Could not save" onClose={() => saving.setError(null)} />
      {saving.job && (
        <JobProgress
          job={saving.job}
          onCancel={saving.cancel}
          cancelling={saving.cancelling}
          title="Saving"
        />
      )}
      <JobOutcome job={saving.job} what="Saving" />
      {saving.result && <ModelResults model={saving.result} />}
    </Stack>
  );
}
