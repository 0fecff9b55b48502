import { Checkbox, Group, Select } from '@mantine/core';
import type { Imbalance } from '../api/types';

const RESAMPLE: { value: NonNullable<Imbalance['resample']>; label: string }[] = [
  { value: 'none', label: 'No resampling' },
  { value: 'oversample', label: 'Oversample the smaller classes' },
  { value: 'undersample', label: 'Undersample the larger classes' },
];

/** Class weights and resampling; resampling touches each fold's fit rows only, never validation rows. */
export function ImbalanceFields({
  imbalance,
  onChange,
}: {
  imbalance: Imbalance;
  onChange: (imbalance: Imbalance) => void;
}) {
  return (
    <Group align="flex-end" gap="lg">
      <Checkbox
        label="Balanced class weights"
        description="Rare classes weigh more in the fit"
        checked={imbalance.classWeight === 'balanced'}
        onChange={(event) =>
          onChange({ ...imbalance, classWeight: event.currentTarget.checked ? 'balanced' : null })
        }
        data-testid="class-weight-checkbox"
      />
      <Select
        label="Resampling"
        description="Inside the training folds only"
        data={RESAMPLE}
        value={imbalance.resample ?? 'none'}
        onChange={(value) => onChange({ ...imbalance, resample: (value ?? 'none') as Imbalance['resample'] })}
        allowDeselect={false}
        w={280}
        data-testid="resample-select"
      />
    </Group>
  );
}
