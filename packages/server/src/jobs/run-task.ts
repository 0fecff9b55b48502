import type { MessagePort } from 'node:worker_threads';
import { blend } from '../training/blend';
import { predictModel } from '../training/predict-model';
import { scoreFold } from '../training/score-fold';
import { trainModel } from '../training/train-model';
import type { BlendInput, FoldInput, PredictInput, TrainInput } from '../training/types';

export type TaskInput = (TrainInput | FoldInput | BlendInput | PredictInput) & { port?: MessagePort };

/** Runs one job inside a pool worker. Progress goes back through `port`; errors keep their `code`. */
export function runTask(input: TaskInput) {
  const port = input.port;
  const progress = (fraction: number, message: string) => port?.postMessage({ fraction, message });
  try {
    if (input.kind === 'train') return trainModel(input, progress);
    if (input.kind === 'fold') return scoreFold(input);
    if (input.kind === 'blend') return blend(input);
    return predictModel(input);
  } catch (err) {
    // Structured clone drops custom fields of Error subclasses: send a plain object that keeps the code.
    const e = err as Error & { code?: string };
    throw Object.assign(new Error(e.message), { code: e.code ?? 'INTERNAL', name: e.name });
  } finally {
    port?.close();
  }
}
