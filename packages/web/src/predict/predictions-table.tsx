import { Table, Text } from '@mantine/core';
import type { PredictionResult } from '../api/types';
import { cellText, formatCount } from '../components/format';

/** The first rows of the predictions (the server sends up to 100), as text. */
export function PredictionsTable({ result }: { result: PredictionResult }) {
  // What the model added comes first (highlighted); the input columns follow, as uploaded.
  const added = new Set(result.predictionColumns ?? []);
  const order = [
    ...result.columns.flatMap((c, j) => (added.has(c) ? [j] : [])),
    ...result.columns.flatMap((c, j) => (added.has(c) ? [] : [j])),
  ];
  return (
    <div>
      <Text size="sm" c="dimmed" mb="xs">
        {result.rows.length < result.nRows
          ? `The first ${formatCount(result.rows.length)} of ${formatCount(result.nRows)} rows. Download the CSV for all of them.`
          : `${formatCount(result.nRows)} rows.`}
      </Text>
      <Table.ScrollContainer minWidth={480} maxHeight={480}>
        <Table striped stickyHeader data-testid="predictions-table" fz="sm">
          <Table.Thead>
            <Table.Tr>
              {order.map((j) => (
                <Table.Th
                  key={result.columns[j]}
                  style={{ whiteSpace: 'nowrap' }}
                  bg={added.has(result.columns[j]) ? 'var(--mantine-primary-color-light)' : undefined}
                >
                  {result.columns[j]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows.map((row, i) => (
              // Rows have no id; their position is their identity in this read-only table.
              // biome-ignore lint/suspicious/noArrayIndexKey: static rows
              <Table.Tr key={i}>
                {order.map((j) => {
                  const { text, missing, numeric } = cellText(row[j]);
                  return (
                    <Table.Td
                      key={result.columns[j]}
                      ta={numeric ? 'right' : undefined}
                      c={missing ? 'dimmed' : undefined}
                      style={{
                        whiteSpace: 'nowrap',
                        fontVariantNumeric: numeric ? 'tabular-nums' : undefined,
                      }}
                    >
                      {text}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
