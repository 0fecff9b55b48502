import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { ThresholdGoal, ThresholdTuning } from '../api/types';
import { costSpec, thresholdSpec } from '../charts/threshold-spec';
import { VegaChart } from '../charts/vega-chart';
import { ErrorAlert } from '../components/error-alert';
import { formatMetric } from '../train/metrics';

type GoalMetric = ThresholdGoal['metric'];

const GOALS: { value: GoalMetric; label: string }[] = [
  { value: 'f1', label: 'Best F1' },
  { value: 'recall_at_precision', label: 'Recall at precision' },
  { value: 'min_cost', label: 'Lowest cost' },
];

function goalQuery(goal: ThresholdGoal): string {
  const params = new URLSearchParams({ metric: goal.metric });
  if (goal.metric === 'recall_at_precision') params.set('minPrecision', String(goal.minPrecision));
  if (goal.metric === 'min_cost') {
    params.set('costFalsePositive', String(goal.costFalsePositive));
    params.set('costFalseNegative', String(goal.costFalseNegative));
  }
  return params.toString();
}

function describe(tuning: ThresholdTuning): string {
  const value = tuning.value === null ? 'no threshold meets the goal' : formatMetric(tuning.value);
  switch (tuning.goal.metric) {
    case 'f1':
      return `F1 ${value}`;
    case 'recall_at_precision':
      return `recall ${value} with precision ≥ ${tuning.goal.minPrecision}`;
    case 'min_cost':
      return `total cost ${value}`;
  }
}

interface ThresholdPanelProps {
  leaderboardId: string;
  family: string;
  tuning: ThresholdTuning;
  onTuned: (tuning: ThresholdTuning) => void;
}

/**
 * Picks the decision threshold for a goal from the out-of-fold probabilities of the training rows, and plots
 * how precision, recall and F1 move with it.
 */
export function ThresholdPanel({ leaderboardId, family, tuning, onTuned }: ThresholdPanelProps) {
  const [metric, setMetric] = useState<GoalMetric>(tuning.goal.metric);
  const [minPrecision, setMinPrecision] = useState<number | string>(0.5);
  const [costFp, setCostFp] = useState<number | string>(1);
  const [costFn, setCostFn] = useState<number | string>(5);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const spec = useMemo(() => thresholdSpec(tuning.curve, tuning.threshold), [tuning]);
  const cost = useMemo(
    () => (tuning.goal.metric === 'min_cost' ? costSpec(tuning.curve, tuning.threshold) : null),
    [tuning],
  );

  const tune = async () => {
    const goal: ThresholdGoal =
      metric === 'recall_at_precision'
        ? { metric, minPrecision: Number(minPrecision) }
        : metric === 'min_cost'
          ? { metric, costFalsePositive: Number(costFp), costFalseNegative: Number(costFn) }
          : { metric: 'f1' };
    setBusy(true);
    setError(null);
    try {
      onTuned(
        await api.get<ThresholdTuning>(
          `/api/leaderboards/${encodeURIComponent(leaderboardId)}/threshold?family=${encodeURIComponent(family)}&${goalQuery(goal)}`,
        ),
      );
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="threshold-panel">
      <Stack gap="sm">
        <Title order={4}>Decision threshold</Title>
        <Text size="sm" c="dimmed">
          Predict “{tuning.positiveClass}” when its probability is at least the threshold. Chosen from
          out-of-fold predictions on the training rows, never the holdout.
        </Text>
        <Group align="flex-end">
          <SegmentedControl
            data={GOALS}
            value={metric}
            onChange={(v) => setMetric(v as GoalMetric)}
            size="xs"
          />
          {metric === 'recall_at_precision' && (
            <NumberInput
              label="Minimum precision"
              value={minPrecision}
              onChange={setMinPrecision}
              min={0}
              max={1}
              step={0.05}
              decimalScale={2}
              w={160}
            />
          )}
          {metric === 'min_cost' && (
            <>
              <NumberInput
                label="Cost of a false positive"
                value={costFp}
                onChange={setCostFp}
                min={0}
                w={180}
              />
              <NumberInput
                label="Cost of a false negative"
                value={costFn}
                onChange={setCostFn}
                min={0}
                w={180}
              />
            </>
          )}
          <Button variant="default" onClick={tune} loading={busy} data-testid="tune-threshold-button">
            Tune threshold
          </Button>
        </Group>
        <ErrorAlert error={error} title="Could not tune the threshold" onClose={() => setError(null)} />
        <Text size="sm" data-testid="threshold-value" data-threshold={tuning.threshold}>
          Threshold <b>{tuning.threshold.toFixed(2)}</b>: {describe(tuning)}
        </Text>
        <VegaChart
          spec={spec}
          label="Precision, recall and F1 by decision threshold"
          data-testid="threshold-chart"
        />
        {cost && <VegaChart spec={cost} label="Total cost by decision threshold" />}
      </Stack>
    </Paper>
  );
}
