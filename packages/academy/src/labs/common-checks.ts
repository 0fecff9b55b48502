import type { Checkpoint, CheckResult, LabSnapshot, SnapshotDataset, SnapshotModel } from './lab-types';

/**
 * Pieces every lab's checkpoints share: where the learner's current data and newest model are, and the first
 * checkpoint of every lab (the data is loaded). Lab-specific checks live in each lab's own file.
 */

/** The current (newest) version of the lab's data set, or null before the lab was started. */
export const currentDataset = (s: LabSnapshot): SnapshotDataset | null => s.datasets.at(-1) ?? null;

/** Models oldest first; the newest is the learner's latest attempt, which the checks judge. */
export const modelsByTime = (s: LabSnapshot): SnapshotModel[] =>
  [...s.models].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

export const latestModel = (s: LabSnapshot): SnapshotModel | null => modelsByTime(s).at(-1) ?? null;

/** The lab's data set is in the studio (the learner pressed "Start lab"). */
export function dataLoadedCheckpoint(fileName: string): Checkpoint {
  return {
    id: 'data-loaded',
    step: 'load',
    title: 'The lab’s data set is loaded',
    explanation:
      'Everything in this lab happens on this data set and the versions you make of it; the checks read your work from it.',
    hint: { text: `Press “Start lab” on the lab page to load ${fileName}.`, link: '#/academy' },
    check: (s) =>
      s.rootDatasetId === null
        ? { status: 'pending', detail: 'The lab has not been started yet.' }
        : { status: 'pass', detail: `Loaded: ${s.datasets[0]?.nRows ?? 0} rows.` },
  };
}

/** A question answered in the progress panel, compared with the truth computed from the data. */
export function answerMatches(
  s: LabSnapshot,
  questionId: string,
  expected: string,
): { status: 'pass' | 'fail' | 'pending'; detail: string } {
  const given = s.answers[questionId];
  if (given === undefined || given.trim() === '') return { status: 'pending', detail: 'Not answered yet.' };
  return given.trim().toLowerCase() === expected.trim().toLowerCase()
    ? { status: 'pass', detail: `You answered “${given}”.` }
    : { status: 'fail', detail: `You answered “${given}”; look again.` };
}

export const NO_MODEL: CheckResult = { status: 'pending', detail: 'No model trained on the lab’s data yet.' };

/**
 * A check that judges the learner's newest model (`pick` may narrow which models count), and is pending with
 * `none` before there is one.
 */
export const onLatestModel =
  (
    judge: (m: SnapshotModel) => CheckResult,
    pick: (s: LabSnapshot) => SnapshotModel | null = latestModel,
    none: CheckResult = NO_MODEL,
  ): Checkpoint['check'] =>
  (s) => {
    const m = pick(s);
    return m === null ? none : judge(m);
  };

/** Judges that a model does not use `column` (an id, a leak) as a feature. */
export const notAFeature =
  (column: string) =>
  (m: SnapshotModel): CheckResult =>
    m.features.includes(column)
      ? { status: 'fail', detail: `Your latest model (${m.name}) uses ${column} as a feature.` }
      : { status: 'pass', detail: `${m.features.length} features, ${column} not among them.` };
