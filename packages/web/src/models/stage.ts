import type { Stage } from '../api/types';

export const STAGES: Stage[] = ['draft', 'production', 'archived'];

export const STAGE_COLOR: Record<Stage, string> = {
  draft: 'gray',
  production: 'teal',
  archived: 'orange',
};

/** The text a person types to confirm deleting a version, as the server checks it: `<name>-v<version>`. */
export function confirmationText(model: { name: string; version: number }): string {
  return `${model.name}-v${model.version}`;
}
