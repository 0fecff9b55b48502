import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { VersionList } from '../api/types';
import { formatCount, formatDate } from '../components/format';
import { href } from '../routing/route';
import { describeStep } from './steps';
import { addedStep } from './versions';

/** Every version of the lineage, oldest first: what each step did and what it left. */
export function VersionHistory({ list, viewedId }: { list: VersionList; viewedId: string }) {
  const numberOf = new Map(list.versions.map((v) => [v.id, v.version]));
  return (
    <Table striped withTableBorder fz="sm" data-testid="version-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Version</Table.Th>
          <Table.Th>Step</Table.Th>
          <Table.Th ta="right">Rows × columns</Table.Th>
          <Table.Th>Made</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.versions.map((v) => {
          const step = addedStep(v);
          const parent = v.parentId ? numberOf.get(v.parentId) : undefined;
          const branched = parent !== undefined && parent !== v.version - 1;
          return (
            <Table.Tr
              key={v.id}
              data-testid="version-row"
              data-current={v.isCurrent ? 'true' : 'false'}
              data-version={v.version}
              fw={v.id === viewedId ? 600 : undefined}
            >
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">v{v.version}</Text>
                  {v.isCurrent && (
                    <Badge size="xs" color="teal" data-testid="version-current">
                      current
                    </Badge>
                  )}
                  {v.id === viewedId && !v.isCurrent && (
                    <Badge size="xs" color="gray" variant="light">
                      viewing
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {step ? describeStep(step) : 'The original upload (never changed)'}
                {branched && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (from v{parent})
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {formatCount(v.nRows)} × {formatCount(v.nCols)}
              </Table.Td>
              <Table.Td>{formatDate(v.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {v.id !== viewedId && (
                    <Anchor size="sm" href={href({ page: 'dataset', id: v.id, tab: 'clean' })}>
                      Open
                    </Anchor>
                  )}
                  <Anchor
                    size="sm"
                    href={href({ page: 'train', datasetId: v.id })}
                    data-testid="version-train"
                  >
                    Train
                  </Anchor>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
