import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { VegaChart } from '../charts/vega-chart';
import { BacktestTable } from './backtest-table';
import { forecastSpec } from './forecast-spec';
import type { ForecastRun } from './types';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${(100 * v).toFixed(0)}%`;

/** A finished run: series picker, chart with intervals, the backtest table and the CSV download. */
export function ForecastResult({ run }: { run: ForecastRun }) {
  const [seriesId, setSeriesId] = useState(run.series[0]?.id ?? '');
  const [downloading, setDownloading] = useState(false);
  const series = run.series.find((s) => s.id === seriesId) ?? run.series[0];
  const spec = useMemo(
    () =>
      forecastSpec(series, {
        yTitle: run.columns.value,
        temporal: run.frequency.unit !== 'index',
        unit: run.frequency.unit,
      }),
    [series, run.columns.value, run.frequency.unit],
  );
  const download = async () => {
    setDownloading(true);
    try {
      await api.download(`/api/forecasts/${encodeURIComponent(run.id)}/csv`, `forecast-${run.name}.csv`);
    } finally {
      setDownloading(false);
    }
  };
  const result = series.result;
  return (
    <Stack gap="md" data-testid="forecast-result">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={3}>{run.name}</Title>
          <Text size="sm" c="dimmed">
            {run.series.length} series · {run.frequency.label}, season {run.frequency.season} · horizon{' '}
            {run.request.horizon} · {result?.folds.length ?? 0} backtest folds
          </Text>
        </Stack>
        <Button variant="default" onClick={download} loading={downloading} data-testid="forecast-download">
          Download CSV
        </Button>
      </Group>
      {run.series.length > 1 && (
        <Select
          label="Series"
          w={280}
          data={run.series.map((s) => ({
            value: s.id,
            label: `${s.id}${s.result ? ` — ${s.result.chosen}` : ' — failed'}`,
          }))}
          value={series.id}
          onChange={(v) => v && setSeriesId(v)}
          searchable
          data-testid="forecast-series-select"
        />
      )}
      {series.error && (
        <Alert color="red" variant="light" title={`Series ${series.id} could not be forecast`}>
          {series.error.message}
        </Alert>
      )}
      {result && (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Paper withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              Chosen model
            </Text>
            <Text fw={600} data-testid="chosen-model">
              {result.chosen}
            </Text>
          </Paper>
          <Paper withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              Intervals
            </Text>
            <Group gap={6}>
              <Text fw={600}>
                {result.intervals === 'model' ? "the model's own" : 'conformal (backtest residuals)'}
              </Text>
            </Group>
          </Paper>
          <Paper withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              Backtest coverage
            </Text>
            <Group gap={6}>
              {Object.entries(result.coverage).map(([level, c]) => (
                <Badge key={level} variant="light" color="gray">
                  {level}%: {pct(c)}
                </Badge>
              ))}
            </Group>
          </Paper>
        </SimpleGrid>
      )}
      {series.filled > 0 && (
        <Text size="sm" c="orange.8">
          {series.filled} missing values in this series were filled by linear interpolation.
        </Text>
      )}
      <Paper withBorder p="md" radius="md">
        <VegaChart
          spec={spec}
          label={`History and forecast of ${series.id} with prediction intervals`}
          data-testid="forecast-chart"
        />
      </Paper>
      <Stack gap={4}>
        <Title order={4}>Backtest ({series.id})</Title>
        <Text size="sm" c="dimmed">
          Every model forecast the same rolling-origin folds of the history (never the future); lower is
          better.
        </Text>
        <BacktestTable series={series} />
      </Stack>
    </Stack>
  );
}
