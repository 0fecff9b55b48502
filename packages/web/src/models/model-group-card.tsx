import { Anchor, Badge, Button, Checkbox, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { ModelGroup, ModelSummary, Stage } from '../api/types';
import { formatDate } from '../components/format';
import { familyLabel } from '../leaderboard/scorers';
import { href } from '../routing/route';
import { formatMetric, keyMetric } from '../train/metrics';
import { StageMenu } from './stage-menu';

interface ModelGroupCardProps {
  group: ModelGroup;
  comparing: string[];
  downloading: string | null;
  onToggleCompare: (model: ModelSummary) => void;
  onStage: (model: ModelSummary, stage: Stage) => void;
  onDownload: (model: ModelSummary) => void;
  onReport: (model: ModelSummary) => void;
  onDelete: (model: ModelSummary) => void;
  onLineage: (model: ModelSummary) => void;
}

const SOURCES: Record<string, string> = {
  import: 'imported',
  leaderboard: 'from a leaderboard',
  tuning: 'from a tuning run',
};

/** One model name with all its versions, newest first. */
export function ModelGroupCard({
  group,
  comparing,
  downloading,
  onToggleCompare,
  onStage,
  onDownload,
  onReport,
  onDelete,
  onLineage,
}: ModelGroupCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="model-group" data-name={group.name}>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{group.name}</Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {group.versions.length} version{group.versions.length === 1 ? '' : 's'}
          </Text>
          {group.production ? (
            <Badge color="teal" variant="light">
              v{group.production.version} in production
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              nothing in production
            </Badge>
          )}
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={880}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>Version</Table.Th>
              <Table.Th miw={120}>Stage</Table.Th>
              <Table.Th>Family, task and data</Table.Th>
              <Table.Th>Key metric</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.versions.map((model) => {
              const metric = keyMetric(model.task, model.metrics);
              const checked = comparing.includes(model.id);
              return (
                <Table.Tr key={model.id} data-testid="model-row" data-version={model.version}>
                  <Table.Td>
                    <Checkbox
                      checked={checked}
                      disabled={!checked && comparing.length >= 2}
                      onChange={() => onToggleCompare(model)}
                      aria-label={`Compare v${model.version}`}
                      data-testid="compare-checkbox"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      v{model.version}
                    </Text>
                    {model.source && SOURCES[model.source] && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {SOURCES[model.source]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StageMenu model={model} onChange={(stage) => onStage(model, stage)} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{familyLabel(model.family)}</Text>
                    <Text size="xs" c="dimmed">
                      {model.task} of “{model.target}” on{' '}
                      <Anchor href={href({ page: 'dataset', id: model.datasetId })} size="xs">
                        {model.datasetName}
                      </Anchor>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {metric ? (
                      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        <Text span c="dimmed" size="sm">
                          {metric.label}
                        </Text>{' '}
                        {formatMetric(metric.value)}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(model.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {/* Two rows of actions at most, so the table fits beside the navigation without scrolling. */}
                    <Group gap={4} justify="flex-end" wrap="wrap" maw={240} ml="auto">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => onLineage(model)}
                        aria-label={`Lineage of ${model.name} v${model.version}`}
                        data-testid="lineage-button"
                      >
                        Lineage
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        component="a"
                        href={href({ page: 'predict', modelId: model.id })}
                      >
                        Predict
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => onReport(model)}
                        loading={downloading === `report:${model.id}`}
                        data-testid="download-report"
                      >
                        Report
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => onDownload(model)}
                        loading={downloading === model.id}
                        data-testid="download-model"
                      >
                        JSON
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => onDelete(model)}
                        aria-label={`Delete ${model.name} v${model.version}`}
                        data-testid="delete-model"
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
