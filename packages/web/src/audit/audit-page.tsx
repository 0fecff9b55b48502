import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import type { AuditEntry } from './types';

const PAGE = 50;

const ACTION_LABEL: Record<AuditEntry['action'], string> = {
  upload: 'Upload',
  import: 'Import',
  delete: 'Deletion',
  promote: 'Promotion',
  'token.success': 'Token accepted',
  'token.failure': 'Wrong token',
  refused: 'Refused',
};

/**
 * The audit log: uploads, imports, deletions, promotions to production, token use and refused requests, newest
 * first, 50 at a time ("Older" pages back with ?before=). Read-only: the log is append-only on the server.
 */
export function AuditPage() {
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before.at(-1);
  const entries = useRequest(`audit:${cursor ?? ''}`, (signal) =>
    api
      .get<{ entries: AuditEntry[] }>(`/api/audit?limit=${PAGE}${cursor ? `&before=${cursor}` : ''}`, {
        signal,
      })
      .then((r) => r.entries),
  );
  const rows = entries.data ?? [];

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" data-testid="audit-page">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={3} size="h4">
              Audit log
            </Title>
            <Text size="sm" c="dimmed">
              What changed data or models, who used the access token, and which requests were refused. Tokens
              are never recorded.
            </Text>
          </div>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => entries.reload()}>
              Refresh
            </Button>
          </Group>
        </Group>
        {entries.error ? <ErrorAlert error={entries.error} /> : null}
        {!entries.loading && rows.length === 0 && !entries.error ? (
          <Text size="sm" c="dimmed" data-testid="audit-empty">
            Nothing recorded yet.
          </Text>
        ) : null}
        {rows.length > 0 ? (
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Request</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>From</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{new Date(r.at).toLocaleString()}</Table.Td>
                    <Table.Td>
                      <Badge color={r.outcome === 'ok' ? 'teal' : 'red'} variant="light">
                        {ACTION_LABEL[r.action] ?? r.action}
                      </Badge>
                      {r.code ? (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {r.code}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {r.method} {r.route}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {r.target ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.remote ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Group justify="flex-end" mt="sm" gap="xs">
          <Button
            variant="default"
            size="xs"
            disabled={before.length === 0}
            onClick={() => setBefore(before.slice(0, -1))}
          >
            Newer
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={rows.length < PAGE}
            onClick={() => setBefore([...before, rows[rows.length - 1].id])}
          >
            Older
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
