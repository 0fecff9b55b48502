import { NativeSelect, SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import type { ImputeStrategy, LabId, MissingColumn } from '@quarry/academy/curriculum';
import { MISSING_COLUMNS } from '@quarry/academy/curriculum/constants';
import { useMemo, useState } from 'react';
import { VegaChart } from '../../charts/vega-chart';
import { CommitSlider } from './commit-slider';
import { imputedSpec, outlierSpec } from './lesson-specs';
import { Computing, Controls, fixed, percent, Stat, Stats, whole } from './part-kit';
import { useComputed } from './use-computed';

const STRATEGIES: { value: ImputeStrategy; label: string }[] = [
  { value: 'mean', label: 'Mean' },
  { value: 'median', label: 'Median' },
  { value: 'most_frequent', label: 'Most frequent' },
  { value: 'drop', label: 'Drop rows' },
];

/** Missing values: fill one churn column's gaps, see the spike and the AUC with or without a missing flag. */
export function ImputationPart() {
  const [column, setColumn] = useState<MissingColumn>('satisfaction_score');
  const [strategy, setStrategy] = useState<ImputeStrategy>('mean');
  const [indicator, setIndicator] = useState(false);
  const state = useComputed('imputation', [{ column, strategy, indicator }]);
  const chart = useMemo(() => {
    const d = state.value;
    if (!d) return undefined;
    const ticks = d.column === 'satisfaction_score' ? d.bins.map((b) => (b.start + b.end) / 2) : undefined;
    return imputedSpec(d.bins, d.column, ticks);
  }, [state.value]);
  return (
    <>
      <Controls>
        <NativeSelect
          label="Column"
          value={column}
          onChange={(e) => setColumn(e.currentTarget.value as MissingColumn)}
          data={[...MISSING_COLUMNS]}
          data-testid="lesson-select"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Strategy
          </Text>
          <SegmentedControl
            value={strategy}
            onChange={(v) => setStrategy(v as ImputeStrategy)}
            data={STRATEGIES}
            data-testid="lesson-segments"
          />
        </Stack>
        <Switch
          label="Add a “was missing” flag"
          checked={indicator}
          onChange={(e) => setIndicator(e.currentTarget.checked)}
          disabled={strategy === 'drop'}
          data-testid="lesson-switch"
        />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat label="Missing" value={`${whole(d.missing)} rows`} />
              <Stat
                label="Filled with"
                value={d.strategy === 'drop' ? 'rows dropped' : fixed(d.fillValue, 2)}
              />
              <Stat
                label="Spread (sd) before → after"
                value={`${fixed(d.sdBefore, 2)} → ${fixed(d.sdAfter, 2)}`}
              />
              <Stat
                label="Churn: missing vs present"
                value={`${percent(d.churnWhenMissing)} vs ${percent(d.churnWhenPresent)}`}
              />
              <Stat label="Holdout ROC AUC" value={fixed(d.auc, 4)} />
              <Stat label="Rows used" value={whole(d.rows)} />
            </Stats>
            {chart && <VegaChart spec={chart} label={`Distribution of ${d.column} after filling`} />}
          </>
        )}
      </Computing>
    </>
  );
}

/** Outliers: z-score and robust z-score flags as the cut moves. */
export function OutlierCutPart() {
  const [cut, setCut] = useState(3.5);
  const [log, setLog] = useState(false);
  const state = useComputed('outlierCut', [{ cut, log }]);
  const chart = useMemo(
    () => state.value && outlierSpec(state.value.points, state.value.cut, state.value.log),
    [state.value],
  );
  return (
    <>
      <Controls>
        <CommitSlider label="Cut |z| >" value={cut} min={2} max={8} step={0.5} onCommit={setCut} />
        <Switch
          label="Log of the area"
          checked={log}
          onChange={(e) => setLog(e.currentTarget.checked)}
          data-testid="lesson-switch"
        />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat label="z-score flags" value={`${d.zFlagged} (${d.zCaught} of ${d.planted} mistakes)`} />
              <Stat
                label="Robust z flags"
                value={`${d.robustFlagged} (${d.robustCaught} of ${d.planted} mistakes)`}
              />
              <Stat
                label="sd stretched by mistakes"
                value={`×${fixed(d.sdInflation, 2)}`}
                hint="Standard deviation with the planted rows ÷ without them"
              />
              <Stat label="MAD stretched by mistakes" value={`×${fixed(d.madInflation, 3)}`} />
            </Stats>
            {chart && <VegaChart spec={chart} label="Robust z-score of each house's living area" />}
          </>
        )}
      </Computing>
    </>
  );
}

const PROFILE_LABS: { value: LabId; label: string }[] = [
  { value: 'churn', label: 'Churn' },
  { value: 'house-prices', label: 'House prices' },
  { value: 'retail-demand', label: 'Retail demand' },
  { value: 'payment-fraud', label: 'Payment fraud' },
];

/** Profiling: a lab table's column profile and warnings. */
export function ProfilePart() {
  const [lab, setLab] = useState<LabId>('churn');
  const state = useComputed('profileLab', [lab]);
  return (
    <>
      <Controls>
        <SegmentedControl
          value={lab}
          onChange={(v) => setLab(v as LabId)}
          data={PROFILE_LABS}
          data-testid="lesson-segments"
        />
      </Controls>
      <Computing state={state}>
        {(p) => (
          <>
            <Stats>
              <Stat label="Rows" value={whole(p.rows)} />
              <Stat label="Columns" value={p.columns.length} />
              <Stat label="Warnings" value={p.warnings} />
            </Stats>
            <Table.ScrollContainer minWidth={640}>
              <Table striped fz="xs" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Missing</Table.Th>
                    <Table.Th>Distinct</Table.Th>
                    <Table.Th>Median / top value</Table.Th>
                    <Table.Th>Warnings</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.columns.map((c) => (
                    <Table.Tr key={c.name}>
                      <Table.Td ff="monospace">{c.name}</Table.Td>
                      <Table.Td>{c.type}</Table.Td>
                      <Table.Td>{percent(c.missingShare)}</Table.Td>
                      <Table.Td>{whole(c.distinct)}</Table.Td>
                      <Table.Td>
                        {c.median !== undefined
                          ? fixed(c.median, 2)
                          : c.top !== undefined
                            ? `${c.top} (${percent(c.topShare ?? 0, 0)})`
                            : '—'}
                      </Table.Td>
                      <Table.Td c={c.warnings.length ? 'orange.8' : 'dimmed'}>
                        {c.warnings.join('; ') || 'none'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Computing>
    </>
  );
}
