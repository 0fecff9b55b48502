import { Alert, Anchor, Button, Center, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { DatasetVersion, VersionList } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { href } from '../routing/route';
import { StepForm } from './step-form';
import { describeStep } from './steps';
import { VersionHistory } from './version-history';
import { undoRedoState } from './versions';

interface CleanTabProps {
  /** The version on screen. Steps always go on the lineage's current version. */
  datasetId: string;
  /** Called with the lineage's new current version after a step, an undo or a redo. */
  onCurrentChanged: (version: DatasetVersion) => void;
}

/** The cleaning recipe: add a step, see every version, undo and redo. The original upload never changes. */
export function CleanTab({ datasetId, onCurrentChanged }: CleanTabProps) {
  const versions = useRequest(`versions:${datasetId}`, (signal) =>
    api.get<VersionList>(`/api/datasets/${encodeURIComponent(datasetId)}/versions`, { signal }),
  );
  const [busy, setBusy] = useState<'undo' | 'redo' | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (versions.error) return <ErrorAlert error={versions.error} title="Could not read the versions" />;
  const list = versions.data;
  if (!list) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const { current, canUndo, canRedo } = undoRedoState(list);

  const move = async (action: 'undo' | 'redo') => {
    setBusy(action);
    setError(null);
    try {
      const version = await api.post<DatasetVersion>(
        `/api/datasets/${encodeURIComponent(list.currentId)}/${action}`,
        {},
      );
      onCurrentChanged(version);
      versions.reload();
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="lg" data-testid="clean-tab">
      <Alert color="blue" variant="light" title="What belongs in a recipe" data-testid="recipe-explanation">
        <Text size="sm">
          Recipe steps are fixed rules — drop, rename, filter, fill with a constant, clip, derive date parts —
          that give the same answer on any file, so they are replayed on new data at prediction time. Each
          step makes a new version; the original upload is kept unchanged.
        </Text>
        <Text size="sm" mt={4}>
          Steps that <b>learn from the data</b> — filling with the mean or median, scaling, encoding
          categories — belong to the model's pipeline instead: Quarry fits them on the training rows only when
          it trains, so the test rows cannot leak into them.
        </Text>
      </Alert>

      {current && current.id !== datasetId && (
        <Alert color="yellow" variant="light" data-testid="not-current">
          You are looking at an older version. New steps go on the current version, v{current.version}:{' '}
          <Anchor href={href({ page: 'dataset', id: current.id, tab: 'clean' })}>open it</Anchor>.
        </Alert>
      )}

      {current && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h5">
                Add a step to v{current.version}
              </Title>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  disabled={!canUndo}
                  loading={busy === 'undo'}
                  onClick={() => void move('undo')}
                  data-testid="undo-button"
                >
                  Undo
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={!canRedo}
                  loading={busy === 'redo'}
                  onClick={() => void move('redo')}
                  data-testid="redo-button"
                >
                  Redo
                </Button>
                <Button
                  component="a"
                  size="xs"
                  variant="light"
                  href={href({ page: 'train', datasetId: current.id })}
                  data-testid="train-current"
                >
                  Train on v{current.version}
                </Button>
              </Group>
            </Group>
            {Boolean(error) && <ErrorAlert error={error} onClose={() => setError(null)} />}
            <StepForm
              key={current.id}
              dataset={current}
              onApplied={(version) => {
                onCurrentChanged(version);
                versions.reload();
              }}
            />
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Recipe of v{current.version}
              </Text>
              {current.steps.length === 0 ? (
                <Text size="sm" c="dimmed" data-testid="recipe-empty">
                  No steps yet: this is the file as uploaded.
                </Text>
              ) : (
                <List type="ordered" size="sm" data-testid="recipe-steps">
                  {current.steps.map((step, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a recipe is an ordered list; steps may repeat
                    <List.Item key={i} data-testid="recipe-step">
                      {describeStep(step)}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Stack>
        </Paper>
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          Version history
        </Title>
        <VersionHistory list={list} viewedId={datasetId} />
      </Stack>
    </Stack>
  );
}
