import {
  type CheckpointOutcome,
  type LabDefinition,
  type LabProgress,
  type LabSnapshot,
  STEP_IDS,
} from './lab-types';
import type { LabDataset } from './types';

/**
 * Runs every checkpoint of a lab on the learner's project. A checkpoint that throws is reported as failed with
 * the reason, never as passed; the hint is shown only on a fail. A step is done when all of its checkpoints
 * pass; the first step not done is the current one, so the panel opens where the learner left off.
 */
export function evaluateLab(lab: LabDefinition, snapshot: LabSnapshot, data: LabDataset): LabProgress {
  const outcomes: CheckpointOutcome[] = lab.checkpoints.map((checkpoint) => {
    let result: { status: 'pass' | 'fail' | 'pending'; detail: string };
    try {
      result = checkpoint.check(snapshot, data);
    } catch (err) {
      result = { status: 'fail', detail: `The check could not run: ${(err as Error).message}` };
    }
    return {
      id: checkpoint.id,
      step: checkpoint.step,
      title: checkpoint.title,
      status: result.status,
      detail: result.detail,
      explanation: checkpoint.explanation,
      hint: result.status === 'pass' ? null : checkpoint.hint,
    };
  });
  let currentFound = false;
  const steps = STEP_IDS.map((id) => {
    const checkpoints = outcomes.filter((o) => o.step === id);
    const done = checkpoints.length > 0 && checkpoints.every((o) => o.status === 'pass');
    const status: 'done' | 'current' | 'todo' = done ? 'done' : currentFound ? 'todo' : 'current';
    if (!done) currentFound = true;
    return { id, status, checkpoints };
  });
  const current = snapshot.datasets.at(-1) ?? null;
  const latest = [...snapshot.models].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1) ?? null;
  return {
    lab: lab.id,
    started: snapshot.rootDatasetId !== null,
    rootDatasetId: snapshot.rootDatasetId,
    currentDatasetId: current?.id ?? null,
    latestModelId: latest?.id ?? null,
    steps,
    passed: outcomes.filter((o) => o.status === 'pass').length,
    total: outcomes.length,
    answers: snapshot.answers,
  };
}
