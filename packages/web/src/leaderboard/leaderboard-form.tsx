import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type {
  CvSpec,
  DatasetSummary,
  Family,
  Imbalance,
  LeaderboardRequest,
  ScorerName,
  Task,
  TaskDetection,
} from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { CvFields, cvReady } from './cv-fields';
import { DatasetTarget } from './dataset-target';
import { ImbalanceFields } from './imbalance-fields';
import { FAMILY_LABELS, primaryChoices, scorerLabel } from './scorers';

const FAMILIES: Family[] = ['linear', 'tree', 'forest', 'extra_trees', 'gbdt', 'knn', 'nb'];
const DEFAULT_FAMILIES: Family[] = ['linear', 'tree', 'forest', 'gbdt', 'nb'];

interface LeaderboardFormProps {
  datasets: DatasetSummary[];
  initialDatasetId?: string;
  busy: boolean;
  onSubmit: (request: LeaderboardRequest) => Promise<void>;
}

/** What to compare and how: families, metric, cross-validation, seed, holdout and class imbalance. */
export function LeaderboardForm({ datasets, initialDatasetId, busy, onSubmit }: LeaderboardFormProps) {
  const [datasetId, setDatasetId] = useState<string | null>(
    datasets.some((d) => d.id === initialDatasetId) ? (initialDatasetId ?? null) : null,
  );
  const [target, setTarget] = useState<string | null>(null);
  const [families, setFamilies] = useState<Family[]>(DEFAULT_FAMILIES);
  const [metric, setMetric] = useState<ScorerName | null>(null);
  const [cv, setCv] = useState<CvSpec>({ strategy: 'stratified', k: 5 });
  const [seed, setSeed] = useState<number | string>(42);
  const [testSize, setTestSize] = useState<number | string>(0.25);
  const [imbalance, setImbalance] = useState<Imbalance>({ classWeight: null, resample: 'none' });
  const [submitting, setSubmitting] = useState(false);

  const dataset = datasets.find((d) => d.id === datasetId);
  const detection = useRequest(datasetId && target ? JSON.stringify([datasetId, target]) : null, (signal) =>
    api.get<TaskDetection>(
      `/api/datasets/${encodeURIComponent(datasetId ?? '')}/task?target=${encodeURIComponent(target ?? '')}`,
      { signal },
    ),
  );
  // The detected task is the default; the person confirms it or picks the other one (sent as `task`).
  // A choice holds for the data set and target it was made for only.
  const detectionKey = datasetId && target ? JSON.stringify([datasetId, target]) : null;
  const [taskChoice, setTaskChoice] = useState<{ key: string | null; task: Task } | null>(null);
  const task = (taskChoice?.key === detectionKey ? taskChoice.task : null) ?? detection.data?.task ?? null;
  const binary = (detection.data?.classes?.length ?? 0) === 2;
  const regression = task === 'regression';
  const metrics = task ? primaryChoices(task, binary) : [];

  useEffect(() => {
    setMetric(null);
    setCv((previous) =>
      regression && previous.strategy === 'stratified' ? { ...previous, strategy: 'kfold' } : previous,
    );
  }, [regression]);

  const seedValue = typeof seed === 'number' ? seed : Number.parseInt(seed, 10);
  const testValue = typeof testSize === 'number' ? testSize : Number.parseFloat(testSize);
  const seedError = !Number.isInteger(seedValue) || seedValue < 0 ? 'Pick a whole number, e.g. 42' : null;
  const testSizeError = !(testValue >= 0.05 && testValue <= 0.5) ? 'Between 0.05 and 0.5' : null;
  const usable = FAMILIES.filter((f) => !(regression && f === 'nb'));
  const chosen = families.filter((f) => usable.includes(f));
  const ready = Boolean(
    dataset && target && task && chosen.length > 0 && cvReady(cv) && !seedError && !testSizeError,
  );

  const submit = async () => {
    if (!dataset || !target || !ready) return;
    setSubmitting(true);
    try {
      await onSubmit({
        datasetId: dataset.id,
        target,
        ...(task ? { task } : {}),
        families: chosen,
        ...(metric ? { metric } : {}),
        cv,
        seed: seedValue,
        testSize: testValue,
        ...(regression ? {} : { imbalance }),
      });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="leaderboard-form">
      <Stack gap="md">
        <DatasetTarget
          datasets={datasets}
          datasetId={datasetId}
          target={target}
          onChange={(nextDataset, nextTarget) => {
            setDatasetId(nextDataset);
            setTarget(nextTarget);
          }}
          testIdPrefix="lb"
        />
        <ErrorAlert error={detection.error} title="Cannot use this target" />
        {detection.data && (
          <Group gap="sm" wrap="nowrap" align="center">
            <SegmentedControl
              size="xs"
              data={[
                { value: 'classification', label: 'Classification' },
                { value: 'regression', label: 'Regression' },
              ]}
              value={task ?? detection.data.task}
              onChange={(value) => setTaskChoice({ key: detectionKey, task: value as Task })}
              aria-label="Compare as"
              data-testid="lb-task-control"
            />
            <Text size="sm" c={task !== detection.data.task ? 'orange.8' : 'dimmed'} data-testid="lb-task">
              {task !== detection.data.task
                ? `You chose ${task}; Quarry detected ${detection.data.task}: ${detection.data.reason}`
                : `Detected ${detection.data.task}: ${detection.data.reason}`}
            </Text>
          </Group>
        )}
        <Checkbox.Group
          label="Model families"
          description="Each is cross-validated on the same folds; the dummy baseline is always added"
          value={chosen}
          onChange={(value) => setFamilies(value as Family[])}
        >
          <Group gap="md" mt="xs">
            <Checkbox value="dummy" label={FAMILY_LABELS.dummy} checked disabled readOnly />
            {usable.map((family) => (
              <Checkbox
                key={family}
                value={family}
                label={FAMILY_LABELS[family]}
                data-testid={`family-${family}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Rank by"
            placeholder={task ? `Default: ${scorerLabel(metrics[0] ?? '')}` : 'Pick a target first'}
            data={metrics.map((m) => ({ value: m, label: scorerLabel(m) }))}
            value={metric}
            onChange={(value) => setMetric(value as ScorerName | null)}
            disabled={!task}
            data-testid="metric-select"
          />
          <NumberInput
            label="Seed"
            description="Same seed, same folds, same leaderboard"
            value={seed}
            onChange={setSeed}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            error={seedError}
            data-testid="lb-seed-input"
          />
          <NumberInput
            label="Holdout fraction"
            description="Kept aside, scored once per family"
            value={testSize}
            onChange={setTestSize}
            min={0.05}
            max={0.5}
            step={0.05}
            decimalScale={2}
            error={testSizeError}
            data-testid="lb-holdout-input"
          />
        </SimpleGrid>
        <CvFields cv={cv} onChange={setCv} columns={dataset?.columns ?? []} regression={regression} />
        {!regression && <ImbalanceFields imbalance={imbalance} onChange={setImbalance} />}
        <Group justify="flex-end">
          <Button
            onClick={submit}
            disabled={!ready || busy}
            loading={submitting}
            data-testid="compare-button"
          >
            Compare families
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
