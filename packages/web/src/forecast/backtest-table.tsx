import { Badge, Table, Text } from '@mantine/core';
import type { ModelScore, SeriesRecord } from './types';

const fmt = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

/** One series' backtest: every model on the same folds, best first, the chosen one marked. */
export function BacktestTable({ series }: { series: SeriesRecord }) {
  const result = series.result;
  if (!result) return null;
  const rows: ModelScore[] = [...result.scores].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  if (result.combination) rows.push(result.combination);
  return (
    <Table striped withTableBorder data-testid="backtest-table" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Model</Table.Th>
          <Table.Th ta="right">Rank</Table.Th>
          <Table.Th ta="right">MASE</Table.Th>
          <Table.Th ta="right">sMAPE %</Table.Th>
          <Table.Th ta="right">MAE</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((s) => {
          const chosen = s.model === result.chosen;
          return (
            <Table.Tr key={s.model} data-chosen={chosen || undefined} fw={chosen ? 600 : undefined}>
              <Table.Td>
                {s.model}{' '}
                {chosen && (
                  <Badge size="xs" color="teal" data-testid="chosen-badge">
                    chosen
                  </Badge>
                )}
                {s.status === 'failed' && (
                  <Text span size="xs" c="red" title={s.error ?? ''}>
                    failed
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{s.rank ?? '–'}</Table.Td>
              <Table.Td ta="right">{fmt(s.mase)}</Table.Td>
              <Table.Td ta="right">{fmt(s.smape, 2)}</Table.Td>
              <Table.Td ta="right">{fmt(s.mae)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
