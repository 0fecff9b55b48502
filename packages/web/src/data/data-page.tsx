import { Center, Loader, Stack, Title } from '@mantine/core';
import { api } from '../api/client';
import type { DatasetSummary } from '../api/types';
import { useRequest } from '../api/use-request';
import { EmptyHint } from '../components/empty-hint';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { DatasetList } from './dataset-list';
import { UploadDataset } from './upload-dataset';

export function DataPage() {
  const list = useRequest('datasets', (signal) =>
    api.get<{ datasets: DatasetSummary[] }>('/api/datasets', { signal }).then((r) => r.datasets),
  );
  const datasets = list.data ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Data"
        description="Bring a table of data; Quarry reads it, infers column types and profiles it."
      />
      <UploadDataset
        onUploaded={(dataset) =>
          list.setData((prev) => [dataset, ...(prev ?? []).filter((d) => d.id !== dataset.id)])
        }
      />
      <div>
        <Title order={3} size="h4" mb="sm">
          Data sets
        </Title>
        <ErrorAlert error={list.error} title="Could not load the data sets" />
        {list.loading && !list.data && (
          <Center py="xl">
            <Loader />
          </Center>
        )}
        {list.data && datasets.length === 0 && (
          <EmptyHint
            title="No data sets yet"
            description="Upload a CSV, Excel, JSON or Parquet file to start."
          />
        )}
        {datasets.length > 0 && (
          <DatasetList
            datasets={datasets}
            onRenamed={(updated) =>
              list.setData((prev) => prev?.map((d) => (d.id === updated.id ? updated : d)))
            }
            onDeleted={(id) => list.setData((prev) => prev?.filter((d) => d.id !== id))}
          />
        )}
      </div>
    </Stack>
  );
}
