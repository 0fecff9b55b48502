import type { MessagePort } from 'node:worker_threads';
import { detectAnomalies } from '../anomalies/detect';
import { computeChartsTask } from '../charts/compute-charts';
import { forecastPanel } from '../forecasting/forecast-panel';
import { forecastSeries } from '../forecasting/forecast-series';
import { runCell } from '../modelling/cell';
import { finalFit } from '../modelling/final-fit';
import { inspectPipeline } from '../models/inspect-pipeline';
import { structureTask } from '../structure/compute';
import { textTopics } from '../text/topics';
import { blend } from '../training/blend';
import { predictModel } from '../training/predict-model';
import { scoreFold } from '../training/score-fold';
import { trainModel } from '../training/train-model';
import type { PoolTask } from './pool-task';

export type TaskInput = PoolTask & { port?: MessagePort };

/** Runs one job inside a pool worker. Progress goes back through `port`; errors keep their `code`. */
export function runTask(input: TaskInput) {
  const port = input.port;
  const progress = (fraction: number, message: string) => port?.postMessage({ fraction, message });
  try {
    switch (input.kind) {
      case 'train':
        return trainModel(input, progress);
      case 'fold':
        return scoreFold(input);
      case 'blend':
        return blend(input);
      case 'cell':
        return runCell(input);
      case 'final':
        return finalFit(input, progress);
      case 'charts':
        return computeChartsTask(input);
      case 'inspect':
        return inspectPipeline(input);
      case 'forecast':
        return forecastSeries(input, progress);
      case 'forecast-panel':
        return forecastPanel(input, progress);
      case 'anomalies':
        return detectAnomalies(input, progress);
      case 'structure':
        return structureTask(input);
      case 'text-topics':
        return textTopics(input);
      default:
        return predictModel(input);
    }
  } catch (err) {
    // Structured clone drops custom fields of Error subclasses: send a plain object that keeps the code.
    const e = err as Error & { code?: string };
    throw Object.assign(new Error(e.message), { code: e.code ?? 'INTERNAL', name: e.name });
  } finally {
    port?.close();
  }
}
