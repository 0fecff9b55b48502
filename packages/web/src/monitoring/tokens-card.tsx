import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  SegmentedControl,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import type { ApiToken } from './types';

/**
 * API tokens for the services that call the predict routes: create one (shown once — only its hash is kept),
 * see which exist, revoke one at once. 'predict' tokens open the predict routes only.
 */
export function TokensCard() {
  const tokens = useRequest('tokens', (signal) =>
    api.get<{ tokens: ApiToken[] }>('/api/tokens', { signal }).then((r) => r.tokens),
  );
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiToken['scope']>('predict');
  const [created, setCreated] = useState<(ApiToken & { token: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      tokens.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const create = () =>
    run(async () => {
      setCreated(await api.post<ApiToken & { token: string }>('/api/tokens', { name: name.trim(), scope }));
      setName('');
    });

  return (
    <Paper withBorder p="md" radius="md" data-testid="tokens-card">
      <Title order={3} size="h4" mb={4}>
        API tokens
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Services send one as <Code>Authorization: Bearer …</Code>. A “predict” token can only call the predict
        routes; an “admin” token can do everything the studio can.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Who will use it"
          placeholder="checkout-service"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
          w={260}
          data-testid="token-name"
        />
        <SegmentedControl
          data={[
            { value: 'predict', label: 'predict only' },
            { value: 'admin', label: 'admin' },
          ]}
          value={scope}
          onChange={(v) => setScope(v as ApiToken['scope'])}
        />
        <Button disabled={name.trim() === ''} loading={busy} onClick={create} data-testid="token-create">
          Create token
        </Button>
      </Group>
      {created && (
        <Alert
          color="teal"
          variant="light"
          mt="sm"
          title={`Token for “${created.name}” — copy it now`}
          data-testid="token-created"
        >
          <Group gap="xs" wrap="nowrap">
            <Code style={{ wordBreak: 'break-all' }}>{created.token}</Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" mt={4}>
            It is not shown again: Quarry keeps only its hash.
          </Text>
        </Alert>
      )}
      <ErrorAlert error={tokens.error ?? error} mt="sm" />
      {tokens.data && tokens.data.length > 0 && (
        <Table withTableBorder mt="sm" aria-label="API tokens" data-testid="tokens-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Scope</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={t.scope === 'admin' ? 'orange' : 'blue'}>
                    {t.scope}
                  </Badge>
                </Table.Td>
                <Table.Td>{new Date(t.createdAt).toLocaleString()}</Table.Td>
                <Table.Td>
                  {t.revokedAt ? `revoked ${new Date(t.revokedAt).toLocaleString()}` : 'live'}
                </Table.Td>
                <Table.Td>
                  {!t.revokedAt && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      disabled={busy}
                      onClick={() => run(async () => void (await api.delete(`/api/tokens/${t.id}`)))}
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
