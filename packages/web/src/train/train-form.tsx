import {
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { DatasetSummary, ModelFamily, Task, TaskDetection, TrainRequest } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { datasetLabel } from '../components/format';

const FAMILIES: { value: ModelFamily; label: string }[] = [
  { value: 'auto', label: 'Auto — compare by cross-validation, ensemble the best' },
  { value: 'gbdt', label: 'Histogram gradient boosting' },
  { value: 'forest', label: 'Random forest' },
  { value: 'extra_trees', label: 'Extra trees' },
  { value: 'linear', label: 'Linear/logistic regression' },
  { value: 'tree', label: 'Decision tree' },
  { value: 'knn', label: 'k-nearest neighbours' },
  { value: 'nb', label: 'Naive Bayes (classification)' },
];

const TASKS: { value: Task; label: string }[] = [
  { value: 'classification', label: 'Classification' },
  { value: 'regression', label: 'Regression' },
];

interface TrainFormProps {
  datasets: DatasetSummary[];
  initialDatasetId?: string;
  /** True while a job runs: the form is kept but cannot start another. */
  busy: boolean;
  onSubmit: (request: TrainRequest) => Promise<void>;
}

export function TrainForm({ datasets, initialDatasetId, busy, onSubmit }: TrainFormProps) {
  const [datasetId, setDatasetId] = useState<string | null>(
    datasets.some((d) => d.id === initialDatasetId) ? (initialDatasetId ?? null) : null,
  );
  const [target, setTarget] = useState<string | null>(null);
  const [task, setTask] = useState<Task | null>(null);
  const [family, setFamily] = useState<ModelFamily>('auto');
  const [seed, setSeed] = useState<number | string>(42);
  const [testSize, setTestSize] = useState<number | string>(0.25);
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const dataset = datasets.find((d) => d.id === datasetId);
  const detection = useRequest(datasetId && target ? JSON.stringify([datasetId, target]) : null, (signal) =>
    api.get<TaskDetection>(
      `/api/datasets/${encodeURIComponent(datasetId ?? '')}/task?target=${encodeURIComponent(target ?? '')}`,
      { signal },
    ),
  );

  // The detected task is the default; the person confirms it or picks the other one.
  useEffect(() => {
    setTask(detection.data?.task ?? null);
  }, [detection.data]);

  useEffect(() => {
    if (!nameEdited) setName(dataset && target ? `${dataset.name}-${target}` : '');
  }, [dataset, target, nameEdited]);

  const seedValue = typeof seed === 'number' ? seed : Number.parseInt(seed, 10);
  const testValue = typeof testSize === 'number' ? testSize : Number.parseFloat(testSize);
  const testSizeError = !(testValue > 0 && testValue < 1)
    ? 'Pick a fraction between 0 and 1, e.g. 0.25'
    : null;
  const seedError = !Number.isInteger(seedValue) || seedValue < 0 ? 'Pick a whole number, e.g. 42' : null;
  const ready = Boolean(dataset && target && !detection.loading && !testSizeError && !seedError);

  const submit = async () => {
    if (!dataset || !target || !ready) return;
    setSubmitting(true);
    try {
      await onSubmit({
        datasetId: dataset.id,
        target,
        task: task ?? 'auto',
        model: family,
        seed: seedValue,
        testSize: testValue,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Data set"
            description="Added on the Data page"
            placeholder="Pick a data set"
            data={datasets.map((d) => ({ value: d.id, label: datasetLabel(d) }))}
            value={datasetId}
            onChange={(value) => {
              setDatasetId(value);
              setTarget(null);
            }}
            searchable
            nothingFoundMessage="No data set with that name"
            data-testid="dataset-select"
          />
          <Select
            label="Target column"
            description="The column the model learns to predict"
            placeholder={dataset ? 'Pick a column' : 'Pick a data set first'}
            data={(dataset?.columns ?? []).map((c) => ({ value: c.name, label: c.name }))}
            value={target}
            onChange={setTarget}
            disabled={!dataset}
            searchable
            nothingFoundMessage="No column with that name"
            data-testid="target-select"
          />
        </SimpleGrid>

        {detection.loading && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Looking at the target column…
            </Text>
          </Group>
        )}
        <ErrorAlert error={detection.error} title="Cannot use this target" />
        {detection.data && (
          <Alert
            variant="light"
            color="blue"
            title={`Detected task: ${detection.data.task}`}
            data-testid="task-detection"
          >
            <Stack gap="xs">
              <Text size="sm">{detection.data.reason}</Text>
              {detection.data.classes && (
                <Text size="sm" c="dimmed">
                  Classes ({detection.data.classes.length}): {detection.data.classes.slice(0, 12).join(', ')}
                  {detection.data.classes.length > 12 ? ', …' : ''}
                </Text>
              )}
              <Group gap="sm">
                <Text size="sm" fw={500}>
                  Train as
                </Text>
                <SegmentedControl
                  data={TASKS}
                  value={task ?? detection.data.task}
                  onChange={(value) => setTask(value as Task)}
                  size="xs"
                  data-testid="task-control"
                />
              </Group>
              {task && task !== detection.data.task && (
                <Text size="sm" c="orange.8">
                  You chose {task} although Quarry detected {detection.data.task}.
                </Text>
              )}
            </Stack>
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Model family"
            description="Auto compares the families and keeps the best"
            data={FAMILIES}
            value={family}
            onChange={(value) => value && setFamily(value as ModelFamily)}
            allowDeselect={false}
            data-testid="family-select"
          />
          <TextInput
            label="Model name"
            description="Versions are kept under one name"
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameEdited(true);
            }}
            data-testid="model-name-input"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Seed"
            description="Same seed, same model"
            value={seed}
            onChange={setSeed}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            error={seedError}
            data-testid="seed-input"
          />
          <NumberInput
            label="Holdout fraction"
            description="Rows kept aside for scoring"
            value={testSize}
            onChange={setTestSize}
            min={0.05}
            max={0.9}
            step={0.05}
            decimalScale={2}
            allowNegative={false}
            error={testSizeError}
            data-testid="holdout-input"
          />
        </SimpleGrid>

        <Group justify="flex-end">
          <Button onClick={submit} disabled={!ready || busy} loading={submitting} data-testid="train-button">
            Train
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
