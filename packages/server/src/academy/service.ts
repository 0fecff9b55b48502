import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  evaluateLab,
  LABS,
  type LabDataset,
  type LabDefinition,
  type LabProgress,
  labById,
  labTemplates,
  toCsv,
} from '@quarry/academy';
import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import type { ModelService } from '../models/service';
import type { Store } from '../store/db';
import { SerialQueue } from '../store/serial';
import { buildSnapshot } from './snapshot';

interface ProgressRow {
  lab: string;
  root_dataset_id: string | null;
  answers: string;
}

/** A lab as the web app shows it: everything but the functions (generators and checks stay on the server). */
export function publicLab(lab: LabDefinition) {
  return {
    id: lab.id,
    title: lab.title,
    summary: lab.summary,
    story: lab.story,
    goals: lab.goals,
    kind: lab.kind,
    estimatedMinutes: lab.estimatedMinutes,
    steps: lab.steps,
    questions: lab.questions,
    checkpoints: lab.checkpoints.map((c) => ({ id: c.id, step: c.step, title: c.title })),
    hasNewData: lab.newData !== undefined,
  };
}

/**
 * The Academy's labs on the server: starting one loads its seeded data through the normal upload path (so the
 * learner's data set is an ordinary one), progress is the lab's checkpoints evaluated on the learner's project
 * (snapshot.ts), and what is saved per lab is only where it started and the answers given (`lab_progress`).
 */
export class AcademyService {
  /** Generated lab data, by lab id: the checks compare the learner's work with it (seeded, so it never changes). */
  private readonly data = new Map<string, LabDataset>();
  private readonly starts = new SerialQueue();

  constructor(
    private readonly deps: {
      store: Store;
      datasets: DatasetService;
      models: ModelService;
      tmpDir: string;
      /** Writes the prediction log's pending batch, so "predictions made" counts a predict that just answered. */
      flushPredictions: () => Promise<void>;
    },
  ) {}

  lab(id: string): LabDefinition {
    const lab = labById(id);
    if (lab === undefined) throw httpError('LAB_NOT_FOUND', { id, known: LABS.map((l) => l.id).join(', ') });
    return lab;
  }

  private dataOf(lab: LabDefinition): LabDataset {
    let data = this.data.get(lab.id);
    if (data === undefined) {
      data = lab.generate(lab.seed);
      this.data.set(lab.id, data);
    }
    return data;
  }

  private async row(
    labId: string,
  ): Promise<{ rootDatasetId: string | null; answers: Record<string, string> }> {
    const row = await this.deps.store.one<ProgressRow>('SELECT * FROM lab_progress WHERE lab = $1', [labId]);
    if (row === undefined) return { rootDatasetId: null, answers: {} };
    return { rootDatasetId: row.root_dataset_id, answers: JSON.parse(row.answers) as Record<string, string> };
  }

  private async save(labId: string, rootDatasetId: string | null, answers: Record<string, string>) {
    await this.deps.store.run(
      `INSERT INTO lab_progress (lab, root_dataset_id, answers) VALUES ($1, $2, $3)
       ON CONFLICT (lab) DO UPDATE SET root_dataset_id = excluded.root_dataset_id, answers = excluded.answers,
         updated_at = now()`,
      [labId, rootDatasetId, JSON.stringify(answers)],
    );
  }

  async progress(labId: string): Promise<LabProgress> {
    const lab = this.lab(labId);
    const saved = await this.row(lab.id);
    await this.deps.flushPredictions().catch(() => undefined);
    const snapshot = await buildSnapshot(this.deps, lab.id, saved.rootDatasetId, saved.answers);
    return evaluateLab(lab, snapshot, this.dataOf(lab));
  }

  async snapshot(labId: string) {
    const lab = this.lab(labId);
    const saved = await this.row(lab.id);
    await this.deps.flushPredictions().catch(() => undefined);
    return buildSnapshot(this.deps, lab.id, saved.rootDatasetId, saved.answers);
  }

  async list() {
    const out = [];
    for (const lab of LABS) {
      // A lab never started has nothing to check: no need to generate its data just to list it.
      if ((await this.row(lab.id)).rootDatasetId === null) {
        out.push({ ...publicLab(lab), started: false, passed: 0, total: lab.checkpoints.length });
        continue;
      }
      const progress = await this.progress(lab.id);
      out.push({
        ...publicLab(lab),
        started: progress.started,
        passed: progress.passed,
        total: progress.total,
      });
    }
    return out;
  }

  /**
   * Loads the lab's data as a new data set, unless the lab is already started and its data set still exists
   * (a second click resumes). `restart` always loads a fresh copy and forgets the answers; the learner's earlier
   * data sets and models stay in the studio, untouched.
   */
  async start(labId: string, restart: boolean): Promise<LabProgress> {
    const lab = this.lab(labId);
    const release = await this.starts.turn(lab.id);
    try {
      const saved = await this.row(lab.id);
      if (!restart && saved.rootDatasetId !== null) {
        const exists = await this.deps.datasets.lineage(saved.rootDatasetId);
        if (exists.length > 0) return this.progress(lab.id);
      }
      const csv = toCsv(this.dataOf(lab));
      const path = join(this.deps.tmpDir, `lab-${randomUUID()}.csv`);
      await writeFile(path, csv);
      try {
        const dataset = await this.deps.datasets.createFromFile({
          path,
          fileName: `${lab.id}.csv`,
          name: `Lab: ${lab.title}`,
          sizeBytes: Buffer.byteLength(csv),
        });
        await this.save(lab.id, dataset.id, restart ? {} : saved.answers);
      } finally {
        await rm(path, { force: true });
      }
    } finally {
      release();
    }
    return this.progress(lab.id);
  }

  async answer(labId: string, questionId: string, answer: string): Promise<LabProgress> {
    const lab = this.lab(labId);
    if (!lab.questions.some((q) => q.id === questionId))
      throw httpError('LAB_QUESTION_NOT_FOUND', {
        id: questionId,
        lab: lab.id,
        known: lab.questions.map((q) => q.id).join(', ') || 'none',
      });
    const saved = await this.row(lab.id);
    if (saved.rootDatasetId === null) throw httpError('LAB_NOT_STARTED', { lab: lab.id });
    await this.save(lab.id, saved.rootDatasetId, { ...saved.answers, [questionId]: answer.trim() });
    return this.progress(lab.id);
  }

  /** The learner's work as code (Python and TypeScript), from the same snapshot the checkpoints read. */
  async templates(labId: string) {
    const lab = this.lab(labId);
    const snapshot = await this.snapshot(lab.id);
    return labTemplates(lab, snapshot, { dataFile: `${lab.id}.csv` });
  }

  /** The lab's data as loaded at the start (what the code templates read as `<lab>.csv`). */
  dataFile(labId: string): { fileName: string; csv: string } {
    const lab = this.lab(labId);
    return { fileName: `${lab.id}.csv`, csv: toCsv(this.dataOf(lab)) };
  }

  /** The lab's second file (new rows to predict, without the target), as CSV. */
  newData(labId: string): { fileName: string; csv: string } {
    const lab = this.lab(labId);
    if (lab.newData === undefined) throw httpError('LAB_HAS_NO_NEW_DATA', { lab: lab.id });
    return { fileName: `${lab.id}-new.csv`, csv: toCsv(lab.newData(lab.seed)) };
  }
}
