import { Select, SimpleGrid } from '@mantine/core';
import type { DatasetSummary } from '../api/types';
import { datasetLabel } from '../components/format';

interface DatasetTargetProps {
  datasets: DatasetSummary[];
  datasetId: string | null;
  target: string | null;
  onChange: (datasetId: string | null, target: string | null) => void;
  /** Prefix of the testids, so two forms on one page stay apart. */
  testIdPrefix: string;
}

/** The data set and the column to predict; changing the data set clears the target. */
export function DatasetTarget({ datasets, datasetId, target, onChange, testIdPrefix }: DatasetTargetProps) {
  const dataset = datasets.find((d) => d.id === datasetId);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label="Data set"
        placeholder="Pick a data set"
        data={datasets.map((d) => ({ value: d.id, label: datasetLabel(d) }))}
        value={datasetId}
        onChange={(value) => onChange(value, null)}
        searchable
        nothingFoundMessage="No data set with that name"
        data-testid={`${testIdPrefix}-dataset-select`}
      />
      <Select
        label="Target column"
        placeholder={dataset ? 'Pick a column' : 'Pick a data set first'}
        data={(dataset?.columns ?? []).map((c) => ({ value: c.name, label: c.name }))}
        value={target}
        onChange={(value) => onChange(datasetId, value)}
        disabled={!dataset}
        searchable
        nothingFoundMessage="No column with that name"
        data-testid={`${testIdPrefix}-target-select`}
      />
    </SimpleGrid>
  );
}
