import { Table, Text } from '@mantine/core';
import type { SpaceParam } from '../api/types';

function range(param: SpaceParam): string {
  const parts: string[] = [];
  if (param.values?.length) parts.push(`grid: ${param.values.map((v) => String(v)).join(', ')}`);
  if (param.distribution) {
    const { type, low, high } = param.distribution;
    parts.push(`random: ${type} ${low}…${high}`);
  }
  return parts.join(' · ') || '—';
}

/** The documented search space of a family: what each parameter does and the values searched. */
export function SpaceTable({ space }: { space: Record<string, SpaceParam> }) {
  const names = Object.keys(space);
  if (names.length === 0) return <Text c="dimmed">This family has nothing to tune.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} data-testid="space-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Parameter</Table.Th>
            <Table.Th>Searched</Table.Th>
            <Table.Th>What it does</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {names.map((name) => {
            const param = space[name];
            if (!param) return null;
            return (
              <Table.Tr key={name}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{range(param)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {param.description}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
