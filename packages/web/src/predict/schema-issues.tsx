import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { IssueSeverity, SchemaIssue } from '../api/types';

const COLOR: Record<IssueSeverity, string> = { error: 'red', warning: 'orange', info: 'blue' };
const RANK: Record<IssueSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Sorted for reading: errors first, then by column. */
export function sortIssues(issues: SchemaIssue[]): SchemaIssue[] {
  return [...issues].sort(
    (a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3) || a.column.localeCompare(b.column),
  );
}

/** The schema check of an uploaded file against the model's training schema, one line per column issue. */
export function SchemaIssues({ issues }: { issues: SchemaIssue[] }) {
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
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>Severity</Table.Th>
              <Table.Th w={200}>Column</Table.Th>
              <Table.Th>What to do</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortIssues(issues).map((issue) => (
              <Table.Tr
                key={`${issue.column}:${issue.code}:${issue.message}`}
                data-testid="schema-issue"
                data-severity={issue.severity}
              >
                <Table.Td>
                  <Badge color={COLOR[issue.severity] ?? 'gray'} variant="light">
                    {issue.severity}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {issue.column}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{issue.message}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
