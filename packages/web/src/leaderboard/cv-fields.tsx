import { NumberInput, Select, SimpleGrid } from '@mantine/core';
import type { ColumnInfo, CvSpec, CvStrategy } from '../api/types';

const STRATEGIES: { value: CvStrategy; label: string }[] = [
  { value: 'stratified', label: 'Stratified k-fold (keeps class shares)' },
  { value: 'kfold', label: 'k-fold (shuffled)' },
  { value: 'group', label: 'Grouped (whole groups per fold)' },
  { value: 'time', label: 'Time-ordered (train on the past)' },
];

interface CvFieldsProps {
  cv: CvSpec;
  onChange: (cv: CvSpec) => void;
  columns: ColumnInfo[];
  /** Stratified folds need classes. */
  regression: boolean;
}

/** The cross-validation settings: strategy, k, and the group or time column when the strategy needs one. */
export function CvFields({ cv, onChange, columns, regression }: CvFieldsProps) {
  const strategies = regression ? STRATEGIES.filter((s) => s.value !== 'stratified') : STRATEGIES;
  const timeColumns = columns.filter((c) => c.type === 'numeric' || c.type === 'datetime');
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Select
        label="Cross-validation"
        data={strategies}
        value={cv.strategy}
        onChange={(value) => value && onChange({ strategy: value as CvStrategy, k: cv.k })}
        allowDeselect={false}
        data-testid="cv-strategy"
      />
      <NumberInput
        label="Folds (k)"
        value={cv.k}
        onChange={(value) => onChange({ ...cv, k: typeof value === 'number' ? value : 5 })}
        min={2}
        max={20}
        allowDecimal={false}
        error={cv.k >= 2 && cv.k <= 20 ? null : 'Between 2 and 20'}
        data-testid="cv-k"
      />
      {cv.strategy === 'group' && (
        <Select
          label="Group column"
          description="Rows of one group never straddle folds"
          data={columns.map((c) => c.name)}
          value={cv.groupColumn ?? null}
          onChange={(value) => onChange({ ...cv, groupColumn: value ?? undefined })}
          searchable
          data-testid="cv-group-column"
        />
      )}
      {cv.strategy === 'time' && (
        <Select
          label="Time column"
          description="Numeric or date column that orders the rows"
          data={timeColumns.map((c) => c.name)}
          value={cv.timeColumn ?? null}
          onChange={(value) => onChange({ ...cv, timeColumn: value ?? undefined })}
          searchable
          data-testid="cv-time-column"
        />
      )}
    </SimpleGrid>
  );
}

/** A CV spec is ready to send when k is in range and the strategy's column is chosen. */
export function cvReady(cv: CvSpec): boolean {
  if (!(Number.isInteger(cv.k) && cv.k >= 2 && cv.k <= 20)) return false;
  if (cv.strategy === 'group') return Boolean(cv.groupColumn);
  if (cv.strategy === 'time') return Boolean(cv.timeColumn);
  return true;
}
