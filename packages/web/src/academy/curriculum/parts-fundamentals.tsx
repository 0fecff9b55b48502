import { NativeSelect, Switch, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { VegaChart } from '../../charts/vega-chart';
import { CommitSlider } from './commit-slider';
import { binsSpec, countsSpec, scatterSpec } from './lesson-specs';
import { Computing, Controls, fixed, percent, Stat, Stats, whole } from './part-kit';
import { useComputed } from './use-computed';

/** Data types: one churn column's type, encoding and signal on its own. */
export function ColumnTypesPart() {
  const [column, setColumn] = useState('contract_type');
  const columns = useComputed('churnColumns', []);
  const card = useComputed('columnCard', [column]);
  const chart = useMemo(() => {
    const c = card.value;
    if (!c) return undefined;
    if (c.histogram) return binsSpec(c.histogram, c.name);
    // An identifier's counts are all 1: nothing to draw.
    return c.type === 'identifier' ? undefined : countsSpec(c.counts ?? []);
  }, [card.value]);
  return (
    <>
      <Controls>
        <NativeSelect
          label="Column"
          value={column}
          onChange={(e) => setColumn(e.currentTarget.value)}
          data={columns.value ?? [column]}
          w={260}
          data-testid="lesson-select"
        />
      </Controls>
      <Computing state={card}>
        {(c) => (
          <>
            <Text size="sm">
              <b>{c.name}</b> — {c.description} <i>Encoding:</i> {c.encoding}
            </Text>
            <Stats>
              <Stat label="Type" value={c.type} />
              <Stat label="Distinct values" value={whole(c.distinct)} />
              <Stat label="Missing" value={percent(c.missingShare)} />
              <Stat
                label="ROC AUC on its own"
                value={fixed(c.aloneAuc)}
                hint="0.5 = no signal, 1 = perfect"
              />
            </Stats>
            <Text size="xs" c="dimmed">
              Examples: {c.examples.join(', ')} · {c.encodedColumns} model column
              {c.encodedColumns === 1 ? '' : 's'}
              {c.type === 'identifier' && ' · every value occurs exactly once: nothing to learn from'}
            </Text>
            {chart && <VegaChart spec={chart} label={`Distribution of ${c.name}`} />}
          </>
        )}
      </Computing>
    </>
  );
}

/** Distributions: the skewed price and its log. */
export function LogTransformPart() {
  const [log, setLog] = useState(false);
  const state = useComputed('priceDistribution', [log]);
  const chart = useMemo(
    () =>
      state.value &&
      binsSpec(state.value.histogram, state.value.log ? 'log(sale price)' : 'Sale price (USD)'),
    [state.value],
  );
  const money = (v: number) => (log ? fixed(v, 3) : `$${whole(v)}`);
  return (
    <>
      <Controls>
        <Switch
          label="Log of the price"
          checked={log}
          onChange={(e) => setLog(e.currentTarget.checked)}
          data-testid="lesson-switch"
        />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat
                label="Skewness"
                value={fixed(d.skewness, 2)}
                hint="0 = symmetric; above 1 = strongly skewed"
              />
              <Stat label="Mean" value={money(d.mean)} />
              <Stat label="Median" value={money(d.median)} />
              <Stat
                label="Model's typical error"
                value={percent(d.holdoutMedianApe)}
                hint="Median absolute percentage error of a linear model on a 30% holdout"
              />
            </Stats>
            {chart && <VegaChart spec={chart} label="Histogram of the sale price" />}
          </>
        )}
      </Computing>
    </>
  );
}

/** Visualisation: area against price, raw or log–log, with a fitted line. */
export function ScatterTrendPart() {
  const [log, setLog] = useState(false);
  const [sample, setSample] = useState(600);
  const state = useComputed('scatterTrend', [{ log, sample }]);
  const chart = useMemo(
    () => state.value && scatterSpec(state.value.points, state.value.trend, state.value.log),
    [state.value],
  );
  return (
    <>
      <Controls>
        <Switch
          label="Log–log axes"
          checked={log}
          onChange={(e) => setLog(e.currentTarget.checked)}
          data-testid="lesson-switch"
        />
        <CommitSlider
          label="Points drawn"
          value={sample}
          min={100}
          max={3000}
          step={100}
          onCommit={setSample}
        />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat label="Points drawn" value={`${whole(d.shown)} of ${whole(d.total)}`} />
              <Stat label="Correlation" value={fixed(d.correlation)} />
              <Stat
                label="R² of the line"
                value={fixed(d.r2)}
                hint="Share of the variation the straight line explains"
              />
            </Stats>
            {chart && <VegaChart spec={chart} label="Living area against sale price" />}
          </>
        )}
      </Computing>
    </>
  );
}
