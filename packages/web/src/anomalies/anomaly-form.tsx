import { Button, Group, MultiSelect, NumberInput, Paper, Select, Slider, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { DatasetSummary } from '../api/types';
import { datasetLabel } from '../components/format';

/** Column types the detectors read (the server refuses the others with a reason). */
const USABLE = new Set(['numeric', 'categorical', 'boolean']);

export interface AnomalyRequest {
  datasetId: string;
  columns?: string[];
  contamination: number;
  seed: number;
}

/**
 * Which data set, which columns, how many anomalies to expect. `preset` (an earlier run's request) fills it in, so
 * a run opened from the list can be run again with a change; the page remounts the form to apply one.
 */
export function AnomalyForm({
  datasets,
  initialDatasetId,
  preset,
  busy,
  onSubmit,
}: {
  datasets: DatasetSummary[];
  initialDatasetId?: string;
  preset?: Required<AnomalyRequest>;
  busy: boolean;
  onSubmit: (request: AnomalyRequest) => void;
}) {
  const [datasetId, setDatasetId] = useState<string>(
    datasets.find((d) => d.id === (preset?.datasetId ?? initialDatasetId))?.id ?? datasets[0].id,
  );
  const dataset = datasets.find((d) => d.id === datasetId) ?? datasets[0];
  const usable = useMemo(() => dataset.columns.filter((c) => USABLE.has(c.type)), [dataset]);
  const [columns, setColumns] = useState<string[] | null>(() =>
    preset?.datasetId === dataset.id
      ? preset.columns.filter((name) => usable.some((c) => c.name === name))
      : null,
  );
  const chosen = columns ?? usable.map((c) => c.name);
  const [percent, setPercent] = useState(preset ? Math.round(preset.contamination * 200) / 2 : 5);
  const [seed, setSeed] = useState(preset?.seed ?? 42);

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label="Data set"
            data={datasets.map((d) => ({
              value: d.id,
              label: `${datasetLabel(d)} · ${d.nRows.toLocaleString()} rows`,
            }))}
            value={datasetId}
            onChange={(v) => {
              if (v === null) return;
              setDatasetId(v);
              setColumns(null);
            }}
            allowDeselect={false}
            data-testid="anomaly-dataset"
          />
          <NumberInput
            label="Seed"
            value={seed}
            min={0}
            onChange={(v) => typeof v === 'number' && setSeed(v)}
          />
        </Group>
        <MultiSelect
          label="Columns to look at"
          description="Numeric, categorical and yes/no columns. A category counts by how rare it is."
          data={dataset.columns.map((c) => ({
            value: c.name,
            label: `${c.name} · ${c.type}`,
            disabled: !USABLE.has(c.type),
          }))}
          value={chosen}
          onChange={setColumns}
          searchable
          data-testid="anomaly-columns"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Expected share of anomalies: {percent}%
          </Text>
          <Text size="xs" c="dimmed">
            Each detector flags this share of rows; you can move the cut afterwards without running again.
          </Text>
          <Slider
            value={percent}
            onChange={setPercent}
            min={0.5}
            max={20}
            step={0.5}
            label={(v) => `${v}%`}
            marks={[
              { value: 1, label: '1%' },
              { value: 5, label: '5%' },
              { value: 10, label: '10%' },
              { value: 20, label: '20%' },
            ]}
            mb="md"
          />
        </Stack>
        <Group justify="flex-end">
          <Button
            loading={busy}
            disabled={chosen.length === 0}
            onClick={() =>
              onSubmit({
                datasetId,
                columns: columns === null ? undefined : chosen,
                contamination: percent / 100,
                seed,
              })
            }
            data-testid="anomaly-run"
          >
            Find anomalies
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
