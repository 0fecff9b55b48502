import type { LabProgress } from './lab-types';

/** Fills a studio link's placeholders from the learner's progress ({dataset}, {model}, {root}). */
export function resolveLink(
  link: string,
  progress: Pick<LabProgress, 'currentDatasetId' | 'latestModelId' | 'rootDatasetId'>,
): string {
  return link
    .replaceAll('{dataset}', encodeURIComponent(progress.currentDatasetId ?? ''))
    .replaceAll('{model}', encodeURIComponent(progress.latestModelId ?? ''))
    .replaceAll('{root}', encodeURIComponent(progress.rootDatasetId ?? ''));
}
