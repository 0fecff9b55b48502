import {
  Button,
  Checkbox,
  Chip,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { DatasetSummary } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { datasetLabel } from '../components/format';
import type { ForecastColumns, ForecastRequest } from './types';

interface ForecastFormProps {
  datasets: DatasetSummary[];
  initialDatasetId?: string;
  busy: boolean;
  onSubmit: (request: ForecastRequest) => Promise<void>;
}

const NONE = '__none__';

/** Data set, columns (pre-filled by the server's detection), horizon and the models the backtest compares. */
export function ForecastForm({ datasets, initialDatasetId, busy, onSubmit }: ForecastFormProps) {
  const [datasetId, setDatasetId] = useState<string | null>(
    datasets.some((d) => d.id === initialDatasetId) ? (initialDatasetId ?? null) : null,
  );
  const [idColumn, setIdColumn] = useState<string>(NONE);
  const [timeColumn, setTimeColumn] = useState<string | null>(null);
  const [valueColumn, setValueColumn] = useState<string | null>(null);
  const [horizon, setHorizon] = useState<number | string>(14);
  const [models, setModels] = useState<string[]>([]);
  const [select, setSelect] = useState('auto');
  const [sort, setSort] = useState(false);
  const info = useRequest(datasetId, (signal) =>
    api.get<ForecastColumns>(`/api/forecasts/columns/${encodeURIComponent(datasetId ?? '')}`, { signal }),
  );

  useEffect(() => {
    const d = info.data;
    if (!d) return;
    setIdColumn(d.detected.id ?? NONE);
    setTimeColumn(d.detected.time ?? null);
    setValueColumn(d.detected.value ?? null);
    setModels((current) =>
      current.length > 0 ? current : d.models.filter((m) => m.default).map((m) => m.key),
    );
  }, [info.data]);

  const columns = (info.data?.columns ?? []).map((c) => ({ value: c.name, label: `${c.name} (${c.type})` }));
  const ready = datasetId && timeColumn && valueColumn && models.length > 0 && Number(horizon) >= 1 && !busy;
  const submit = () =>
    ready &&
    onSubmit({
      datasetId,
      idColumn: idColumn === NONE ? null : idColumn,
      timeColumn,
      valueColumn,
      horizon: Number(horizon),
      models,
      select,
      sort,
    });

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Data set"
            placeholder="Pick a data set"
            data={datasets.map((d) => ({ value: d.id, label: datasetLabel(d) }))}
            value={datasetId}
            onChange={setDatasetId}
            searchable
            data-testid="forecast-dataset-select"
          />
          <NumberInput
            label="Horizon"
            description="Steps to forecast after the last observation"
            min={1}
            max={2000}
            value={horizon}
            onChange={setHorizon}
            data-testid="forecast-horizon"
          />
        </SimpleGrid>
        <ErrorAlert error={info.error} title="Could not read the data set's columns" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Time column"
            data={columns}
            value={timeColumn}
            onChange={setTimeColumn}
            disabled={!info.data}
            data-testid="forecast-time-select"
          />
          <Select
            label="Value column"
            data={columns}
            value={valueColumn}
            onChange={setValueColumn}
            disabled={!info.data}
            data-testid="forecast-value-select"
          />
          <Select
            label="Series id column"
            data={[{ value: NONE, label: 'None (one series)' }, ...columns]}
            value={idColumn}
            onChange={(v) => setIdColumn(v ?? NONE)}
            disabled={!info.data}
            data-testid="forecast-id-select"
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Models compared in the backtest
          </Text>
          <Chip.Group multiple value={models} onChange={setModels}>
            <Group gap={6} data-testid="forecast-models">
              {(info.data?.models ?? []).map((m) => (
                <Chip key={m.key} value={m.key} size="sm">
                  {m.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <Select
              label="Use"
              w={340}
              data={[
                { value: 'auto', label: 'Auto: best backtest (or median of top 3)' },
                ...(info.data?.models ?? []).map((m) => ({ value: m.key, label: m.label })),
              ]}
              value={select}
              onChange={(v) => setSelect(v ?? 'auto')}
              data-testid="forecast-select"
            />
            <Checkbox
              label="Sort rows by time"
              checked={sort}
              onChange={(e) => setSort(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Button onClick={submit} disabled={!ready} loading={busy} data-testid="forecast-run">
            Backtest and forecast
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
