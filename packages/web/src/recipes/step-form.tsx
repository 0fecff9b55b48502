import { Button, Checkbox, Chip, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import {
  COLUMN_TYPES,
  type ColumnType,
  type DatasetVersion,
  type DatePart,
  type FilterOperator,
  type StepOp,
} from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import {
  buildStep,
  columnsForOp,
  combinedName,
  DATE_PARTS,
  EMPTY_DRAFT,
  FILTER_OPERATORS,
  MAX_COMBINE,
  MAX_SEPARATOR,
  STEP_OPS,
  type StepDraft,
} from './steps';

interface StepFormProps {
  /** The version the step applies to (the lineage's current version). */
  dataset: DatasetVersion;
  onApplied: (version: DatasetVersion) => void;
}

/** Adds one cleaning step: a form per operation; the server makes a new version with it. */
export function StepForm({ dataset, onApplied }: StepFormProps) {
  const [op, setOp] = useState<StepOp>('fillMissing');
  const [draft, setDraft] = useState<StepDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<StepDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(null);
  };
  const columns = dataset.columns;
  const columnOptions = columnsForOp(op, columns);
  const column = draft.column && columnOptions.includes(draft.column) ? draft.column : null;
  const operatorNeedsValue = draft.operator !== 'isMissing' && draft.operator !== 'notMissing';
  const multiColumn = op === 'drop' || op === 'deduplicate' || op === 'combine';
  const combinedDefault = combinedName(draft.columns, draft.separator);

  const submit = async () => {
    const built = buildStep(op, { ...draft, column }, columns);
    if (built.error !== undefined) {
      setProblem(built.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const version = await api.post<DatasetVersion>(
        `/api/datasets/${encodeURIComponent(dataset.id)}/steps`,
        {
          step: built.step,
        },
      );
      setDraft(EMPTY_DRAFT);
      onApplied(version);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const columnSelect = (
    <Select
      label="Column"
      data={columnOptions}
      value={column}
      onChange={(value) => set({ column: value })}
      searchable
      w={220}
      placeholder={columnOptions.length ? 'Pick a column' : 'No suitable column'}
      data-testid="step-column"
    />
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm" data-testid="step-form">
        <Group align="flex-end" gap="sm">
          <Select
            label="Step"
            data={STEP_OPS}
            value={op}
            onChange={(value) => {
              if (!value) return;
              setOp(value as StepOp);
              setProblem(null);
            }}
            allowDeselect={false}
            w={220}
            data-testid="step-op"
          />
          {multiColumn && (
            <MultiSelect
              label={
                op === 'drop'
                  ? 'Columns'
                  : op === 'combine'
                    ? 'Columns, in order'
                    : 'Compare only (optional; else all columns)'
              }
              data={columns.map((c) => c.name)}
              value={draft.columns}
              onChange={(value) => set({ columns: value })}
              maxValues={op === 'combine' ? MAX_COMBINE : undefined}
              searchable
              miw={260}
              data-testid="step-columns"
            />
          )}
          {!multiColumn && columnSelect}
          {op === 'combine' && (
            <TextInput
              label="Separator"
              value={draft.separator}
              onChange={(e) => set({ separator: e.currentTarget.value })}
              maxLength={MAX_SEPARATOR}
              w={100}
              data-testid="step-separator"
            />
          )}
          {op === 'rename' && (
            <TextInput
              label="New name"
              value={draft.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
              data-testid="step-to"
            />
          )}
          {op === 'cast' && (
            <Select
              label="New type"
              data={COLUMN_TYPES as ColumnType[]}
              value={draft.type}
              onChange={(value) => set({ type: value as ColumnType | null })}
              w={180}
              data-testid="step-type"
            />
          )}
          {op === 'filter' && (
            <Select
              label="Keep rows where the value"
              data={FILTER_OPERATORS}
              value={draft.operator}
              onChange={(value) => value && set({ operator: value as FilterOperator })}
              allowDeselect={false}
              w={200}
              data-testid="step-operator"
            />
          )}
          {((op === 'filter' && operatorNeedsValue) || op === 'fillMissing' || op === 'replaceValue') && (
            <TextInput
              label={
                op === 'fillMissing'
                  ? 'Fill with'
                  : op === 'replaceValue'
                    ? 'Replace'
                    : draft.operator === 'in' || draft.operator === 'notIn'
                      ? 'Values (comma-separated)'
                      : 'Value'
              }
              value={draft.value}
              onChange={(e) => set({ value: e.currentTarget.value })}
              w={200}
              data-testid="step-value"
            />
          )}
          {op === 'replaceValue' && (
            <>
              <TextInput
                label="With"
                value={draft.to}
                disabled={draft.replaceWithMissing}
                onChange={(e) => set({ to: e.currentTarget.value })}
                w={160}
                data-testid="step-to"
              />
              <Checkbox
                label="a missing value"
                checked={draft.replaceWithMissing}
                onChange={(e) => set({ replaceWithMissing: e.currentTarget.checked })}
                mb={8}
              />
            </>
          )}
          {op === 'clip' && (
            <>
              <TextInput
                label="Lower bound"
                value={draft.lower}
                onChange={(e) => set({ lower: e.currentTarget.value })}
                w={120}
                inputMode="decimal"
                data-testid="step-lower"
              />
              <TextInput
                label="Upper bound"
                value={draft.upper}
                onChange={(e) => set({ upper: e.currentTarget.value })}
                w={120}
                inputMode="decimal"
                data-testid="step-upper"
              />
            </>
          )}
          {op === 'flagOutliers' && (
            <TextInput
              label="k (fences at Q1 − k·IQR, Q3 + k·IQR)"
              value={draft.k}
              onChange={(e) => set({ k: e.currentTarget.value })}
              w={240}
              inputMode="decimal"
              data-testid="step-k"
            />
          )}
          {(op === 'flagOutliers' || op === 'textLength' || op === 'combine') && (
            <TextInput
              label="New column (optional)"
              placeholder={
                op === 'combine'
                  ? combinedDefault
                  : column
                    ? `${column}_${op === 'textLength' ? 'length' : 'outlier'}`
                    : ''
              }
              value={draft.newColumn}
              onChange={(e) => set({ newColumn: e.currentTarget.value })}
              w={200}
              data-testid="step-new-column"
            />
          )}
        </Group>
        {op === 'dateParts' && (
          <Chip.Group multiple value={draft.parts} onChange={(value) => set({ parts: value as DatePart[] })}>
            <Group gap="xs" data-testid="step-parts">
              {DATE_PARTS.map((part) => (
                <Chip key={part} value={part} size="sm" data-testid={`step-part-${part}`}>
                  {part}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
        {op === 'combine' && (
          <Text size="sm" c="dimmed" data-testid="step-combine-note">
            {draft.columns.length >= 2 ? (
              <>
                Adds <b>{draft.newColumn.trim() || combinedDefault}</b> ={' '}
                {draft.columns.map((name) => `‹${name}›`).join(draft.separator)}, the values as written in the
                file.{' '}
              </>
            ) : (
              'Pick two or more columns to join into one key (a product × store pair, say). '
            )}
            A row missing any of them gets a missing value, never a half key. Use the new column as the series
            id on the Forecast page; the columns themselves are kept.
          </Text>
        )}
        {op === 'standardize' && (
          <Text size="sm" c="dimmed" data-testid="step-standardize-note">
            Replaces the values with (value − mean) / SD, the mean and SD taken over every row of this
            version. Models already scale inside each cross-validation fold, so doing it here, before the
            split, lets the test rows shape the training data.
          </Text>
        )}
        {problem && (
          <Text size="sm" c="red" data-testid="step-problem">
            {problem}
          </Text>
        )}
        {Boolean(error) && (
          <ErrorAlert error={error} title="The step was not applied" onClose={() => setError(null)} />
        )}
        <Group>
          <Button type="submit" loading={busy} data-testid="step-apply">
            Apply step
          </Button>
          <Text size="xs" c="dimmed">
            Makes a new version; the current one stays as it is.
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
