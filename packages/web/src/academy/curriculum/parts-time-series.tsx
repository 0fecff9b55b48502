import { NativeSelect, SegmentedControl, SimpleGrid } from '@mantine/core';
import { useMemo, useState } from 'react';
import { VegaChart } from '../../charts/vega-chart';
import { CommitSlider } from './commit-slider';
import { barsSpec, linesSpec } from './lesson-specs';
import { Computing, Controls, fixed, Stat, Stats } from './part-kit';
import { useComputed } from './use-computed';

function useProducts() {
  return useComputed('demandProducts', []);
}

function ProductSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const products = useProducts();
  return (
    <NativeSelect
      label="Product (store S03)"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={(products.value ?? [{ id: value, name: value }]).map((p) => ({
        value: p.id,
        label: `${p.id} ${p.name}`,
      }))}
      w={260}
      data-testid="lesson-select"
    />
  );
}

/** Time series: STL or classical decomposition of one product's daily sales. */
export function DecompositionPart() {
  const [product, setProduct] = useState('P01');
  const [method, setMethod] = useState<'stl' | 'classical'>('stl');
  const state = useComputed('decomposeDemand', [{ product, method }]);
  const charts = useMemo(() => {
    const d = state.value;
    if (!d) return undefined;
    return {
      series: linesSpec(
        d.points,
        { field: 'date', type: 'temporal', title: null },
        [
          { field: 'observed', label: 'Units sold' },
          { field: 'trend', label: 'Trend' },
        ],
        'Units',
      ),
      weekday: barsSpec(
        d.weekday.map((w) => ({ label: w.day, value: w.effect })),
        'Weekly effect (units)',
      ),
    };
  }, [state.value]);
  return (
    <>
      <Controls>
        <ProductSelect value={product} onChange={setProduct} />
        <SegmentedControl
          value={method}
          onChange={(v) => setMethod(v as 'stl' | 'classical')}
          data={[
            { value: 'stl', label: 'STL' },
            { value: 'classical', label: 'Classical' },
          ]}
          data-testid="lesson-segments"
        />
      </Controls>
      <Computing state={state}>
        {(d) => {
          const peak = d.weekday.reduce((a, b) => (b.effect > a.effect ? b : a));
          const low = d.weekday.reduce((a, b) => (b.effect < a.effect ? b : a));
          return (
            <>
              <Stats>
                <Stat
                  label="Weekly seasonal strength"
                  value={fixed(d.strength)}
                  hint="0 = no weekly pattern, 1 = all pattern"
                />
                <Stat label="Busiest day" value={`${peak.day} (+${fixed(peak.effect, 1)})`} />
                <Stat label="Quietest day" value={`${low.day} (${fixed(low.effect, 1)})`} />
              </Stats>
              {charts && (
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <VegaChart spec={charts.series} label="Daily units and trend, last 16 weeks" />
                  <VegaChart spec={charts.weekday} label="Weekly seasonal effect per weekday" />
                </SimpleGrid>
              )}
            </>
          );
        }}
      </Computing>
    </>
  );
}

/** Time series: walk-forward backtest of seasonal naive against ETS. */
export function BacktestPart() {
  const [product, setProduct] = useState('P01');
  const [horizon, setHorizon] = useState(7);
  const state = useComputed('walkForward', [{ product, horizon }]);
  const charts = useMemo(() => {
    const d = state.value;
    if (!d) return undefined;
    const series = [
      { field: 'seasonalNaive', label: 'Seasonal naive' },
      { field: 'ets', label: 'ETS' },
    ];
    return {
      perStep: linesSpec(
        d.perStep,
        { field: 'step', type: 'quantitative', title: 'Days ahead' },
        series,
        'MAE (units)',
        { integerX: true },
      ),
      lastFold: linesSpec(
        d.lastFold,
        { field: 'date', type: 'temporal', title: null },
        [{ field: 'actual', label: 'Actual' }, ...series],
        'Units',
      ),
    };
  }, [state.value]);
  return (
    <>
      <Controls>
        <ProductSelect value={product} onChange={setProduct} />
        <CommitSlider
          label="Horizon (days)"
          value={horizon}
          min={1}
          max={28}
          step={1}
          onCommit={setHorizon}
        />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat label="Seasonal naive MAE" value={fixed(d.mae.seasonalNaive, 2)} />
              <Stat label="ETS MAE" value={fixed(d.mae.ets, 2)} />
              <Stat label="Winner" value={d.mae.ets < d.mae.seasonalNaive ? 'ETS' : 'Seasonal naive'} />
              <Stat label="Folds × horizon" value={`${d.folds} × ${d.horizon}`} />
            </Stats>
            {charts && (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <VegaChart spec={charts.perStep} label="Error per step ahead" />
                <VegaChart spec={charts.lastFold} label="Last fold: actual and forecasts" />
              </SimpleGrid>
            )}
          </>
        )}
      </Computing>
    </>
  );
}
