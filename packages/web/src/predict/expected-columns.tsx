import { Badge, Group, Text } from '@mantine/core';
import type { ModelDetail } from '../api/types';

/** What the model expects in the file: the training schema's feature columns and their types. */
export function ExpectedColumns({ model }: { model: ModelDetail }) {
  const columns = model.schema.columns;
  return (
    <div>
      <Text size="sm" mb={6}>
        “{model.name}” v{model.version} predicts <b>{model.target}</b> ({model.task}). The file needs these{' '}
        {columns.length} columns; extra columns are ignored.
      </Text>
      <Group gap={6}>
        {columns.map((column) => (
          <Badge key={column.name} variant="light" color="gray" tt="none" title={column.type}>
            {column.name} · {column.type}
          </Badge>
        ))}
      </Group>
    </div>
  );
}
