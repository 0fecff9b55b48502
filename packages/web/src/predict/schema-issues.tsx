import { Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { IssueSeverity, SchemaIssue } from '../api/types';
import { formatCount } from '../components/format';

const COLOR: Record<IssueSeverity, string> = { error: 'red', warning: 'orange', info: 'blue' };
const RANK: Record<IssueSeverity, number> = { error: 0, warning: 1, info: 2 };
const HEADING: Record<IssueSeverity, string> = {
  error: 'Errors — these block prediction',
  warning: 'Warnings — you can predict anyway, but trust these rows less',
  info: 'Notes',
};

/** Sorted for reading: errors first, then by column. */
export function sortIssues(issues: SchemaIssue[]): SchemaIssue[] {
  return [...issues].sort(
    (a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3) || a.column.localeCompare(b.column),
  );
}

/**
 * The schema-contract findings for an uploaded file, one table per severity (errors, warnings, notes), one
 * line per column finding: what was found, how many rows, examples, and what to do.
 */
export function SchemaIssues({ issues }: { issues: SchemaIssue[] }) {
  const groups = (['error', 'warning', 'info'] as const)
    .map((severity) => ({ severity, items: sortIssues(issues).filter((i) => i.severity === severity) }))
    .filter((g) => g.items.length > 0);
  return (
    <Paper withBorder radius="md" p="md" data-testid="schema-issues">
      <Title order={4} mb="xs">
        Schema check
      </Title>
      {issues.length === 0 ? (
        <Text size="sm" c="teal.8">
          The file matches the training schema: every column is there with the expected type.
        </Text>
      ) : (
        <Stack gap="md">
          {groups.map(({ severity, items }) => (
            <div key={severity} data-testid={`schema-group-${severity}`}>
              <Group gap="xs" mb={4}>
                <Badge color={COLOR[severity]} variant="light">
                  {items.length} {severity === 'info' ? 'note' : severity}
                  {items.length === 1 ? '' : 's'}
                </Badge>
                <Text size="sm" fw={500}>
                  {HEADING[severity]}
                </Text>
              </Group>
              <Table verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={180}>Column</Table.Th>
                    <Table.Th>What was found</Table.Th>
                    <Table.Th w={80}>Rows</Table.Th>
                    <Table.Th>What to do</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((issue) => (
                    <Table.Tr
                      key={`${issue.column}:${issue.code}:${issue.message}`}
                      data-testid="schema-issue"
                      data-severity={issue.severity}
                      data-code={issue.code}
                    >
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {issue.column}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{issue.message}</Text>
                        {issue.examples !== undefined && issue.examples.length > 0 && (
                          <Text size="xs" c="dimmed">
                            e.g.{' '}
                            {issue.examples.map((e) => (
                              <Code key={e} mr={4}>
                                {e}
                              </Code>
                            ))}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{issue.count ? formatCount(issue.count) : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{issue.suggestion ?? ''}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
