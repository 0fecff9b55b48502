import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ModelSummary } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import type { Challenger, ChallengerComparison } from './types';

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3));

/**
 * Champion / challenger for one model name: pick a second version and either give it a share of production
 * traffic ('split', chosen by a hash of each row's inputs, so the same row always goes the same way) or let it
 * score every row on the side ('shadow'), then compare the two once outcomes arrive.
 */
export function ChallengerCard({ name }: { name: string }) {
  const versions = useRequest(`versions:${name}`, (signal) =>
    api
      .get<{ models: ModelSummary[] }>('/api/models', { signal })
      .then((r) => r.models.filter((m) => m.name === name).sort((a, b) => a.version - b.version)),
  );
  const comparison = useRequest(`challenger:${name}`, (signal) =>
    api.get<ChallengerComparison>(`/api/models/${encodeURIComponent(name)}/challenger/compare`, { signal }),
  );
  const current = comparison.data?.challenger ?? null;
  const [draft, setDraft] = useState<Challenger | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setDraft(current), [current]);

  const production = versions.data?.find((m) => m.stage === 'production');
  const candidates = (versions.data ?? []).filter((m) => m.stage !== 'production');

  const save = async (challenger: Challenger | null) => {
    setSaving(true);
    setError(null);
    try {
      await api.put(`/api/models/${encodeURIComponent(name)}/challenger`, { challenger });
      comparison.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="challenger-card">
      <Title order={3} size="h4" mb={4}>
        Champion / challenger
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {production
          ? `Production (the champion) is v${production.version}. Requests to POST /api/models/${name}/production/predict can also reach a challenger.`
          : `“${name}” has no production version yet: promote one on the Models page first.`}
      </Text>
      <ErrorAlert error={versions.error ?? comparison.error ?? error} />
      {production && (
        <Group align="flex-end" gap="md">
          <Select
            label="Challenger version"
            placeholder={candidates.length === 0 ? 'No other version' : 'Pick a version'}
            data={candidates.map((m) => ({ value: String(m.version), label: `v${m.version} · ${m.family}` }))}
            value={draft ? String(draft.version) : null}
            onChange={(v) =>
              setDraft(
                v === null
                  ? null
                  : { version: Number(v), mode: draft?.mode ?? 'shadow', share: draft?.share ?? 0.1 },
              )
            }
            w={200}
            data-testid="challenger-version"
          />
          <SegmentedControl
            data={[
              { value: 'shadow', label: 'Shadow all traffic' },
              { value: 'split', label: 'Answer a share' },
            ]}
            value={draft?.mode ?? 'shadow'}
            disabled={draft === null}
            onChange={(mode) => draft && setDraft({ ...draft, mode: mode as Challenger['mode'] })}
          />
          {draft?.mode === 'split' && (
            <NumberInput
              label="Share answered by the challenger"
              value={Math.round(draft.share * 100)}
              suffix="%"
              min={1}
              max={100}
              onChange={(v) => typeof v === 'number' && setDraft({ ...draft, share: v / 100 })}
              w={220}
            />
          )}
          <Button
            loading={saving}
            disabled={draft === null || JSON.stringify(draft) === JSON.stringify(current)}
            onClick={() => save(draft)}
            data-testid="challenger-save"
          >
            Save
          </Button>
          {current && (
            <Button variant="default" color="red" disabled={saving} onClick={() => save(null)}>
              Stop challenging
            </Button>
          )}
        </Group>
      )}
      {current && (
        <Text size="sm" mt="sm" data-testid="challenger-current">
          v{current.version}{' '}
          {current.mode === 'shadow'
            ? 'scores every production row on the side (the champion answers).'
            : `answers ${Math.round(current.share * 100)}% of production rows.`}
        </Text>
      )}
      {comparison.data && comparison.data.arms.length > 0 ? (
        <Table
          withTableBorder
          mt="sm"
          aria-label="Champion against challenger"
          data-testid="challenger-compare"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Arm</Table.Th>
              <Table.Th>Rows with outcomes</Table.Th>
              <Table.Th>Accuracy</Table.Th>
              <Table.Th>MAE</Table.Th>
              <Table.Th>RMSE</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.data.arms.map((a) => (
              <Table.Tr key={`${a.version}-${a.arm}`}>
                <Table.Td>v{a.version}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={a.arm === 'champion' ? 'teal' : 'grape'}>
                    {a.arm}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.n}</Table.Td>
                <Table.Td>{fmt(a.accuracy)}</Table.Td>
                <Table.Td>{fmt(a.mae)}</Table.Td>
                <Table.Td>{fmt(a.rmse)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        current && (
          <Text size="sm" c="dimmed" mt="xs">
            No comparison yet: it appears once production traffic has outcomes (POST
            /api/predictions/outcomes).
          </Text>
        )
      )}
    </Paper>
  );
}
