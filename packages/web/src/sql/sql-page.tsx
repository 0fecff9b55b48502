import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { DatasetSummary, SqlResult, SqlTable } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { formatCount } from '../components/format';
import { PageHeader } from '../components/page-header';
import { href } from '../routing/route';
import { ResultTable } from './result-table';
import { currentTables } from './tables';

const LIMIT = 1000;

export function SqlPage() {
  const tables = useRequest('sql:tables', (signal) =>
    api.get<{ tables: SqlTable[] }>('/api/sql/tables', { signal }).then((r) => r.tables),
  );
  const [query, setQuery] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SqlResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<DatasetSummary | null>(null);

  const run = async () => {
    setRunning(true);
    setError(null);
    setSaved(null);
    try {
      setResult(await api.post<SqlResult>('/api/sql', { query, limit: LIMIT }));
    } catch (reason) {
      setResult(null);
      setError(reason);
    } finally {
      setRunning(false);
    }
  };

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      setSaved(await api.post<DatasetSummary>('/api/sql/save', { query, name: name.trim() }));
      tables.reload();
    } catch (reason) {
      setSaveError(reason);
    } finally {
      setSaving(false);
    }
  };

  const current = currentTables(tables.data ?? []);

  return (
    <Stack gap="lg">
      <PageHeader
        title="SQL"
        description="Read-only queries over your data sets: one SELECT or WITH statement, in a sandbox with no file, network or extension access. Results show at most 1,000 rows; save a result to keep all of it as a new data set."
      />
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={3} size="h5">
            Tables
          </Title>
          {Boolean(tables.error) && <ErrorAlert error={tables.error} title="Could not list tables" />}
          {tables.data && current.length === 0 && (
            <Text size="sm" c="dimmed">
              No data sets yet: upload one on the <Anchor href={href({ page: 'data' })}>Data page</Anchor>.
            </Text>
          )}
          <Stack gap={6} data-testid="sql-tables">
            {current.map(({ table, versions }) => (
              <div key={table.name}>
                <Text size="sm">
                  <Code>{table.name}</Code> {table.datasetName} (current version, v{table.version}) —{' '}
                  <Text span c="dimmed" size="sm">
                    {table.columns.map((c) => c.name).join(', ')}
                  </Text>
                </Text>
                {versions.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Each version: {versions.join(', ')}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        </Stack>
      </Paper>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (query.trim()) void run();
        }}
      >
        <Stack gap="xs">
          <Textarea
            label="Query"
            placeholder="SELECT * FROM my_table LIMIT 10"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && query.trim()) {
                event.preventDefault();
                void run();
              }
            }}
            autosize
            minRows={4}
            maxRows={16}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="sql-query"
          />
          <Group>
            <Button type="submit" loading={running} disabled={!query.trim()} data-testid="sql-run">
              Run
            </Button>
            <Text size="xs" c="dimmed">
              Ctrl+Enter runs the query.
            </Text>
          </Group>
        </Stack>
      </form>
      {Boolean(error) && (
        <ErrorAlert
          error={error}
          title="The query did not run"
          data-testid="sql-error"
          onClose={() => setError(null)}
        />
      )}
      {result && (
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm" c="dimmed" data-testid="sql-summary">
              {formatCount(result.rows.length)} {result.rows.length === 1 ? 'row' : 'rows'} in{' '}
              {formatCount(Math.round(result.elapsedMs))} ms
            </Text>
            {result.truncated && (
              <Badge color="orange" variant="light">
                first {formatCount(LIMIT)} rows only
              </Badge>
            )}
          </Group>
          <ResultTable result={result} />
          <Group align="flex-end">
            <TextInput
              label="Save the whole result as a data set"
              placeholder="Name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              w={280}
              data-testid="sql-save-name"
            />
            <Button
              variant="light"
              onClick={() => void save()}
              loading={saving}
              disabled={!name.trim()}
              data-testid="sql-save"
            >
              Save as data set
            </Button>
          </Group>
          {Boolean(saveError) && (
            <ErrorAlert
              error={saveError}
              title="Could not save the result"
              onClose={() => setSaveError(null)}
            />
          )}
          {saved && (
            <Text size="sm" data-testid="sql-saved">
              Saved as <Anchor href={href({ page: 'dataset', id: saved.id })}>{saved.name}</Anchor> (
              {formatCount(saved.nRows)} rows).
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
