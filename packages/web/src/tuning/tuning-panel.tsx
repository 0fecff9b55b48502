import { Stack } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { DatasetSummary, ModelDetail, TuneRequest, Tuning } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { JobOutcome } from '../leaderboard/job-outcome';
import { useJob } from '../leaderboard/use-job';
import { JobProgress } from '../train/job-progress';
import { ModelResults } from '../train/model-results';
import { TuningForm } from './tuning-form';
import { TuningResults } from './tuning-results';

/** Runs a search as a job, lists its trials best first, and saves a chosen trial as a model version. */
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
  const saving = useJob<ModelDetail>((job, signal) =>
    api.get<ModelDetail>(`/api/models/${encodeURIComponent(job.result?.modelId ?? '')}`, { signal }),
  );
  const [savingTrial, setSavingTrial] = useState<number | null>(null);
  const tuning = run.result;
  const datasetName = datasets.find((d) => d.id === tuning?.datasetId)?.name ?? 'model';

  const saveTrial = async (trial: number, name: string) => {
    if (!tuning) return;
    setSavingTrial(trial);
    try {
      await saving.start(`/api/tunings/${encodeURIComponent(tuning.id)}/save`, { trial, name });
    } finally {
      setSavingTrial(null);
    }
  };

  return (
    <Stack gap="lg" data-testid="tuning-panel">
      <TuningForm
        datasets={datasets}
        initialDatasetId={initialDatasetId}
        busy={run.running}
        onSubmit={(request: TuneRequest) => {
          saving.reset();
          return run.start('/api/jobs/tune', request);
        }}
      />
      <ErrorAlert error={run.error} title="The search could not run" onClose={() => run.setError(null)} />
      {run.job && (
        <JobProgress job={run.job} onCancel={run.cancel} cancelling={run.cancelling} title="Searching" />
      )}
      <JobOutcome job={run.job} what="The search" />
      {tuning && (
        <TuningResults
          key={tuning.id}
          tuning={tuning}
          defaultName={`${datasetName}-${tuning.target}-${tuning.family}-tuned`}
          saving={savingTrial}
          onSave={saveTrial}
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
