import type { LabStep, Question, StepId } from '@quarry/academy';

export type {
  CheckpointOutcome,
  LabProgress,
  LabStep,
  Question,
  StepId,
  StepProgress,
} from '@quarry/academy';

/** A lab as GET /api/academy/labs/:id returns it (the definition without its functions). */
export interface PublicLab {
  id: string;
  title: string;
  summary: string;
  story: string;
  goals: string[];
  kind: 'tabular' | 'forecast' | 'anomaly';
  estimatedMinutes: number;
  steps: LabStep[];
  questions: Question[];
  checkpoints: { id: string; step: StepId; title: string }[];
  hasNewData: boolean;
}

/** One entry of GET /api/academy/labs. */
export interface LabListItem extends PublicLab {
  started: boolean;
  passed: number;
  total: number;
}

export const STEP_TITLES: Record<StepId, string> = {
  load: 'Load & inspect',
  clean: 'Clean',
  explore: 'Explore',
  prepare: 'Prepare & split',
  model: 'Model & evaluate',
  predict: 'Predict & explain',
};
