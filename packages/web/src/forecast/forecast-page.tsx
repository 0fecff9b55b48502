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
import { ForecastForm } from './forecast-form';
import { ForecastResult } from './forecast-result';
import type { ForecastRun } from './types';

/** Forecasting: backtest models on every series, pick the best, forecast with intervals. */
export function ForecastPage({ initialDatasetId }: { initialDatasetId?: string }) {
  const datasets = useRequest('datasets', (signal) =>
    api.get<{ datasets: DatasetSummary[] }>('/api/datasets', { signal }).then((r) => r.datasets),
  );
  const run = useJob<ForecastRun>((job, signal) =>
    api.get<ForecastRun>(
      `/api/forecasts/${encodeURIComponent((job.result as { forecastId?: string } | null)?.forecastId ?? job.id)}`,
      {
        signal,
      },
    ),
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title="Forecast"
        description="Long-format data: one row per series and time. Every model is backtested on the same rolling-origin folds of each series' history; auto keeps the best (or the median of the top three), refits it on all the data and forecasts with 80% and 95% intervals."
      />
      <ErrorAlert error={datasets.error} title="Could not load the data sets" />
      {datasets.loading && !datasets.data && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {datasets.data && datasets.data.length === 0 && (
        <EmptyHint
          title="No data sets to forecast"
          description="Upload a CSV with a time column and a value column."
        >
          <Button component="a" href={href({ page: 'data' })}>
            Go to Data
          </Button>
        </EmptyHint>
      )}
      {datasets.data && datasets.data.length > 0 && (
        <ForecastForm
          datasets={datasets.data}
          initialDatasetId={initialDatasetId}
          busy={run.running}
          onSubmit={(request) => run.start('/api/forecasts', request)}
        />
      )}
      <ErrorAlert error={run.error} title="The forecast could not run" onClose={() => run.setError(null)} />
      {run.job && (
        <JobProgress job={run.job} onCancel={run.cancel} cancelling={run.cancelling} title="Forecasting" />
      )}
      <JobOutcome job={run.job} what="The forecast" />
      {run.result && <ForecastResult key={run.result.id} run={run.result} />}
    </Stack>
  );
}
