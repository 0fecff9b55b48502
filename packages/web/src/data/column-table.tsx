import { Badge, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { COLUMN_TYPES, type ColumnInfo, type ColumnType, type DatasetSummary } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { formatCount, formatPercent } from '../components/format';

const TYPE_OPTIONS = COLUMN_TYPES.map((type) => ({ value: type, label: type }));

interface ColumnTableProps {
  dataset: DatasetSummary;
  onChanged: (dataset: DatasetSummary) => void;
}

/** Columns with their inferred type and why; the type Select overrides it on the server. */
export function ColumnTable({ dataset, onChanged }: ColumnTableProps) {
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const setType = async (column: ColumnInfo, type: ColumnType) => {
    if (type === column.type) return;
    setSaving(column.name);
    setError(null);
    try {
      const updated = await api.put<DatasetSummary>(`/api/datasets/${encodeURIComponent(dataset.id)}/types`, {
        types: { [column.name]: type },
      });
      onChanged(updated);
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(null);
    }
  };

  return (
    <>
      <ErrorAlert error={error} title="Could not change the type" mb="md" onClose={() => setError(null)} />
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="column-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column</Table.Th>
              <Table.Th w={180}>Type</Table.Th>
              <Table.Th>Inferred</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th ta="right">Missing</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dataset.columns.map((column) => (
              <Table.Tr key={column.name} data-testid="column-row">
                <Table.Td>
                  <Text fw={500} size="sm">
                    {column.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={TYPE_OPTIONS}
                    value={column.type}
                    allowDeselect={false}
                    disabled={saving !== null}
                    onChange={(value) => value && setType(column, value as ColumnType)}
                    aria-label={`Type of ${column.name}`}
                    data-testid="column-type-select"
                  />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray" tt="none">
                    {column.inferredType}
                  </Badge>
                  {column.type !== column.inferredType && (
                    <Badge variant="light" color="orange" tt="none" ml={4}>
                      overridden
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {column.reason}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c={column.missing > 0 ? undefined : 'dimmed'}>
                    {formatCount(column.missing)}
                    {dataset.nRows > 0 &&
                      column.missing > 0 &&
                      ` (${formatPercent(column.missing / dataset.nRows)})`}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
