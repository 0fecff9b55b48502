import { ActionIcon, Badge, Button, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { ConfirmModal } from '../components/confirm-modal';
import { formatCount } from '../components/format';
import { type AnomalyRunSummary, DETECTOR_LABELS } from './types';

/**
 * The run a page opens when nobody picked one: the newest, or, when the page was opened for a data set, the
 * newest on that data set (none if it has none yet: a result on another table under its form would mislead).
 */
export function defaultRun(
  runs: readonly AnomalyRunSummary[] | undefined,
  datasetId?: string,
): AnomalyRunSummary | undefined {
  return datasetId === undefined ? runs?.[0] : runs?.find((r) => r.datasetId === datasetId);
}

/** Date and time to the second: two runs a minute apart must read differently. */
function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Columns in a few words: the first three by name, then how many more. */
function columnsText(columns: readonly string[]): string {
  const shown = columns.slice(0, 3).join(', ');
  return columns.length > 3 ? `${shown} +${columns.length - 3}` : shown;
}

/** A bin outline: the app has no icon set, and one small glyph does not warrant adding one. */
function TrashIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width={15}
      height={15}
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M4 7h16M10 11v6M14 11v6M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3" />
    </svg>
  );
}

/**
 * Every anomaly run, newest first, so a person who ran the detection twice (other columns, another share) can
 * go back to the first one. Each run keeps its own marks; the open one is highlighted. A mistaken or obsolete
 * run can be deleted (with its marks) after a confirmation; `onDeleted` tells the page once the server has.
 */
export function AnomalyHistory({
  runs,
  openId,
  onOpen,
  onDeleted,
}: {
  runs: readonly AnomalyRunSummary[];
  openId: string | null;
  onOpen: (id: string) => void;
  onDeleted: (id: string) => void;
}) {
  const [deleting, setDeleting] = useState<AnomalyRunSummary | null>(null);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="xs">
        Runs ({runs.length})
      </Title>
      <ScrollArea.Autosize mah={260} type="auto">
        <Table striped highlightOnHover aria-label="Anomaly runs" data-testid="anomaly-runs">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Data set</Table.Th>
              <Table.Th>Columns</Table.Th>
              <Table.Th>Share</Table.Th>
              <Table.Th>Rows analysed</Table.Th>
              <Table.Th>Flagged</Table.Th>
              <Table.Th>Detectors</Table.Th>
              <Table.Th>Marked</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((r, i) => {
              const open = r.id === openId;
              return (
                <Table.Tr
                  key={r.id}
                  data-run={r.id}
                  data-open={open || undefined}
                  bg={open ? 'var(--mantine-primary-color-light)' : undefined}
                >
                  <Table.Td>
                    {when(r.createdAt)}
                    {i === 0 && (
                      <Badge ml={6} size="xs" variant="light">
                        latest
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{r.datasetName}</Table.Td>
                  <Table.Td title={r.columns.join(', ')}>{columnsText(r.columns)}</Table.Td>
                  <Table.Td>{`${+(r.contamination * 100).toFixed(2)}%`}</Table.Td>
                  <Table.Td>
                    {formatCount(r.nAnalysed)}
                    {r.nAnalysed < r.nRows && (
                      <Text span size="xs" c="dimmed">
                        {` of ${formatCount(r.nRows)}`}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="anomaly-run-flagged">{formatCount(r.nFlagged)}</Table.Td>
                  <Table.Td
                    title={r.detectors
                      .map((d) => `${DETECTOR_LABELS[d.name] ?? d.name}: ${formatCount(d.flagged)} alone`)
                      .join('\n')}
                  >
                    {r.detectors.length}
                  </Table.Td>
                  <Table.Td>{r.nMarked > 0 ? formatCount(r.nMarked) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" justify="flex-end">
                      {open ? (
                        <Text
                          size="xs"
                          fw={700}
                          c="var(--mantine-primary-color-filled)"
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          Showing
                        </Text>
                      ) : (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => onOpen(r.id)}
                          aria-label={`Show the run of ${when(r.createdAt)} on ${r.datasetName}`}
                        >
                          Show
                        </Button>
                      )}
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting(r)}
                        aria-label={`Delete the run of ${when(r.createdAt)} on ${r.datasetName}`}
                        title="Delete this run"
                      >
                        <TrashIcon />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this anomaly run?"
        confirmLabel="Delete run"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`/api/anomalies/${encodeURIComponent(deleting.id)}`);
          onDeleted(deleting.id);
        }}
      >
        The run of {deleting ? when(deleting.createdAt) : ''} on “{deleting?.datasetName}” (
        {formatCount(deleting?.nFlagged ?? 0)} rows flagged
        {deleting && deleting.nMarked > 0 ? `, ${formatCount(deleting.nMarked)} marked by hand` : ''}) will be
        removed with its marks. The data set stays. This cannot be undone.
      </ConfirmModal>
    </Paper>
  );
}
