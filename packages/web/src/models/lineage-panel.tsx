import { Anchor, Badge, Center, Drawer, Group, List, Loader, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { api } from '../api/client';
import type { MetricKey, ModelDetail } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { formatDate } from '../components/format';
import { familyLabel } from '../leaderboard/scorers';
import { href } from '../routing/route';
import { HoldoutCoverage } from '../train/holdout-coverage';
import { formatMetric, METRICS, metricsInOrder } from '../train/metrics';
import { cvText, decisionText, imbalanceText, originText, paramText, splitText } from './lineage-text';
import { STAGE_COLOR } from './stage';

function Hash({ value }: { value: string | undefined }) {
  if (!value) return <Text size="sm">—</Text>;
  return (
    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
      {value}
    </Text>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Table.Tr data-testid={testId}>
      <Table.Th w={190} style={{ verticalAlign: 'top' }}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Everything one version was made from, in words: data and its hash, pipeline, parameters, seed, split, folds. */
function LineageTable({ model }: { model: ModelDetail }) {
  const lineage = model.lineage;
  const params = Object.entries(lineage?.params ?? model.params ?? {});
  const metrics = metricsInOrder(model.task, lineage?.metrics ?? model.metrics);
  return (
    <Table verticalSpacing={6} withRowBorders data-testid="lineage-table">
      <Table.Tbody>
        <Row label="Origin">
          <Text size="sm">
            {originText(model)} · {formatDate(model.createdAt)}
          </Text>
        </Row>
        <Row label="Data set" testId="lineage-dataset">
          {lineage ? (
            <Text size="sm">
              <Anchor href={href({ page: 'dataset', id: lineage.dataset.id })} size="sm">
                {lineage.dataset.name}
              </Anchor>{' '}
              version {lineage.dataset.version} · {lineage.dataset.nRows.toLocaleString('en-US')} rows ·
              target “{lineage.target}”
            </Text>
          ) : (
            <Text size="sm">
              {model.datasetName} · target “{model.target}”
            </Text>
          )}
        </Row>
        <Row label="Data content SHA-256">
          <Hash value={lineage?.dataset.contentSha256} />
        </Row>
        {lineage?.recipe && (
          <Row label="Cleaning recipe">
            <Text size="sm">
              {lineage.recipe.steps.length} step{lineage.recipe.steps.length === 1 ? '' : 's'} on the upload
              (data-set version {lineage.recipe.version})
            </Text>
          </Row>
        )}
        <Row label="Pipeline" testId="lineage-pipeline">
          <Text size="sm" fw={500}>
            {familyLabel(model.family)}
          </Text>
          <List size="xs" spacing={2} ff="monospace">
            {(lineage?.pipeline.steps ?? []).map((step) => (
              <List.Item key={step} style={{ wordBreak: 'break-word' }}>
                {step}
              </List.Item>
            ))}
          </List>
        </Row>
        <Row label="Parameters" testId="lineage-params">
          {params.length === 0 ? (
            <Text size="sm" c="dimmed">
              the family's defaults
            </Text>
          ) : (
            <Group gap={6}>
              {params.map(([name, value]) => (
                <Badge key={name} variant="light" color="gray" tt="none" fw={500} ff="monospace">
                  {name} = {paramText(value)}
                </Badge>
              ))}
            </Group>
          )}
        </Row>
        <Row label="Seed">
          <Text size="sm">{lineage?.seed ?? model.seed}</Text>
        </Row>
        <Row label="Split" testId="lineage-split">
          <Text size="sm">{lineage ? splitText(lineage.split) : '—'}</Text>
          {lineage && (
            <Text size="xs" c="dimmed">
              holdout rows SHA-256 <Hash value={lineage.split.testRowsSha256} />
            </Text>
          )}
        </Row>
        <Row label="Cross-validation" testId="lineage-cv">
          <Text size="sm">{lineage ? cvText(lineage.cv) : '—'}</Text>
          {lineage?.cv && (
            <Text size="xs" c="dimmed">
              fold assignment SHA-256 <Hash value={lineage.cv.assignmentSha256} />
            </Text>
          )}
        </Row>
        <Row label="Class imbalance">
          <Text size="sm">{imbalanceText(lineage?.imbalance ?? null)}</Text>
        </Row>
        <Row label="Decision" testId="lineage-decision">
          <Text size="sm">{decisionText(model)}</Text>
        </Row>
        <Row label="Holdout metrics" testId="lineage-metrics">
          <Group gap="md">
            {metrics.map(({ key, value }) => (
              <Text key={key} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Text span size="sm" c="dimmed">
                  {METRICS[key as MetricKey]?.label ?? key}
                </Text>{' '}
                {formatMetric(value)}
              </Text>
            ))}
          </Group>
        </Row>
        <Row label="Code version">
          <Text size="sm">{lineage?.codeVersion ?? model.codeVersion ?? '—'}</Text>
        </Row>
        <Row label="Model file SHA-256">
          <Hash value={model.sha256} />
        </Row>
      </Table.Tbody>
    </Table>
  );
}

/** A drawer with one version's full lineage (GET /api/models/:id). */
export function LineagePanel({ modelId, onClose }: { modelId: string | null; onClose: () => void }) {
  const detail = useRequest(modelId ? `model:${modelId}` : null, (signal) =>
    api.get<ModelDetail>(`/api/models/${encodeURIComponent(modelId ?? '')}`, { signal }),
  );
  const model = detail.data;
  return (
    <Drawer
      opened={modelId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        model ? (
          <Group gap="xs">
            <Text fw={700} size="lg">
              {model.name} v{model.version}
            </Text>
            <Badge color={STAGE_COLOR[model.stage ?? 'draft']} variant="light">
              {model.stage ?? 'draft'}
            </Badge>
          </Group>
        ) : (
          'Lineage'
        )
      }
    >
      <Stack gap="sm" data-testid="lineage-panel">
        <ErrorAlert error={detail.error} title="Could not load this version" />
        {detail.loading && !model && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
        {model && (
          <>
            <Text size="sm" c="dimmed">
              Everything this version was made from: enough to rebuild it, and to tell it apart from another
              version.
              {!model.lineage &&
                ' This version was saved before lineage was recorded, so only its basics are known.'}
            </Text>
            <LineageTable model={model} />
            <HoldoutCoverage model={model} />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
