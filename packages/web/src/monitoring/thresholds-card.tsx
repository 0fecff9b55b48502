import { Button, Group, NumberInput, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import type { Thresholds } from './types';

/** Each threshold with what it means, in the words a person deciding it needs. */
const FIELDS: {
  key: keyof Thresholds;
  label: string;
  help: string;
  step: number;
  min: number;
  max: number;
}[] = [
  {
    key: 'psi',
    label: 'PSI',
    help: 'Population stability index at which a feature drifts (0.1 watch, 0.2 usual).',
    step: 0.05,
    min: 0.01,
    max: 10,
  },
  {
    key: 'pValue',
    label: 'p-value',
    help: 'A KS or chi-square test this significant…',
    step: 0.005,
    min: 0.0001,
    max: 0.5,
  },
  {
    key: 'ks',
    label: 'KS statistic',
    help: '…and a numeric gap at least this large drifts.',
    step: 0.05,
    min: 0.01,
    max: 1,
  },
  {
    key: 'cramersV',
    label: "Cramér's V",
    help: '…or a categorical effect at least this large.',
    step: 0.05,
    min: 0.01,
    max: 1,
  },
  {
    key: 'minRows',
    label: 'Minimum rows',
    help: 'Fewer logged rows give no verdict: too few to tell drift from noise.',
    step: 10,
    min: 1,
    max: 1_000_000,
  },
  {
    key: 'performanceDrop',
    label: 'Performance drop',
    help: 'Worse than the holdout by this fraction raises an alert.',
    step: 0.05,
    min: 0.01,
    max: 1,
  },
];

/** The drift and performance thresholds of one model name (all its versions), editable in place. */
export function ThresholdsCard({
  name,
  thresholds,
  onSaved,
}: {
  name: string;
  thresholds: Thresholds;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<Thresholds>(thresholds);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setDraft(thresholds), [thresholds]);
  const changed = FIELDS.some((f) => draft[f.key] !== thresholds[f.key]);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.put(`/api/models/${encodeURIComponent(name)}/monitoring/thresholds`, draft);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="thresholds-card">
      <Title order={3} size="h4" mb={4}>
        Thresholds
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        When a feature counts as drifted and a metric as dropped, for every version of “{name}”.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {FIELDS.map((f) => (
          <NumberInput
            key={f.key}
            label={f.label}
            description={f.help}
            value={draft[f.key]}
            step={f.step}
            min={f.min}
            max={f.max}
            decimalScale={f.key === 'minRows' ? 0 : 4}
            onChange={(v) => setDraft((d) => ({ ...d, [f.key]: typeof v === 'number' ? v : d[f.key] }))}
            data-testid={`threshold-${f.key}`}
          />
        ))}
      </SimpleGrid>
      <ErrorAlert error={error} />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" disabled={!changed || saving} onClick={() => setDraft(thresholds)}>
          Reset
        </Button>
        <Button disabled={!changed} loading={saving} onClick={save} data-testid="thresholds-save">
          Save thresholds
        </Button>
      </Group>
    </Paper>
  );
}
