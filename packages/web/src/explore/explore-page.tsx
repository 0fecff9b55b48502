import { Anchor, Badge, Center, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { api } from '../api/client';
import type { DatasetVersion, DataWarning, ExploreProfile } from '../api/types';
import { useRequest } from '../api/use-request';
import { EmptyHint } from '../components/empty-hint';
import { ErrorAlert } from '../components/error-alert';
import { datasetLabel, formatCount } from '../components/format';
import { PageHeader } from '../components/page-header';
import { href } from '../routing/route';
import { ChartBuilder } from './chart-builder';
import { CorrelationsSection } from './correlations-section';
import { ProfileSection } from './profile-section';
import { StructureSection } from './structure-section';
import { TargetSection } from './target-section';
import { TextSection } from './text-section';
import { countBySeverity, SEVERITY_COLOR, WarningList } from './warning-list';

function Section({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {title}
          </Title>
          {aside}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

export function ExplorePage({ initialDatasetId }: { initialDatasetId?: string }) {
  const datasets = useRequest('datasets:current', (signal) =>
    api
      .get<{ datasets: DatasetVersion[] }>('/api/datasets?versions=current', { signal })
      .then((r) => r.datasets),
  );
  const [datasetId, setDatasetId] = useState<string | null>(initialDatasetId ?? null);
  const [target, setTarget] = useState<string | null>(null);
  // A link may name an older version (not in the list of current ones): it is read and offered too.
  const linkedIsCurrent = datasets.data?.some((d) => d.id === initialDatasetId) ?? true;
  const linked = useRequest(initialDatasetId && !linkedIsCurrent ? initialDatasetId : null, (signal) =>
    api.get<DatasetVersion>(`/api/datasets/${encodeURIComponent(initialDatasetId ?? '')}`, { signal }),
  );
  const list = [...(datasets.data ?? []), ...(linked.data ? [linked.data] : [])];
  const dataset = list.find((d) => d.id === datasetId) ?? null;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Explore"
        description="Quality warnings, the leakage linter, correlations and how each column relates to a target, all computed on the server."
      />
      {Boolean(datasets.error) && <ErrorAlert error={datasets.error} title="Could not list data sets" />}
      {datasets.data && list.length === 0 ? (
        <EmptyHint
          title="No data sets yet"
          description="Upload a file on the Data page, then explore it here."
        />
      ) : (
        <Group align="flex-end">
          <Select
            label="Data set"
            placeholder={datasets.loading ? 'Loading…' : 'Pick a data set'}
            data={list.map((d) => ({
              value: d.id,
              label: datasetLabel(d),
            }))}
            value={datasetId}
            onChange={(value) => {
              setDatasetId(value);
              setTarget(null);
            }}
            searchable
            w={300}
            data-testid="explore-dataset-select"
          />
          <Select
            label="Target (optional)"
            description="Turns on the leakage linter and target relations"
            placeholder="No target"
            data={dataset?.columns.map((c) => c.name) ?? []}
            value={target}
            onChange={setTarget}
            disabled={!dataset}
            clearable
            searchable
            w={300}
            data-testid="explore-target-select"
          />
        </Group>
      )}
      {dataset && <ExploreDataset key={dataset.id} dataset={dataset} target={target} />}
    </Stack>
  );
}

function ExploreDataset({ dataset, target }: { dataset: DatasetVersion; target: string | null }) {
  const id = encodeURIComponent(dataset.id);
  const warnings = useRequest(`${dataset.id}:${target ?? ''}`, (signal) =>
    api.get<DataWarning[]>(
      `/api/datasets/${id}/warnings${target ? `?target=${encodeURIComponent(target)}` : ''}`,
      { signal },
    ),
  );
  const profile = useRequest(dataset.id, (signal) =>
    api.get<ExploreProfile>(`/api/datasets/${id}/profile`, { signal }),
  );
  const counts = warnings.data ? countBySeverity(warnings.data) : null;

  return (
    <Stack gap="lg" data-testid="explore-results">
      <Text size="sm" c="dimmed">
        {formatCount(dataset.nRows)} rows × {formatCount(dataset.nCols)} columns ·{' '}
        <Anchor href={href({ page: 'dataset', id: dataset.id, tab: 'clean' })}>open the data set</Anchor> to
        clean it.
      </Text>
      <Section
        title={target ? 'Warnings and leakage' : 'Warnings'}
        aside={
          counts && (
            <Group gap={4}>
              {(['critical', 'warning', 'info'] as const).map(
                (s) =>
                  counts[s] > 0 && (
                    <Badge key={s} color={SEVERITY_COLOR[s]} variant="light">
                      {counts[s]} {s}
                    </Badge>
                  ),
              )}
            </Group>
          )
        }
      >
        {!target && (
          <Text size="sm" c="dimmed">
            Pick a target to run the leakage linter as well.
          </Text>
        )}
        {Boolean(warnings.error) && (
          <ErrorAlert error={warnings.error} title="Could not check this data set" />
        )}
        {warnings.data ? (
          <WarningList warnings={warnings.data} />
        ) : (
          !warnings.error && (
            <Center py="md">
              <Loader size="sm" />
            </Center>
          )
        )}
      </Section>
      {target && (
        <Section title={`Relation to ${target}`}>
          <TargetSection datasetId={dataset.id} target={target} />
        </Section>
      )}
      <Section title="Correlations">
        <CorrelationsSection datasetId={dataset.id} target={target} />
      </Section>
      <Section title="Structure">
        <StructureSection
          datasetId={dataset.id}
          columns={dataset.columns}
          nRows={dataset.nRows}
          target={target}
        />
      </Section>
      <Section title="Text">
        <TextSection datasetId={dataset.id} columns={dataset.columns} target={target} />
      </Section>
      <Section title="Rows">
        {Boolean(profile.error) && (
          <ErrorAlert error={profile.error} title="Could not profile this data set" />
        )}
        {profile.data ? (
          <ProfileSection profile={profile.data} />
        ) : (
          !profile.error && (
            <Center py="md">
              <Loader size="sm" />
            </Center>
          )
        )}
      </Section>
      <Section title="Chart builder">
        <ChartBuilder datasetId={dataset.id} columns={dataset.columns} nRows={dataset.nRows} />
      </Section>
    </Stack>
  );
}
