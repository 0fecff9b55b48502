import { Alert, Button, Center, Loader, Stack, Tabs } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError, isAbortError } from '../api/errors';
import { isFinal, watchJob } from '../api/job-events';
import type { DatasetSummary, Job, ModelDetail, TrainRequest } from '../api/types';
import { useRequest } from '../api/use-request';
import { EmptyHint } from '../components/empty-hint';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { LeaderboardPanel } from '../leaderboard/leaderboard-panel';
import { href } from '../routing/route';
import { TuningPanel } from '../tuning/tuning-panel';
import { JobProgress } from './job-progress';
import { ModelResults } from './model-results';
import { TrainForm } from './train-form';

// The last job started in this tab, so leaving the page and coming back shows it again.
const JOB_KEY = 'quarry.train.job';

function remember(id: string | null): void {
  try {
    if (id) sessionStorage.setItem(JOB_KEY, id);
    else sessionStorage.removeItem(JOB_KEY);
  } catch {
    // Storage can be unavailable (private mode); the page then simply forgets the job.
  }
}

function remembered(): string | null {
  try {
    return sessionStorage.getItem(JOB_KEY);
  } catch {
    return null;
  }
}

export function TrainPage({ initialDatasetId }: { initialDatasetId?: string }) {
  const datasets = useRequest('datasets', (signal) =>
    api.get<{ datasets: DatasetSummary[] }>('/api/datasets', { signal }).then((r) => r.datasets),
  );
  const [job, setJob] = useState<Job | null>(null);
  const [model, setModel] = useState<ModelDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const watcher = useRef<AbortController | null>(null);

  const follow = useCallback(async (initial: Job) => {
    watcher.current?.abort();
    const controller = new AbortController();
    watcher.current = controller;
    setJob(initial);
    setModel(null);
    try {
      const final = isFinal(initial)
        ? initial
        : await watchJob(api, initial.id, { onUpdate: setJob, signal: controller.signal });
      setJob(final);
      const modelId = final.result?.modelId;
      if (final.status === 'succeeded' && modelId) {
        const detail = await api.get<ModelDetail>(`/api/models/${encodeURIComponent(modelId)}`, {
          signal: controller.signal,
        });
        setModel(detail);
      }
    } catch (reason) {
      if (!isAbortError(reason)) setError(reason);
    }
  }, []);

  useEffect(() => () => watcher.current?.abort(), []);

  useEffect(() => {
    const id = remembered();
    if (!id) return;
    const controller = new AbortController();
    api
      .get<Job>(`/api/jobs/${encodeURIComponent(id)}`, { signal: controller.signal })
      .then(follow, (reason) => {
        if (reason instanceof ApiError && reason.statusCode === 404) remember(null);
      });
    return () => controller.abort();
  }, [follow]);

  const start = async (request: TrainRequest) => {
    setError(null);
    setModel(null);
    try {
      const created = await api.post<Job>('/api/jobs/train', request);
      remember(created.id);
      void follow(created);
    } catch (reason) {
      setError(reason);
    }
  };

  const cancel = async () => {
    if (!job) return;
    setCancelling(true);
    try {
      setJob(await api.post<Job>(`/api/jobs/${encodeURIComponent(job.id)}/cancel`, {}));
    } catch (reason) {
      setError(reason);
    } finally {
      setCancelling(false);
    }
  };

  const running = job !== null && !isFinal(job);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Train"
        description="Pick a data set and the column to predict. Quarry keeps a holdout aside and scores the model on it."
      />
      <ErrorAlert error={datasets.error} title="Could not load the data sets" />
      {datasets.loading && !datasets.data && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {datasets.data && datasets.data.length === 0 && (
        <EmptyHint
          title="No data sets to train on"
          description="Upload a CSV, Excel, JSON or Parquet file to start."
        >
          <Button component="a" href={href({ page: 'data' })}>
            Go to Data
          </Button>
        </EmptyHint>
      )}
      {datasets.data && datasets.data.length > 0 && (
        <Tabs defaultValue="single" keepMounted>
          <Tabs.List mb="md">
            <Tabs.Tab value="single" data-testid="tab-single">
              One model
            </Tabs.Tab>
            <Tabs.Tab value="compare" data-testid="tab-compare">
              Compare families
            </Tabs.Tab>
            <Tabs.Tab value="tune" data-testid="tab-tune">
              Tune
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="single">
            <Stack gap="lg">
              <TrainForm
                datasets={datasets.data}
                initialDatasetId={initialDatasetId}
                busy={running}
                onSubmit={start}
              />
              <ErrorAlert error={error} title="Training could not run" onClose={() => setError(null)} />
              {job && <JobProgress job={job} onCancel={cancel} cancelling={cancelling} />}
              {job?.status === 'failed' && (
                <Alert
                  color="red"
                  variant="light"
                  title="Training failed"
                  role="alert"
                  data-testid="job-error"
                >
                  {job.error?.message ??
                    'The job failed without a message. Try again, or check the server log.'}
                </Alert>
              )}
              {job?.status === 'cancelled' && (
                <Alert color="gray" variant="light" title="Training cancelled">
                  The job was stopped; no model was saved. Change the settings or train again.
                </Alert>
              )}
              {job?.status === 'interrupted' && (
                <Alert color="orange" variant="light" title="Training interrupted">
                  {job.error?.message ??
                    'The server stopped while this job ran (for example a restart). Train again.'}
                </Alert>
              )}
              {model && <ModelResults model={model} />}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="compare">
            <LeaderboardPanel datasets={datasets.data} initialDatasetId={initialDatasetId} />
          </Tabs.Panel>
          <Tabs.Panel value="tune">
            <TuningPanel datasets={datasets.data} initialDatasetId={initialDatasetId} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
