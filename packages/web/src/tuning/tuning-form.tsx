import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { CvSpec, DatasetSummary, Family, SpaceParam, TaskDetection, TuneRequest } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { CvFields, cvReady } from '../leaderboard/cv-fields';
import { DatasetTarget } from '../leaderboard/dataset-target';
import { FAMILY_LABELS } from '../leaderboard/scorers';
import { buildSpace, defaultEdit, gridSize, type SpaceEdit } from './space-edit';
import { SpaceTable } from './space-table';

type Spaces = Record<
  Family,
  { classification: Record<string, SpaceParam> | null; regression: Record<string, SpaceParam> | null }
>;

const TUNABLE: Family[] = ['linear', 'tree', 'forest', 'extra_trees', 'gbdt', 'knn', 'nb'];

interface TuningFormProps {
  datasets: DatasetSummary[];
  initialDatasetId?: string;
  busy: boolean;
  onSubmit: (request: TuneRequest) => Promise<void>;
}

/** Grid or random search over a family's documented ranges, within a budget of trials or minutes. */
export function TuningForm({ datasets, initialDatasetId, busy, onSubmit }: TuningFormProps) {
  const [datasetId, setDatasetId] = useState<string | null>(
    datasets.some((d) => d.id === initialDatasetId) ? (initialDatasetId ?? null) : null,
  );
  const [target, setTarget] = useState<string | null>(null);
  const [family, setFamily] = useState<Family>('gbdt');
  const [search, setSearch] = useState<'grid' | 'random'>('random');
  const [budgetKind, setBudgetKind] = useState<'trials' | 'minutes'>('trials');
  const [trials, setTrials] = useState<number | string>(20);
  const [minutes, setMinutes] = useState<number | string>(2);
  const [cv, setCv] = useState<CvSpec>({ strategy: 'stratified', k: 5 });
  const [submitting, setSubmitting] = useState(false);
  // Edits per family and task, so switching family and back keeps what was typed.
  const [edits, setEdits] = useState<Record<string, SpaceEdit>>({});

  const dataset = datasets.find((d) => d.id === datasetId);
  const spaces = useRequest('tuning-spaces', (signal) =>
    api.get<{ spaces: Spaces }>('/api/tuning/spaces', { signal }).then((r) => r.spaces),
  );
  const detection = useRequest(datasetId && target ? JSON.stringify([datasetId, target]) : null, (signal) =>
    api.get<TaskDetection>(
      `/api/datasets/${encodeURIComponent(datasetId ?? '')}/task?target=${encodeURIComponent(target ?? '')}`,
      { signal },
    ),
  );
  const task = detection.data?.task ?? null;
  const space = task ? spaces.data?.[family]?.[task] : null;
  // Stratified folds need classes: a regression target falls back to plain k-fold.
  const folds: CvSpec =
    task === 'regression' && cv.strategy === 'stratified' ? { ...cv, strategy: 'kfold' } : cv;
  const trialValue = Number(trials);
  const minuteValue = Number(minutes);
  const budgetOk =
    budgetKind === 'trials'
      ? Number.isInteger(trialValue) && trialValue >= 1 && trialValue <= 200
      : minuteValue >= 0.1 && minuteValue <= 120;
  const editKey = `${family}:${task}`;
  const edit = space ? (edits[editKey] ?? defaultEdit(space)) : {};
  const built = space ? buildSpace(space, edit, search) : { space: null, errors: {} };
  const settings = built.space && search === 'grid' ? gridSize(built.space) : null;
  const ready = Boolean(dataset && target && task && built.space && budgetOk && cvReady(folds));

  const submit = async () => {
    if (!dataset || !target || !ready || !built.space) return;
    setSubmitting(true);
    try {
      await onSubmit({
        datasetId: dataset.id,
        target,
        family,
        search,
        space: built.space,
        budget: budgetKind === 'trials' ? { trials: trialValue } : { minutes: minuteValue },
        cv: folds,
      });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="tuning-form">
      <Stack gap="md">
        <DatasetTarget
          datasets={datasets}
          datasetId={datasetId}
          target={target}
          onChange={(nextDataset, nextTarget) => {
            setDatasetId(nextDataset);
            setTarget(nextTarget);
          }}
          testIdPrefix="tune"
        />
        <ErrorAlert error={detection.error ?? spaces.error} title="Cannot tune on this" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Model family"
            data={TUNABLE.filter((f) => !(task === 'regression' && f === 'nb')).map((f) => ({
              value: f,
              label: FAMILY_LABELS[f],
            }))}
            value={family}
            onChange={(value) => value && setFamily(value as Family)}
            allowDeselect={false}
            data-testid="tune-family-select"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Search
            </Text>
            <SegmentedControl
              data={[
                { value: 'random', label: 'Random' },
                { value: 'grid', label: 'Grid' },
              ]}
              value={search}
              onChange={(v) => setSearch(v as 'grid' | 'random')}
              data-testid="tune-search"
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Budget
            </Text>
            <Group gap="xs" wrap="nowrap">
              <SegmentedControl
                data={[
                  { value: 'trials', label: 'Trials' },
                  { value: 'minutes', label: 'Minutes' },
                ]}
                value={budgetKind}
                onChange={(v) => setBudgetKind(v as 'trials' | 'minutes')}
              />
              {budgetKind === 'trials' ? (
                <NumberInput
                  value={trials}
                  onChange={setTrials}
                  min={1}
                  max={200}
                  allowDecimal={false}
                  w={90}
                  aria-label="Trials"
                  data-testid="tune-trials"
                />
              ) : (
                <NumberInput
                  value={minutes}
                  onChange={setMinutes}
                  min={0.1}
                  max={120}
                  step={0.5}
                  decimalScale={1}
                  w={90}
                  aria-label="Minutes"
                  data-testid="tune-minutes"
                />
              )}
            </Group>
          </Stack>
        </SimpleGrid>
        <CvFields
          cv={cv}
          onChange={setCv}
          columns={dataset?.columns ?? []}
          regression={task === 'regression'}
        />
        {space && (
          <SpaceTable
            space={space}
            edit={edit}
            search={search}
            errors={built.errors}
            onChange={(name, next) => setEdits((all) => ({ ...all, [editKey]: { ...edit, [name]: next } }))}
          />
        )}
        <Group justify="space-between">
          <Text size="sm" c={built.errors[''] ? 'red' : 'dimmed'} data-testid="space-summary">
            {built.errors['']
              ? built.errors['']
              : Object.keys(built.errors).length > 0
                ? 'Fix the marked values: each must stay within the allowed range.'
                : settings !== null
                  ? `The grid has ${settings} setting${settings === 1 ? '' : 's'}${budgetKind === 'trials' && trialValue < settings ? `; the budget tries the first ${trialValue}` : ''}.`
                  : 'Random search draws each trial from these ranges (seeded).'}
          </Text>
          <Button onClick={submit} disabled={!ready || busy} loading={submitting} data-testid="tune-button">
            Start search
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
