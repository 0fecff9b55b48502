import { Anchor, Button, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { ModelSummary } from '../api/types';
import { useRequest } from '../api/use-request';
import { ConfirmModal } from '../components/confirm-modal';
import { EmptyHint } from '../components/empty-hint';
import { ErrorAlert } from '../components/error-alert';
import { fileNamePart, formatDate } from '../components/format';
import { PageHeader } from '../components/page-header';
import { href } from '../routing/route';
import { formatMetric, keyMetric } from '../train/metrics';

export function ModelsPage() {
  const list = useRequest('models', (signal) =>
    api.get<{ models: ModelSummary[] }>('/api/models', { signal }).then((r) => r.models),
  );
  const [deleting, setDeleting] = useState<ModelSummary | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (model: ModelSummary) => {
    setDownloading(model.id);
    setError(null);
    try {
      await api.download(
        `/api/models/${encodeURIComponent(model.id)}/download`,
        `${fileNamePart(model.name)}-v${model.version}.json`,
      );
    } catch (reason) {
      setError(reason);
    } finally {
      setDownloading(null);
    }
  };

  const models = list.data ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Models"
        description="Every trained model, versioned by name. Download one as JSON (data only, never code) or use it to predict."
      />
      <ErrorAlert error={list.error} title="Could not load the models" />
      <ErrorAlert error={error} title="Could not download" onClose={() => setError(null)} />
      {list.loading && !list.data && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {list.data && models.length === 0 && (
        <EmptyHint
          title="No models yet"
          description="Train a model on one of your data sets; it will be listed here."
        >
          <Button component="a" href={href({ page: 'train' })}>
            Go to Train
          </Button>
        </EmptyHint>
      )}
      {models.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="models-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th ta="right">Version</Table.Th>
                <Table.Th>Task</Table.Th>
                <Table.Th>Family</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>Data set</Table.Th>
                <Table.Th>Key metric</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {models.map((model) => {
                const metric = keyMetric(model.task, model.metrics);
                return (
                  <Table.Tr key={model.id} data-testid="model-row">
                    <Table.Td>
                      <Text fw={500} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {model.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">v{model.version}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{model.task}</Text>
                    </Table.Td>
                    <Table.Td>{model.family}</Table.Td>
                    <Table.Td>{model.target}</Table.Td>
                    <Table.Td>
                      <Anchor href={href({ page: 'dataset', id: model.datasetId })} size="sm">
                        {model.datasetName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {metric ? (
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          <Text span c="dimmed" size="sm">
                            {metric.label}
                          </Text>{' '}
                          {formatMetric(metric.value)}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(model.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          component="a"
                          href={href({ page: 'predict', modelId: model.id })}
                        >
                          Predict
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => download(model)}
                          loading={downloading === model.id}
                          data-testid="download-model"
                        >
                          Download JSON
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(model)}
                          aria-label={`Delete ${model.name} v${model.version}`}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title="Delete model?"
        confirmLabel="Delete"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`/api/models/${encodeURIComponent(deleting.id)}`);
          list.setData((prev) => prev?.filter((m) => m.id !== deleting.id));
        }}
      >
        “{deleting?.name}” v{deleting?.version} will be removed, and its prediction endpoint with it. This
        cannot be undone.
      </ConfirmModal>
    </Stack>
  );
}
