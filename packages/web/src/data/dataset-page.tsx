import { Anchor, Button, Center, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { DatasetVersion } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { formatBytes, formatCount, formatDate } from '../components/format';
import { PageHeader } from '../components/page-header';
import { CleanTab } from '../recipes/clean-tab';
import { href } from '../routing/route';
import { navigate } from '../routing/use-hash-route';
import { ColumnTable } from './column-table';
import { PreviewGrid } from './preview-grid';
import { ProfileTab } from './profile-tab';

const back = (
  <Anchor href={href({ page: 'data' })} size="sm">
    ← All data sets
  </Anchor>
);

const TABS = ['columns', 'preview', 'profile', 'clean'];

export function DatasetPage({ id, initialTab }: { id: string; initialTab?: string }) {
  const summary = useRequest(id, (signal) =>
    api.get<DatasetVersion>(`/api/datasets/${encodeURIComponent(id)}`, { signal }),
  );
  const [tab, setTab] = useState<string | null>(
    initialTab && TABS.includes(initialTab) ? initialTab : 'columns',
  );
  // Bumped when a column type changes: the preview and the profile are read again with the new types.
  const [revision, setRevision] = useState(0);

  if (summary.error) {
    return (
      <Stack>
        <PageHeader title="Data set" above={back} />
        <ErrorAlert error={summary.error} title="Could not open this data set" />
      </Stack>
    );
  }
  const dataset = summary.data;
  if (!dataset) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        above={back}
        title={dataset.name}
        description={
          <>
            {dataset.version !== undefined && (
              <span data-testid="dataset-version">
                Version {dataset.version}
                {dataset.isCurrent === false ? ' (not the current one)' : ''} ·{' '}
              </span>
            )}
            {formatCount(dataset.nRows)} rows × {formatCount(dataset.nCols)} columns · {dataset.fileName} (
            {dataset.format}, {formatBytes(dataset.sizeBytes)}) · added {formatDate(dataset.createdAt)}
          </>
        }
        actions={
          <>
            <Button
              component="a"
              variant="default"
              href={href({ page: 'explore', datasetId: dataset.id })}
              data-testid="explore-dataset"
            >
              Explore
            </Button>
            <Button component="a" href={href({ page: 'train', datasetId: dataset.id })}>
              Train a model
            </Button>
          </>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="columns">Columns</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
          <Tabs.Tab value="profile">Profile</Tabs.Tab>
          <Tabs.Tab value="clean" data-testid="clean-tab-button">
            Clean
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="columns">
          <Group mb="sm">
            <Text size="sm" c="dimmed">
              Quarry guessed each column's type from its values. If a guess is wrong, pick the right type: the
              preview, the profile and new models use it.
            </Text>
          </Group>
          <ColumnTable
            dataset={dataset}
            onChanged={(updated) => {
              summary.setData((previous) => (previous ? { ...previous, ...updated } : previous));
              setRevision((r) => r + 1);
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <PreviewGrid
            key={revision}
            datasetId={dataset.id}
            columns={dataset.columns}
            nRows={dataset.nRows}
          />
        </Tabs.Panel>
        <Tabs.Panel value="profile">
          <ProfileTab datasetId={dataset.id} revision={revision} />
        </Tabs.Panel>
        <Tabs.Panel value="clean">
          <CleanTab
            datasetId={dataset.id}
            onCurrentChanged={(version) => navigate(href({ page: 'dataset', id: version.id, tab: 'clean' }))}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
