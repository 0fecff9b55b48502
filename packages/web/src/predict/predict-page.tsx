import { Button, Center, Loader, Paper, Select, Stack, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError, isAbortError } from '../api/errors';
import type { ModelDetail, ModelSummary, PredictionResult, SchemaIssue } from '../api/types';
import { useRequest } from '../api/use-request';
import { isAcceptedFile, rejectionMessage } from '../components/accepted-files';
import { EmptyHint } from '../components/empty-hint';
import { ErrorAlert } from '../components/error-alert';
import { FileDrop } from '../components/file-drop';
import { PageHeader } from '../components/page-header';
import { href } from '../routing/route';
import { DownloadPredictions } from './download-predictions';
import { ExpectedColumns } from './expected-columns';
import { PredictionsTable } from './predictions-table';
import { SchemaIssues } from './schema-issues';

/** The issues a 422 SCHEMA_MISMATCH carries in `details.issues`. */
function issuesOf(error: unknown): SchemaIssue[] | null {
  if (!(error instanceof ApiError)) return null;
  const issues = error.details.issues;
  return Array.isArray(issues) ? (issues as SchemaIssue[]) : null;
}

export function PredictPage({ initialModelId }: { initialModelId?: string }) {
  const models = useRequest('models', (signal) =>
    api.get<{ models: ModelSummary[] }>('/api/models', { signal }).then((r) => r.models),
  );
  const [modelId, setModelId] = useState<string | null>(initialModelId ?? null);
  const detail = useRequest(modelId, (signal) =>
    api.get<ModelDetail>(`/api/models/${encodeURIComponent(modelId ?? '')}`, { signal }),
  );
  const [progress, setProgress] = useState<number | null>(null);
  const [fileName, setFileName] = useState('');
  const [result, setResult] = useState<PredictionResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const chosen = models.data?.find((m) => m.id === modelId);

  const predict = async (file: File) => {
    if (!modelId) return;
    setError(null);
    setResult(null);
    if (!isAcceptedFile(file.name)) {
      setError(new Error(rejectionMessage(file.name)));
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    controller.current = new AbortController();
    setFileName(file.name);
    setProgress(0);
    try {
      const answer = await api.upload<PredictionResult>(
        `/api/models/${encodeURIComponent(modelId)}/predict`,
        form,
        {
          signal: controller.current.signal,
          onProgress: setProgress,
        },
      );
      setResult(answer);
    } catch (reason) {
      if (!isAbortError(reason)) setError(reason);
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };

  const rejectedIssues = issuesOf(error);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Predict"
        description="Score new rows with a trained model. The file is checked against the columns the model was trained on."
      />
      <ErrorAlert error={models.error} title="Could not load the models" />
      {models.loading && !models.data && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {models.data && models.data.length === 0 && (
        <EmptyHint
          title="No models yet"
          description="Train a model first, then come back to score new data with it."
        >
          <Button component="a" href={href({ page: 'train' })}>
            Go to Train
          </Button>
        </EmptyHint>
      )}
      {models.data && models.data.length > 0 && (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Select
              label="Model"
              placeholder="Pick a model"
              data={models.data.map((m) => ({ value: m.id, label: `${m.name} v${m.version} (${m.task})` }))}
              value={modelId}
              onChange={(value) => {
                setModelId(value);
                setResult(null);
                setError(null);
              }}
              searchable
              nothingFoundMessage="No model with that name"
              maw={480}
              data-testid="predict-model-select"
            />
            <ErrorAlert error={detail.error} title="Could not load this model" />
            {detail.data && detail.data.id === modelId && <ExpectedColumns model={detail.data} />}
            <FileDrop
              title={chosen ? `New data for “${chosen.name}”` : 'Pick a model first'}
              buttonLabel="Choose a file"
              inputTestId="predict-upload-input"
              disabled={!modelId}
              onFile={predict}
              progress={progress}
              progressLabel={
                progress !== null && progress < 1
                  ? `Uploading ${fileName}… ${Math.round(progress * 100)}%`
                  : `Checking ${fileName} and predicting…`
              }
              onCancel={() => controller.current?.abort()}
            />
          </Stack>
        </Paper>
      )}

      <ErrorAlert
        error={error}
        title={rejectedIssues ? 'The file does not fit this model' : 'Could not predict'}
        onClose={() => setError(null)}
      />
      {rejectedIssues && <SchemaIssues issues={rejectedIssues} />}

      {result && (
        <Stack gap="md" data-testid="prediction-result">
          <SchemaIssues issues={result.issues} />
          <Title order={3} size="h4">
            Predictions
          </Title>
          <DownloadPredictions predictionId={result.predictionId} modelName={chosen?.name ?? 'model'} />
          <PredictionsTable result={result} />
        </Stack>
      )}
    </Stack>
  );
}
