import { SimpleGrid, Switch, Table, Text } from '@mantine/core';
import { bestDepth, MAX_DEPTH } from '@quarry/academy/curriculum/constants';
import { useMemo, useState } from 'react';
import { VegaChart } from '../../charts/vega-chart';
import { CommitSlider } from './commit-slider';
import { curveWithPointSpec, dotsSpec, groupedBarsSpec, linesSpec } from './lesson-specs';
import { Computing, Controls, fixed, percent, Stat, Stats, whole } from './part-kit';
import { useBoth, useComputed } from './use-computed';

/** Splits and leakage: the split boundary and the leaky column against the holdout AUC. */
export function LeakageSplitPart() {
  const [trainShare, setTrainShare] = useState(0.7);
  const [includeLeak, setIncludeLeak] = useState(false);
  const state = useComputed('leakageHoldout', [{ trainShare, includeLeak }]);
  const chart = useMemo(
    () =>
      state.value &&
      linesSpec(
        state.value.roc,
        { field: 'fpr', type: 'quantitative', title: 'False positive rate' },
        [{ field: 'tpr', label: 'ROC curve' }],
        'True positive rate',
        { domain: [0, 1] },
      ),
    [state.value],
  );
  return (
    <>
      <Controls>
        <CommitSlider
          label="Split boundary (share of rows for training)"
          value={trainShare}
          min={0.2}
          max={0.9}
          step={0.05}
          format={(v) => `${Math.round(v * 100)}%`}
          onCommit={setTrainShare}
          width={320}
        />
        <Switch
          label="Include retention_offer_made"
          checked={includeLeak}
          onChange={(e) => setIncludeLeak(e.currentTarget.checked)}
          color="orange"
          data-testid="lesson-switch"
        />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat label="Training rows" value={whole(d.trainRows)} />
              <Stat label="Holdout rows" value={whole(d.testRows)} />
              <Stat label="Holdout ROC AUC" value={fixed(d.auc)} />
              <Stat label="Verdict" value={d.auc > 0.95 ? 'too good: a leak' : 'plausible'} />
            </Stats>
            {chart && <VegaChart spec={chart} label="Holdout ROC curve" />}
          </>
        )}
      </Computing>
    </>
  );
}

/** Cross-validation: k against the fold scores' spread, beside 20 random holdouts. */
export function CvFoldsPart() {
  const [k, setK] = useState(5);
  const state = useBoth(useComputed('cvFoldScores', [k]), useComputed('holdoutSpread', [20]));
  const charts = useMemo(() => {
    if (!state.value) return undefined;
    const [cv, spread] = state.value;
    const domain: [number, number] = [0.68, 0.88];
    return {
      folds: dotsSpec(cv.foldScores, cv.mean, `ROC AUC of each of the ${cv.k} folds (line: mean)`, domain),
      holdouts: dotsSpec(
        spread.scores,
        spread.scores.reduce((a, b) => a + b, 0) / spread.scores.length,
        'ROC AUC of 20 different random 80/20 holdouts',
        domain,
      ),
    };
  }, [state.value]);
  return (
    <>
      <Controls>
        <CommitSlider label="Folds k" value={k} min={2} max={10} step={1} onCommit={setK} />
      </Controls>
      <Computing state={state}>
        {([cv, spread]) => (
          <>
            <Stats>
              <Stat label="Mean fold AUC" value={fixed(cv.mean)} />
              <Stat label="Spread (sd) of folds" value={fixed(cv.std)} />
              <Stat label="Rows per model" value={whole(cv.trainRows)} />
              <Stat label="One holdout could say" value={`${fixed(spread.min)} – ${fixed(spread.max)}`} />
            </Stats>
            {charts && (
              <>
                <VegaChart spec={charts.folds} label="Fold scores" />
                <VegaChart spec={charts.holdouts} label="Scores of random holdouts" />
              </>
            )}
          </>
        )}
      </Computing>
    </>
  );
}

/** Metrics: threshold, confusion matrix, precision and recall. */
export function ThresholdPart() {
  const [threshold, setThreshold] = useState(0.5);
  const state = useBoth(useComputed('thresholdMetrics', [threshold]), useComputed('churnPrCurve', []));
  const chart = useMemo(() => {
    if (!state.value) return undefined;
    const [m, curve] = state.value;
    return curveWithPointSpec(curve, {
      recall: m.recall,
      precision: Number.isNaN(m.precision) ? 1 : m.precision,
    });
  }, [state.value]);
  return (
    <>
      <Controls>
        <CommitSlider
          label="Threshold"
          value={threshold}
          min={0.05}
          max={0.95}
          step={0.05}
          format={(v) => v.toFixed(2)}
          onCommit={setThreshold}
        />
      </Controls>
      <Computing state={state}>
        {([m]) => (
          <>
            <Stats>
              <Stat label="Precision" value={fixed(m.precision)} />
              <Stat label="Recall" value={fixed(m.recall)} />
              <Stat label="F1" value={fixed(m.f1)} />
              <Stat label="Accuracy" value={fixed(m.accuracy)} />
              <Stat label="ROC AUC (any threshold)" value={fixed(m.rocAuc)} />
              <Stat label="Average precision" value={fixed(m.averagePrecision)} />
            </Stats>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Table withTableBorder withColumnBorders fz="sm" aria-label="Confusion matrix">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th>Flagged</Table.Th>
                    <Table.Th>Not flagged</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th>Churned</Table.Th>
                    <Table.Td bg="teal.0">{m.tp} caught</Table.Td>
                    <Table.Td bg="orange.0">{m.fn} missed</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Stayed</Table.Th>
                    <Table.Td bg="orange.0">{m.fp} false alarms</Table.Td>
                    <Table.Td bg="teal.0">{m.tn} left alone</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              {chart && <VegaChart spec={chart} label="Precision–recall curve with the current threshold" />}
            </SimpleGrid>
          </>
        )}
      </Computing>
    </>
  );
}

/** Tuning: a tree's depth against training and validation AUC. */
export function TreeDepthPart() {
  const [depth, setDepth] = useState(4);
  const state = useComputed('depthCurve', []);
  const chart = useMemo(
    () =>
      state.value &&
      linesSpec(
        state.value,
        { field: 'depth', type: 'quantitative', title: 'maxDepth' },
        [
          { field: 'train', label: 'Training folds' },
          { field: 'validation', label: 'Validation folds' },
        ],
        'ROC AUC',
        { rule: depth, integerX: true },
      ),
    [state.value, depth],
  );
  return (
    <>
      <Controls>
        <CommitSlider label="maxDepth" value={depth} min={1} max={MAX_DEPTH} step={1} onCommit={setDepth} />
      </Controls>
      <Computing state={state}>
        {(curve) => {
          const point = curve[depth - 1];
          return (
            <>
              <Stats>
                <Stat label="Training AUC" value={fixed(point.train)} />
                <Stat label="Validation AUC" value={fixed(point.validation)} />
                <Stat label="Gap (overfitting)" value={fixed(point.train - point.validation)} />
                <Stat label="Best depth on validation" value={bestDepth(curve)} />
              </Stats>
              {chart && <VegaChart spec={chart} label="Validation curve of tree depth" />}
            </>
          );
        }}
      </Computing>
    </>
  );
}

/** Class imbalance: the positive share and class weights against the metrics. */
export function ImbalancePart() {
  const [share, setShare] = useState(0.12);
  const [weights, setWeights] = useState(false);
  const state = useComputed('imbalanceMetrics', [{ positiveShare: share, classWeights: weights }]);
  const chart = useMemo(() => {
    const d = state.value;
    if (!d) return undefined;
    return groupedBarsSpec([
      { item: 'Accuracy', measure: 'model', value: d.accuracy },
      { item: 'Accuracy', measure: 'always "stays"', value: d.baselineAccuracy },
      { item: 'Balanced accuracy', measure: 'model', value: d.balancedAccuracy },
      { item: 'Balanced accuracy', measure: 'always "stays"', value: 0.5 },
      { item: 'Recall of churners', measure: 'model', value: d.recall },
      { item: 'Recall of churners', measure: 'always "stays"', value: 0 },
      { item: 'PR AUC', measure: 'model', value: d.prAuc },
      { item: 'PR AUC', measure: 'always "stays"', value: d.positiveShare },
    ]);
  }, [state.value]);
  return (
    <>
      <Controls>
        <CommitSlider
          label="Churners in the data"
          value={share}
          min={0.01}
          max={0.2}
          step={0.01}
          format={(v) => `${Math.round(v * 100)}%`}
          onCommit={setShare}
        />
        <Switch
          label="Balanced class weights"
          checked={weights}
          onChange={(e) => setWeights(e.currentTarget.checked)}
          data-testid="lesson-switch"
        />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat
                label="Accuracy (baseline)"
                value={`${fixed(d.accuracy)} (${fixed(d.baselineAccuracy)})`}
              />
              <Stat label="Balanced accuracy" value={fixed(d.balancedAccuracy)} />
              <Stat label="Recall of churners" value={fixed(d.recall)} />
              <Stat label="PR AUC (chance)" value={`${fixed(d.prAuc)} (${percent(d.positiveShare, 0)})`} />
            </Stats>
            <Text size="xs" c="dimmed">
              ROC AUC {fixed(d.rocAuc)} — it ranks about as well at every share; the 0.5 threshold is what
              fails.
            </Text>
            {chart && <VegaChart spec={chart} label="Metrics of the model against always answering stays" />}
          </>
        )}
      </Computing>
    </>
  );
}
