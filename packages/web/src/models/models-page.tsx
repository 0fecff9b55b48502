import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { ModelGroup, ModelSummary, Stage } from '../api/types';
import { useRequest } from '../api/use-request';
import { EmptyHint } from '../components/empty-hint';
import { ErrorAlert } from '../components/error-alert';
import { fileNamePart } from '../components/format';
import { PageHeader } from '../components/page-header';
import { href } from '../routing/route';
import { CompareView } from './compare-view';
import { DeleteModelModal } from './delete-model-modal';
import { ImportModel } from './import-model';
import { LineagePanel } from './lineage-panel';
import { ModelGroupCard } from './model-group-card';

export function ModelsPage() {
  const list = useRequest('model-groups', (signal) =>
    api.get<{ groups: ModelGroup[] }>('/api/model-groups', { signal }).then((r) => r.groups),
  );
  const [deleting, setDeleting] = useState<ModelSummary | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [comparing, setComparing] = useState<string[]>([]);
  const [showCompare, setShowCompare] = useState(false);
  const [lineageOf, setLineageOf] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (key: string, path: string, fileName: string) => {
    setDownloading(key);
    setError(null);
    try {
      await api.download(path, fileName);
    } catch (reason) {
      setError(reason);
    } finally {
      setDownloading(null);
    }
  };

  const setStage = async (model: ModelSummary, stage: Stage) => {
    setError(null);
    try {
      await api.patch<ModelSummary>(`/api/models/${encodeURIComponent(model.id)}`, { stage });
      // Promoting one version can archive another: reload the whole list rather than patch one row.
      list.reload();
    } catch (reason) {
      setError(reason);
    }
  };

  const toggleCompare = (model: ModelSummary) => {
    setShowCompare(false);
    setComparing((previous) =>
      previous.includes(model.id)
        ? previous.filter((id) => id !== model.id)
        : [...previous, model.id].slice(-2),
    );
  };

  const groups = list.data ?? [];
  const [a, b] = comparing;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Models"
        description="Every saved model, grouped by name with its versions. Move a version between draft, production and archived; see a version's full lineage; compare two; download the JSON file (data only, never code) or an HTML report."
        actions={<ImportModel onImported={() => list.reload()} onError={setError} />}
      />
      <ErrorAlert error={list.error} title="Could not load the models" />
      <ErrorAlert error={error} title="Could not finish" onClose={() => setError(null)} />
      {list.loading && !list.data && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {list.data && groups.length === 0 && (
        <EmptyHint
          title="No models yet"
          description="Train a model on one of your data sets, or import a model file; it will be listed here."
        >
          <Button component="a" href={href({ page: 'train' })}>
            Go to Train
          </Button>
        </EmptyHint>
      )}
      {groups.length > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {comparing.length < 2
              ? `Tick two versions to compare them (${comparing.length} of 2 chosen).`
              : 'Two versions chosen.'}
          </Text>
          <Button
            variant="default"
            disabled={comparing.length !== 2}
            onClick={() => setShowCompare(true)}
            data-testid="compare-button"
          >
            Compare side by side
          </Button>
        </Group>
      )}
      {showCompare && a && b && <CompareView a={a} b={b} onClose={() => setShowCompare(false)} />}
      {groups.map((group) => (
        <ModelGroupCard
          key={group.name}
          group={group}
          comparing={comparing}
          downloading={downloading}
          onToggleCompare={toggleCompare}
          onStage={setStage}
          onDownload={(model) =>
            download(
              model.id,
              `/api/models/${encodeURIComponent(model.id)}/download`,
              `${fileNamePart(model.name)}-v${model.version}.json`,
            )
          }
          onReport={(model) =>
            download(
              `report:${model.id}`,
              `/api/models/${encodeURIComponent(model.id)}/report`,
              `${fileNamePart(model.name)}-v${model.version}-report.html`,
            )
          }
          onDelete={setDeleting}
          onLineage={(model) => setLineageOf(model.id)}
        />
      ))}
      <LineagePanel modelId={lineageOf} onClose={() => setLineageOf(null)} />
      <DeleteModelModal
        model={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(model) => {
          setComparing((previous) => previous.filter((id) => id !== model.id));
          list.reload();
        }}
      />
    </Stack>
  );
}
