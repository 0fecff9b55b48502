import { Button, Center, Loader, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { DatasetSummary } from '../api/types';
import { useRequest } from '../api/use-request';
import { EmptyHint } from '../components/empty-hint';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { JobOutcome } from '../leaderboard/job-outcome';
import { useJob } from '../leaderboard/use-job';
import { href } from '../routing/route';
import { JobProgress } from '../train/job-progress';
import { AnomalyForm, type AnomalyRequest } from './anomaly-form';
import { AnomalyHistory, defaultRun } from './anomaly-history';
import { AnomalyResult } from './anomaly-result';
import type { AnomalyRun, AnomalyRunSummary } from './types';

/**
 * Anomalies: four detectors vote on every row; each flagged row says why, and a person can overrule. Every run is
 * kept: the page opens the newest (or the one a person picks from the list), a finished run opens itself.
 */
export function AnomaliesPage({ initialDatasetId }: { initialDatasetId?: string }) {
  const datasets = useRequest('datasets', (signal) =>
    api.get<{ datasets: DatasetSummary[] }>('/api/datasets', { signal }).then((r) => r.datasets),
  );
  const run = useJob<AnomalyRun>((job, signal) =>
    api.get<AnomalyRun>(
      `/api/anomalies/${encodeURIComponent((job.result as { anomalyRunId?: string } | null)?.anomalyRunId ?? job.id)}`,
      { signal },
    ),
  );
  const [listed, setListed] = useState(0);
  const runs = useRequest(`anomaly-runs:${listed}`, (signal) =>
    api.get<{ runs: AnomalyRunSummary[] }>('/api/anomalies', { signal }).then((r) => r.runs),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const [preset, setPreset] = useState<{ n: number; request: Required<AnomalyRequest> } | null>(null);
  useEffect(() => {
    if (run.result === null) return;
    setPicked(run.result.id);
    setListed((n) => n + 1);
  }, [run.result]);
  const openId = picked ?? defaultRun(runs.data, initialDatasetId)?.id ?? null;
  // Read again on every open, so the marks made last time the run was open show.
  const shown = useRequest(openId, (signal) =>
    run.result?.id === openId
      ? Promise.resolve(run.result)
      : api.get<AnomalyRun>(`/api/anomalies/${encodeURIComponent(openId ?? '')}`, { signal }),
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title="Anomalies"
        description="An isolation forest, the local outlier factor, robust z-scores and a robust Mahalanobis distance each rank every row; a row scores as high as the detector that finds it most unusual, and is flagged above the cut. Each flagged row shows how many detectors agree and which values make it unusual."
      />
      <ErrorAlert error={datasets.error} title="Could not load the data sets" />
      {datasets.loading && !datasets.data && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {datasets.data && datasets.data.length === 0 && (
        <EmptyHint title="No data sets yet" description="Upload a table to look for unusual rows in it.">
          <Button component="a" href={href({ page: 'data' })}>
            Go to Data
          </Button>
        </EmptyHint>
      )}
      {datasets.data && datasets.data.length > 0 && (
        <AnomalyForm
          key={preset?.n ?? 0}
          datasets={datasets.data}
          initialDatasetId={initialDatasetId}
          preset={preset?.request}
          busy={run.running}
          onSubmit={(request) => run.start('/api/anomalies', request)}
        />
      )}
      <ErrorAlert
        error={run.error}
        title="The anomaly search could not run"
        onClose={() => run.setError(null)}
      />
      {run.job && (
        <JobProgress
          job={run.job}
          onCancel={run.cancel}
          cancelling={run.cancelling}
          title="Finding anomalies"
        />
      )}
      <JobOutcome job={run.job} what="The anomaly search" />
      <ErrorAlert error={runs.error} title="Could not list the earlier runs" />
      {runs.data && runs.data.length > 0 && (
        <AnomalyHistory
          runs={runs.data}
          openId={openId}
          onOpen={setPicked}
          onDeleted={(id) => {
            // Gone at once from the list; the open run, if it was this one, falls back to the newest.
            runs.setData((prev) => prev?.filter((r) => r.id !== id));
            setPicked((p) => (p === id ? null : p));
            runs.reload();
          }}
        />
      )}
      <ErrorAlert error={shown.error} title="Could not open the run" />
      {shown.loading && shown.data?.id !== openId && (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      )}
      {shown.data && shown.data.id === openId && (
        <AnomalyResult
          key={shown.data.id}
          run={shown.data}
          onMarked={runs.reload}
          onReuse={() => {
            const { datasetId, request } = shown.data as AnomalyRun;
            setPreset((p) => ({ n: (p?.n ?? 0) + 1, request: { datasetId, ...request } }));
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        />
      )}
    </Stack>
  );
}
