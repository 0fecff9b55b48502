import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import type { Leaderboard, LeaderboardRow, MetricStats } from '../api/types';
import { formatMetric } from '../train/metrics';
import { familyLabel, scorerLabel, shownScore } from './scorers';

/** "0.692 ± 0.009": the CV mean (losses shown positive) and the standard deviation over folds. */
export function meanStd(metric: string, stats: MetricStats | undefined): string {
  const mean = shownScore(metric, stats?.mean);
  if (mean === null) return '—';
  const std = stats?.std;
  return std === null || std === undefined || !Number.isFinite(std)
    ? formatMetric(mean)
    : `${formatMetric(mean)} ± ${formatMetric(std)}`;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(1)} s`;
}

function Flags({ row, leader }: { row: LeaderboardRow; leader: string }) {
  const { flags } = row;
  return (
    <Group gap={4}>
      {row.status === 'failed' && (
        <Tooltip label={row.error ?? 'This family failed'} multiline w={260}>
          <Badge color="red" variant="light" data-testid="flag-failed">
            failed
          </Badge>
        </Tooltip>
      )}
      {flags.isLeader && (
        <Badge color="teal" variant="filled" data-testid="flag-leader">
          leader
        </Badge>
      )}
      {flags.isBaseline && (
        <Badge color="gray" variant="light" data-testid="flag-baseline">
          baseline
        </Badge>
      )}
      {!flags.isBaseline && flags.notBetterThanBaseline && (
        <Tooltip
          label={`Not significantly better than the baseline over the folds (p = ${row.vsBaseline?.pValue.toPrecision(2) ?? '—'})`}
          multiline
          w={260}
        >
          <Badge color="red" variant="light" data-testid="flag-not-better-than-baseline">
            not better than baseline
          </Badge>
        </Tooltip>
      )}
      {!flags.isLeader && !flags.isBaseline && flags.tiedWithLeader && (
        <Tooltip
          label={`${familyLabel(leader)} is not significantly better than this one over the folds (p = ${row.vsLeader?.pValue.toPrecision(2) ?? '—'})`}
          multiline
          w={260}
        >
          <Badge color="yellow" variant="light" data-testid="flag-not-better-than-leader">
            tied with leader
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

interface LeaderboardTableProps {
  leaderboard: Leaderboard;
  selected: string | null;
  onSelect: (row: LeaderboardRow) => void;
}

/**
 * One row per family, best first: the primary metric's CV mean ± std, the holdout score, the fit time, the
 * paired-test flags and the choice first (visible without scrolling), then the other metrics. The dummy row is
 * the bar every model has to clear.
 */
export function LeaderboardTable({ leaderboard, selected, onSelect }: LeaderboardTableProps) {
  const primary = leaderboard.metric;
  const others = leaderboard.metrics.filter((m) => m !== primary);
  return (
    <Table.ScrollContainer minWidth={1400}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="leaderboard" data-metric={primary}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">#</Table.Th>
            <Table.Th miw={200}>Family</Table.Th>
            <Table.Th>{scorerLabel(primary)} (CV)</Table.Th>
            <Table.Th>Holdout</Table.Th>
            <Table.Th ta="right">Fit time</Table.Th>
            <Table.Th miw={190}>Flags</Table.Th>
            <Table.Th />
            {others.map((m) => (
              <Table.Th key={m}>{scorerLabel(m)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leaderboard.rows.map((row) => {
            const holdout = shownScore(primary, row.holdout[primary]);
            return (
              <Table.Tr
                key={row.family}
                data-testid={row.flags.isBaseline ? 'baseline-row' : 'leaderboard-row'}
                data-family={row.family}
                bg={row.family === selected ? 'var(--mantine-color-teal-light)' : undefined}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                <Table.Td ta="right">{row.status === 'ok' ? row.rank : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {familyLabel(row.family)}
                  </Text>
                  {row.notes.map((note) => (
                    <Text key={note} size="xs" c="dimmed">
                      {note}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600} data-testid="primary-score">
                  {meanStd(primary, row.metrics[primary])}
                </Table.Td>
                <Table.Td>{holdout === null ? '—' : formatMetric(holdout)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatSeconds(row.fitSeconds.mean)}
                </Table.Td>
                <Table.Td>
                  <Flags row={row} leader={leaderboard.leader} />
                </Table.Td>
                <Table.Td>
                  {row.status === 'ok' && !row.flags.isBaseline && (
                    <Button
                      size="compact-sm"
                      variant={row.family === selected ? 'filled' : 'default'}
                      onClick={() => onSelect(row)}
                      data-testid="select-row"
                    >
                      {row.family === selected ? 'Chosen' : 'Choose'}
                    </Button>
                  )}
                </Table.Td>
                {others.map((m) => (
                  <Table.Td key={m} style={{ whiteSpace: 'nowrap' }}>
                    <Text size="xs">{meanStd(m, row.metrics[m])}</Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
