import { Button, Center, Loader, Stack } from '@mantine/core';
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
import { AnomalyForm } from './anomaly-form';
import { AnomalyResult } from './anomaly-result';
import type { AnomalyRun } from './types';

/** Anomalies: four detectors vote on every row; each flagged row says why, and a person can overrule. */
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
          datasets={datasets.data}
          initialDatasetId={initialDatasetId}
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
      {run.result && <AnomalyResult key={run.result.id} run={run.result} />}
    </Stack>
  );
}
