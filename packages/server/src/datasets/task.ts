import { detectTask } from '@quarry/ml';
import { httpError } from '../errors';
import type { DatasetService } from './service';

/** Task detection for a target column, with the reason shown to the user and the classes it implies. */
export async function detectTaskFor(datasets: DatasetService, id: string, target: string) {
  const dataset = await datasets.get(id);
  const info = dataset.columns.find((c) => c.name === target);
  if (info === undefined) {
    throw httpError('TARGET_NOT_FOUND', {
      column: target,
      dataset: dataset.name,
      available: dataset.columns
        .map((c) => c.name)
        .join(', ')
        .slice(0, 1000),
    });
  }
  const [column] = await datasets.columnData(id, [target]);
  const { task, reason } = detectTask(column as never, info.type);
  let classes: string[] | null = null;
  if (task === 'classification') {
    if (column.kind === 'categorical')
      classes = [...new Set(Array.from(column.codes).filter((c) => c >= 0))]
        .map((c) => column.levels[c])
        .sort();
    else
      classes = [...new Set(Array.from(column.values).filter(Number.isFinite))]
        .sort((a, b) => a - b)
        .map(String);
  }
  return { task, reason, classes };
}
