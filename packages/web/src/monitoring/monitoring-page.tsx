import { Badge, Center, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { useRequest } from '../api/use-request';
import { EmptyHint } from '../components/empty-hint';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { ChallengerCard } from './challenger-card';
import { ThresholdsCard } from './thresholds-card';
import { TokensCard } from './tokens-card';
import type { FeatureDrift, MonitoringReport, ServedVersion } from './types';

const STATUS_COLOR: Record<FeatureDrift['status'], string> = {
  drift: 'red',
  watch: 'yellow',
  ok: 'teal',
  too_few_rows: 'gray',
};
const STATUS_LABEL: Record<FeatureDrift['status'], string> = {
  drift: 'drift',
  watch: 'watch',
  ok: 'ok',
  too_few_rows: 'too few rows',
};

const keyOf = (v: { name: string; version: number }) => `${v.name}\u0000${v.version}`;
const fmt = (x: number | undefined, digits = 3) =>
  x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
const pValue = (p: number | undefined) => (p === undefined ? '–' : p < 1e-4 ? '< 0.0001' : p.toFixed(4));

/**
 * The monitoring dashboard: per served model version, what to look at first (drifted features and
 * performance drops, most severe first), then every feature's drift and the performance over time.
 */
export function MonitoringPage() {
  const served = useRequest('monitoring', (signal) =>
    api.get<{ models: ServedVersion[] }>('/api/monitoring', { signal }).then((r) => r.models),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const current = served.data?.find((v) => keyOf(v) === picked) ?? served.data?.[0];
  const report = useRequest(current ? keyOf(current) : null, (signal) =>
    api.get<MonitoringReport>(
      `/api/models/${encodeURIComponent(current?.name ?? '')}/versions/${current?.version}/monitoring`,
      { signal },
    ),
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Monitor"
        description="Drift of the data your models are served against the data they were trained on, how they perform once outcomes arrive, the challenger beside production, and the API tokens that call them."
      />
      <ErrorAlert error={served.error} />
      {served.loading && (
        <Center>
          <Loader />
        </Center>
      )}
      {served.data?.length === 0 && (
        <EmptyHint
          title="Nothing served yet"
          description="Predictions through POST /api/models/{name}/versions/{version}/predict (or …/production/predict, or a batch file) are logged and monitored here."
        />
      )}
      {served.data && served.data.length > 0 && current && (
        <Select
          label="Model version"
          data={served.data.map((v) => ({
            value: keyOf(v),
            label: `${v.name} v${v.version} — ${v.nLogged} predictions`,
          }))}
          value={keyOf(current)}
          onChange={setPicked}
          allowDeselect={false}
          maw={420}
        />
      )}
      <ErrorAlert error={report.error} />
      {report.data && <Report report={report.data} />}
      {current && <ChallengerCard key={current.name} name={current.name} />}
      {current && report.data && (
        <ThresholdsCard name={current.name} thresholds={report.data.thresholds} onSaved={report.reload} />
      )}
      <TokensCard />
    </Stack>
  );
}

function Report({ report }: { report: MonitoringReport }) {
  const { attention, drift, performance } = report;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4" mb="xs">
          Look at first
        </Title>
        {attention.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="attention-empty">
            Nothing crosses a threshold: {report.nLogged} logged rows, {report.nWithOutcome} with outcomes.
          </Text>
        ) : (
          <Stack gap={6} component="ol" data-testid="attention" style={{ margin: 0, paddingLeft: 20 }}>
            {attention.map((a) => (
              <li key={`${a.kind}-${a.subject}`}>
                <Group gap="xs" wrap="nowrap">
                  <Badge color={a.kind === 'drift' ? 'red' : 'orange'} variant="light">
                    {a.kind}
                  </Badge>
                  <Text size="sm">{a.message}</Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Paper>

      <Stack gap="xs">
        <Title order={3} size="h4">
          Feature drift
        </Title>
        <Table striped withTableBorder aria-label="Feature drift" data-testid="drift-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Feature</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>PSI</Table.Th>
              <Table.Th>Test</Table.Th>
              <Table.Th>p-value</Table.Th>
              <Table.Th>What changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drift.map((d) => (
              <Table.Tr key={d.feature}>
                <Table.Td>{d.feature}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[d.status]} variant="light">
                    {STATUS_LABEL[d.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>{fmt(d.psi)}</Table.Td>
                <Table.Td>
                  {d.ks ? `KS ${fmt(d.ks.statistic)}` : `χ² V ${fmt(d.chiSquare?.cramersV)}`}
                </Table.Td>
                <Table.Td>{pValue(d.ks?.pValue ?? d.chiSquare?.pValue)}</Table.Td>
                <Table.Td>
                  <Text size="xs">{d.reason}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h4">
          Performance over time
        </Title>
        {performance.overTime.length === 0 ? (
          <Text size="sm" c="dimmed">
            No outcomes yet. Send them with POST /api/predictions/outcomes (the row ids come with each
            prediction).
          </Text>
        ) : (
          <Table withTableBorder aria-label="Performance over time">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>From</Table.Th>
                <Table.Th>Rows</Table.Th>
                {report.model.task === 'classification' ? (
                  <Table.Th>Accuracy (holdout {fmt(performance.holdout.accuracy)})</Table.Th>
                ) : (
                  <>
                    <Table.Th>MAE (holdout {fmt(performance.holdout.mae)})</Table.Th>
                    <Table.Th>RMSE (holdout {fmt(performance.holdout.rmse)})</Table.Th>
                  </>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {performance.overTime.map((p) => (
                <Table.Tr key={p.start}>
                  <Table.Td>{new Date(p.start).toLocaleString()}</Table.Td>
                  <Table.Td>{p.n}</Table.Td>
                  {report.model.task === 'classification' ? (
                    <Table.Td>{fmt(p.accuracy)}</Table.Td>
                  ) : (
                    <>
                      <Table.Td>{fmt(p.mae)}</Table.Td>
                      <Table.Td>{fmt(p.rmse)}</Table.Td>
                    </>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
