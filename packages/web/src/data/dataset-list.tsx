import { Anchor, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { api } from '../api/client';
import type { DatasetSummary } from '../api/types';
import { ConfirmModal } from '../components/confirm-modal';
import { ErrorAlert } from '../components/error-alert';
import { formatCount, formatDate } from '../components/format';
import { href } from '../routing/route';

interface DatasetListProps {
  datasets: DatasetSummary[];
  onRenamed: (dataset: DatasetSummary) => void;
  onDeleted: (id: string) => void;
}

export function DatasetList({ datasets, onRenamed, onDeleted }: DatasetListProps) {
  const [editing, setEditing] = useState<{ id: string; draft: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<DatasetSummary | null>(null);

  const save = async () => {
    if (!editing) return;
    const name = editing.draft.trim();
    const current = datasets.find((d) => d.id === editing.id);
    if (!name || name === current?.name) {
      setEditing(null);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await api.patch<DatasetSummary>(`/api/datasets/${encodeURIComponent(editing.id)}`, {
        name,
      });
      onRenamed(updated);
      setEditing(null);
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') save();
    if (event.key === 'Escape') setEditing(null);
  };

  return (
    <>
      <ErrorAlert error={error} title="Could not rename" mb="md" onClose={() => setError(null)} />
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th ta="right">Rows</Table.Th>
              <Table.Th ta="right">Columns</Table.Th>
              <Table.Th>Format</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {datasets.map((dataset) => (
              <Table.Tr key={dataset.id} data-testid="dataset-row">
                <Table.Td>
                  {editing?.id === dataset.id ? (
                    <TextInput
                      size="xs"
                      value={editing.draft}
                      onChange={(event) => setEditing({ id: dataset.id, draft: event.currentTarget.value })}
                      onKeyDown={onKey}
                      aria-label="New name"
                      data-testid="rename-input"
                      disabled={saving}
                      autoFocus
                    />
                  ) : (
                    <>
                      <Anchor href={href({ page: 'dataset', id: dataset.id })} fw={500}>
                        {dataset.name}
                      </Anchor>
                      {dataset.fileName !== dataset.name && (
                        <Text size="xs" c="dimmed">
                          {dataset.fileName}
                        </Text>
                      )}
                    </>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatCount(dataset.nRows)}</Table.Td>
                <Table.Td ta="right">{formatCount(dataset.nCols)}</Table.Td>
                <Table.Td>
                  <Text size="sm" tt="uppercase" c="dimmed">
                    {dataset.format}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(dataset.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {editing?.id === dataset.id ? (
                      <>
                        <Button size="compact-sm" onClick={save} loading={saving}>
                          Save
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="gray"
                          onClick={() => setEditing(null)}
                        >
                          Cancel
                        </Button>
                      </>
                    ) : (
                      <>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setEditing({ id: dataset.id, draft: dataset.name })}
                          aria-label={`Rename ${dataset.name}`}
                        >
                          Rename
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(dataset)}
                          aria-label={`Delete ${dataset.name}`}
                        >
                          Delete
                        </Button>
                      </>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete data set?"
        confirmLabel="Delete"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`/api/datasets/${encodeURIComponent(deleting.id)}`);
          onDeleted(deleting.id);
        }}
      >
        “{deleting?.name}” and its {formatCount(deleting?.nRows ?? 0)} rows will be removed from Quarry. This
        cannot be undone.
      </ConfirmModal>
    </>
  );
}
