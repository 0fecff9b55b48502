import { Center, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Cell, ColumnInfo, RowsPage } from '../api/types';
import { useRequest } from '../api/use-request';
import {
  builderSpec,
  CHART_KINDS,
  type ChartKind,
  SCATTER_BIN_THRESHOLD,
  slotsFor,
  toRecords,
} from '../charts/builder-specs';
import { VegaChart } from '../charts/vega-chart';
import { ErrorAlert } from '../components/error-alert';
import { formatCount } from '../components/format';

/** The builder draws from the first rows of the data set (at most this many): no full-table transfer. */
const SAMPLE_ROWS = 5000;
const PAGE = 1000;

async function loadSample(datasetId: string, nRows: number, signal: AbortSignal) {
  const pages = Math.ceil(Math.min(nRows, SAMPLE_ROWS) / PAGE);
  const results = await Promise.all(
    Array.from({ length: pages }, (_, p) =>
      api.get<RowsPage>(
        `/api/datasets/${encodeURIComponent(datasetId)}/rows?offset=${p * PAGE}&limit=${PAGE}`,
        { signal },
      ),
    ),
  );
  const rows: Cell[][] = results.flatMap((r) => r.rows);
  return { columns: results[0]?.columns ?? [], rows };
}

function columnsFor(columns: ColumnInfo[], slot: 'numeric' | 'category' | 'date' | 'any') {
  return columns
    .filter((c) => {
      if (slot === 'numeric') return c.type === 'numeric';
      if (slot === 'date') return c.type === 'datetime';
      if (slot === 'category') return c.type === 'categorical' || c.type === 'boolean';
      return true;
    })
    .map((c) => c.name);
}

export function ChartBuilder({
  datasetId,
  columns,
  nRows,
}: {
  datasetId: string;
  columns: ColumnInfo[];
  nRows: number;
}) {
  const [kind, setKind] = useState<ChartKind>('histogram');
  const [x, setX] = useState<string | null>(null);
  const [y, setY] = useState<string | null>(null);
  const sample = useRequest(datasetId, (signal) => loadSample(datasetId, nRows, signal));
  const slots = slotsFor(kind);

  const xOptions =
    kind === 'bar'
      ? columnsFor(columns, 'category')
      : kind === 'line'
        ? columnsFor(columns, 'date')
        : columnsFor(columns, 'numeric');
  const yOptions = kind === 'box' ? columnsFor(columns, 'category') : columnsFor(columns, 'numeric');
  const xValue = x && xOptions.includes(x) ? x : null;
  const yValue = y && yOptions.includes(y) ? y : null;

  const spec = useMemo(() => {
    if (!sample.data || !xValue || (slots.yRequired && !yValue)) return null;
    const used = [xValue, ...(yValue ? [yValue] : [])];
    return builderSpec(
      { kind, x: xValue, y: yValue },
      toRecords(sample.data.columns, sample.data.rows, used),
    );
  }, [sample.data, kind, xValue, yValue, slots.yRequired]);

  return (
    <Stack gap="sm" data-testid="chart-builder">
      <Group align="flex-end" gap="sm">
        <Select
          label="Chart"
          data={CHART_KINDS}
          value={kind}
          onChange={(value) => value && setKind(value as ChartKind)}
          allowDeselect={false}
          w={200}
          data-testid="chart-kind"
        />
        <Select
          label={slots.x}
          data={xOptions}
          value={xValue}
          onChange={setX}
          searchable
          w={220}
          placeholder={xOptions.length ? 'Pick a column' : 'No suitable column'}
          data-testid="chart-x"
        />
        {slots.y && (
          <Select
            label={slots.y}
            data={yOptions}
            value={yValue}
            onChange={setY}
            searchable
            clearable={!slots.yRequired}
            w={220}
            placeholder="Pick a column"
            data-testid="chart-y"
          />
        )}
      </Group>
      {Boolean(sample.error) && <ErrorAlert error={sample.error} title="Could not load rows for the chart" />}
      {!sample.data && !sample.error && (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      )}
      {spec && <VegaChart spec={spec} label={`${kind} of ${xValue}`} data-testid="built-chart" />}
      {sample.data && (
        <Text size="xs" c="dimmed">
          Drawn from the first {formatCount(sample.data.rows.length)} of {formatCount(nRows)} rows
          {kind === 'scatter' &&
            sample.data.rows.length > SCATTER_BIN_THRESHOLD &&
            '; the scatter is binned (darker = more rows)'}
          .
        </Text>
      )}
    </Stack>
  );
}
