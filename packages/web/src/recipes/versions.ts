import type { DatasetVersion, Step, VersionList } from '../api/types';

/** The step a version added to its parent's recipe (null for version 1). */
export function addedStep(version: DatasetVersion): Step | null {
  return version.parentId === null ? null : (version.steps[version.steps.length - 1] ?? null);
}

/** Whether undo and redo can move the lineage's current version. */
export function undoRedoState(list: VersionList): {
  canUndo: boolean;
  canRedo: boolean;
  current: DatasetVersion | null;
} {
  const current = list.versions.find((v) => v.id === list.currentId) ?? null;
  return {
    current,
    canUndo: Boolean(current?.parentId),
    canRedo: list.versions.some((v) => v.parentId === list.currentId),
  };
}
