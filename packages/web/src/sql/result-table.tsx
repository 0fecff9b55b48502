import { ScrollArea, Table, Text } from '@mantine/core';
import type { SqlResult } from '../api/types';
import { cellText } from '../components/format';

/** A query's result as a plain table: every value rendered as text. */
export function ResultTable({ result }: { result: SqlResult }) {
  if (result.columns.length === 0) return <Text c="dimmed">The query returned no columns.</Text>;
  return (
    <ScrollArea.Autosize mah={480} type="auto">
      <Table striped withTableBorder withColumnBorders fz="sm" stickyHeader data-testid="sql-result">
        <Table.Thead>
          <Table.Tr>
            {result.columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a result may repeat a column name
              <Table.Th key={i} title={c.type}>
                {c.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: result rows have no id
            <Table.Tr key={r} data-testid="sql-row">
              {result.columns.map((_, i) => {
                const cell = cellText(row[i]);
                return (
                  <Table.Td
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    key={i}
                    c={cell.missing ? 'dimmed' : undefined}
                    ta={cell.numeric ? 'right' : undefined}
                  >
                    {cell.text}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
