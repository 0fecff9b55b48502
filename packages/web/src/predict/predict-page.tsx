import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError, isAbortError } from '../api/errors';
import type {
  ModelDetail,
  ModelSummary,
  PredictionResult,
  SchemaIssue,
  ValidationResult,
} from '../api/types';
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
import { UncertaintyNote } from './uncertainty-note';

/** The issues a 422 SCHEMA_MISMATCH carries in `details.issues`. */
function issuesOf(error: unknown): SchemaIssue[] | null {
  if (!(error instanceof ApiError)) return null;
  const issues = error.details.issues;
  return Array.isArray(issues) ? (issues as SchemaIssue[]) : null;
}

/** '90' → '0.9': the level query parameter. */
const level90 = (percent: string) => String(Number(percent) / 100);

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
  const [validation, setValidation] = useState<ValidationResult | null>(null);
  const [pending, setPending] = useState<File | null>(null);
  const [stage, setStage] = useState<'idle' | 'checking' | 'predicting'>('idle');
  const [levelChoice, setLevelChoice] = useState('90');
  const controller = useRef<AbortController | null>(null);

  const chosen = models.data?.find((m) => m.id === modelId);

  /** Sends the file to a route with upload progress; null when cancelled or failed (the error is shown). */
  const send = async <T,>(file: File, path: string): Promise<T | null> => {
    const form = new FormData();
    form.append('file', file, file.name);
    controller.current = new AbortController();
    setFileName(file.name);
    setProgress(0);
    try {
      return await api.upload<T>(`/api/models/${encodeURIComponent(modelId ?? '')}/${path}`, form, {
        signal: controller.current.signal,
        onProgress: setProgress,
      });
    } catch (reason) {
      if (!isAbortError(reason)) setError(reason);
      return null;
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };

  const predict = async (file: File) => {
    const level = detail.data?.uncertainty ? `?level=${encodeURIComponent(level90(levelChoice))}` : '';
    setStage('predicting');
    const answer = await send<PredictionResult>(file, `predict${level}`);
    if (answer) setResult(answer);
    setStage('idle');
  };

  /**
   * Checks the file first (POST /validate) and shows the findings. With nothing serious it predicts at once;
   * with warnings it waits for "Predict anyway"; with errors it stops.
   */
  const check = async (file: File) => {
    if (!modelId) return;
    setError(null);
    setResult(null);
    setValidation(null);
    if (!isAcceptedFile(file.name)) {
      setError(new Error(rejectionMessage(file.name)));
      return;
    }
    setPending(file);
    setStage('checking');
    const found = await send<ValidationResult>(file, 'validate');
    setStage('idle');
    if (!found) return;
    setValidation(found);
    if (found.canPredict && !found.issues.some((i) => i.severity === 'warning')) await predict(file);
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
                setValidation(null);
              }}
              searchable
              nothingFoundMessage="No model with that name"
              maw={480}
              data-testid="predict-model-select"
            />
            <ErrorAlert error={detail.error} title="Could not load this model" />
            {detail.data && detail.data.id === modelId && <ExpectedColumns model={detail.data} />}
            {detail.data?.uncertainty && (
              <Group gap="sm">
                <Text size="sm">
                  {detail.data.task === 'regression' ? 'Prediction intervals' : 'Prediction sets'} at
                </Text>
                <SegmentedControl
                  size="xs"
                  value={levelChoice}
                  onChange={setLevelChoice}
                  data={detail.data.uncertainty.levels.map((l) => {
                    const pct = String(Math.round(l.level * 100));
                    return { value: pct, label: `${pct}%` };
                  })}
                  data-testid="predict-level"
                />
                <Text size="xs" c="dimmed">
                  coverage
                </Text>
              </Group>
            )}
            <FileDrop
              title={chosen ? `New data for “${chosen.name}”` : 'Pick a model first'}
              buttonLabel="Choose a file"
              inputTestId="predict-upload-input"
              disabled={!modelId}
              onFile={check}
              progress={progress}
              progressLabel={
                progress !== null && progress < 1
                  ? `Uploading ${fileName}… ${Math.round(progress * 100)}%`
                  : stage === 'checking'
                    ? `Checking ${fileName} against the model's schema…`
                    : `Predicting ${fileName}…`
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

      {validation && !result && (
        <Stack gap="sm" data-testid="validation-result">
          <SchemaIssues issues={validation.issues} />
          {validation.canPredict ? (
            <Group>
              <Button
                color="orange"
                loading={stage === 'predicting'}
                disabled={pending === null}
                onClick={() => pending && predict(pending)}
                data-testid="predict-anyway"
              >
                Predict anyway
              </Button>
              <Text size="sm" c="dimmed">
                The warnings above affect some rows; their predictions are less reliable.
              </Text>
            </Group>
          ) : (
            <Alert color="red" variant="light" data-testid="predict-blocked">
              Fix the errors above in the file and upload it again: the model cannot read it as it is.
            </Alert>
          )}
        </Stack>
      )}

      {result && (
        <Stack gap="md" data-testid="prediction-result">
          <SchemaIssues issues={result.issues} />
          {result.uncertainty && <UncertaintyNote uncertainty={result.uncertainty} />}
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
