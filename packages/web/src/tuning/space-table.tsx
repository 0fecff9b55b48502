import { Checkbox, Group, Table, Text, TextInput } from '@mantine/core';
import type { SpaceParam } from '../api/types';
import { boundsText, type ParamEdit, type SpaceEdit, usesRange } from './space-edit';

interface SpaceTableProps {
  space: Record<string, SpaceParam>;
  edit: SpaceEdit;
  search: 'grid' | 'random';
  errors: Record<string, string>;
  onChange: (name: string, edit: ParamEdit) => void;
}

/**
 * The search space, editable within the documented bounds: per parameter whether it is searched, and its values
 * (a list) or, for random search, the low and high of its distribution. Out-of-bound values are marked here;
 * the server checks them again (422 BAD_SEARCH_SPACE).
 */
export function SpaceTable({ space, edit, search, errors, onChange }: SpaceTableProps) {
  const names = Object.keys(space);
  if (names.length === 0) return <Text c="dimmed">This family has nothing to tune.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={6} data-testid="space-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>Parameter</Table.Th>
            <Table.Th miw={280}>{search === 'grid' ? 'Values tried' : 'Searched over'}</Table.Th>
            <Table.Th>Allowed</Table.Th>
            <Table.Th>What it does</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {names.map((name) => {
            const param = space[name];
            const e = edit[name];
            if (!param || !e) return null;
            const error = errors[name];
            const set = (patch: Partial<ParamEdit>) => onChange(name, { ...e, ...patch });
            return (
              <Table.Tr key={name} data-testid="space-row" data-param={name}>
                <Table.Td>
                  <Checkbox
                    checked={e.searched}
                    onChange={(event) => set({ searched: event.currentTarget.checked })}
                    aria-label={`Search ${name}`}
                    data-testid="space-searched"
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" c={e.searched ? undefined : 'dimmed'}>
                    {name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {!e.searched ? (
                    <Text size="xs" c="dimmed">
                      not searched (the family's default)
                    </Text>
                  ) : usesRange(param, search) ? (
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <TextInput
                        size="xs"
                        w={90}
                        value={e.low}
                        onChange={(event) => set({ low: event.currentTarget.value })}
                        aria-label={`${name} low`}
                        error={Boolean(error)}
                        data-testid="space-low"
                      />
                      <Text size="xs" pt={6}>
                        to
                      </Text>
                      <TextInput
                        size="xs"
                        w={90}
                        value={e.high}
                        onChange={(event) => set({ high: event.currentTarget.value })}
                        aria-label={`${name} high`}
                        error={Boolean(error)}
                        data-testid="space-high"
                      />
                      <Text size="xs" c="dimmed" pt={6} style={{ whiteSpace: 'nowrap' }}>
                        {param.distribution?.type === 'randint'
                          ? 'whole numbers, high excluded'
                          : param.distribution?.type === 'loguniform'
                            ? 'log scale'
                            : 'uniform'}
                      </Text>
                    </Group>
                  ) : (
                    <TextInput
                      size="xs"
                      value={e.values}
                      onChange={(event) => set({ values: event.currentTarget.value })}
                      aria-label={`${name} values`}
                      description="comma-separated"
                      error={Boolean(error)}
                      data-testid="space-values"
                    />
                  )}
                  {error && (
                    <Text size="xs" c="red" mt={2} data-testid="space-error">
                      {error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                    {boundsText(param)}
                  </Text>
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
