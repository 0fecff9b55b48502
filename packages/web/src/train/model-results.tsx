import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ModelDetail } from '../api/types';
import { formatCount, formatPercent } from '../components/format';
import { href } from '../routing/route';
import { ConfusionMatrix } from './confusion-matrix';
import { HoldoutCoverage } from './holdout-coverage';
import { MetricCards } from './metric-cards';
import { ModelCharts } from './model-charts';

const SPLITS = {
  stratified: 'stratified split',
  random: 'random split',
  rows: 'split by row order',
} as const;

export function ModelResults({ model }: { model: ModelDetail }) {
  const { split } = model;
  return (
    <Stack gap="md" data-testid="model-results">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>
            {model.name}{' '}
            <Text span c="dimmed" inherit>
              v{model.version}
            </Text>
          </Title>
          <Text size="sm" c="dimmed">
            {model.task} · {model.family} · target “{model.target}” · trained on {formatCount(split.nTrain)}{' '}
            rows, scored on {formatCount(split.nTest)} holdout rows ({formatPercent(split.testSize)},{' '}
            {SPLITS[split.strategy] ?? split.strategy}) · seed {model.seed}
          </Text>
        </div>
        <Group gap="xs">
          <Button component="a" href={href({ page: 'predict', modelId: model.id })}>
            Predict with this model
          </Button>
          <Button component="a" variant="default" href={href({ page: 'models' })}>
            All models
          </Button>
        </Group>
      </Group>
      <ModelChoice model={model} />
      <MetricCards task={model.task} metrics={model.metrics} />
      <HoldoutCoverage model={model} />
      {model.confusionMatrix && model.confusionMatrix.labels.length > 0 && (
        <ConfusionMatrix confusion={model.confusionMatrix} nTest={split.nTest} />
      )}
      <ModelCharts modelId={model.id} />
    </Stack>
  );
}

const FAMILY_NAMES: Record<string, string> = {
  linear: 'linear',
  gbdt: 'gradient boosting',
  forest: 'random forest',
  extra_trees: 'extra trees',
  ensemble: 'ensemble',
  tree: 'decision tree',
  knn: 'k-nearest neighbours',
  nb: 'naive Bayes',
  dummy: 'baseline (dummy)',
};

/** How 'auto' chose: the cross-validation score of each family, and the ensemble's weights when it won. */
function ModelChoice({ model }: { model: ModelDetail }) {
  const scores = model.familyScores;
  if (!scores) return null;
  if (model.source === 'tuning') {
    const [score] = Object.values(scores);
    return (
      <Text size="sm" data-testid="model-choice">
        A trial of a hyperparameter search: its mean cross-validation score on the training rows was{' '}
        {score === undefined ? '—' : score.toPrecision(4)} (by the search's metric).
      </Text>
    );
  }
  const metric = model.task === 'regression' ? 'RMSE' : 'ROC AUC';
  const shown = (v: number) => (model.task === 'regression' ? -v : v).toPrecision(4);
  return (
    <Text size="sm" data-testid="model-choice">
      Cross-validation on the training rows ({metric}):{' '}
      {Object.entries(scores)
        .map(([family, v]) => `${FAMILY_NAMES[family] ?? family} ${shown(v)}`)
        .join(' · ')}
      {model.members && model.members.length > 0
        ? `. Chosen: an ensemble of ${model.members.map((m) => `${FAMILY_NAMES[m.family] ?? m.family} (${Math.round(m.weight * 100)}%)`).join(', ')}.`
        : `. Chosen: ${FAMILY_NAMES[model.family] ?? model.family}.`}
    </Text>
  );
}
