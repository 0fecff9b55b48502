import { Table, Text } from '@mantine/core';
import type { LabSnapshot } from '@quarry/academy';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { ErrorAlert } from '../../components/error-alert';

/**
 * The cleaning step's before/after: the lab's data as loaded against your current version — rows, and per column
 * its type and missing values, with the columns you dropped or added.
 */
export function BeforeAfter({ labId, revision }: { labId: string; revision: number }) {
  const snapshot = useRequest(`lab-snapshot-${labId}-${revision}`, (signal) =>
    api.get<LabSnapshot>(`/api/academy/labs/${encodeURIComponent(labId)}/snapshot`, { signal }),
  );
  const before = snapshot.data?.datasets[0];
  const after = snapshot.data?.datasets.at(-1);
  if (snapshot.error) return <ErrorAlert error={snapshot.error} />;
  if (!before || !after) return null;
  const names = [...new Set([...before.columns.map((c) => c.name), ...after.columns.map((c) => c.name)])];
  const cell = (list: typeof before.columns, name: string) => list.find((c) => c.name === name);
  return (
    <div data-testid="before-after">
      <Text size="xs" mb={4}>
        Rows: {before.nRows} → {after.nRows} · {after.steps.length} cleaning step
        {after.steps.length === 1 ? '' : 's'}
      </Text>
      <Table fz="xs" verticalSpacing={2} horizontalSpacing={4} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>column</Table.Th>
            <Table.Th>missing before</Table.Th>
            <Table.Th>after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {names.map((name) => {
            const b = cell(before.columns, name);
            const a = cell(after.columns, name);
            return (
              <Table.Tr key={name}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{b ? b.missing : 'new'}</Table.Td>
                <Table.Td>
                  {a ? (
                    a.missing
                  ) : (
                    <Text span size="xs" c="red.8">
                      dropped
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
