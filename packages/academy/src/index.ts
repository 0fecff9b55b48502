/**
 * Quarry Academy: the curriculum and labs as data, shared by the server and the web app. The four labs' seeded
 * data generators are in ./labs (pure TypeScript, so they run in the browser as well as on the server); the
 * automatic checkpoints come next. The curriculum outline is here so the studio can show where each capability
 * is taught.
 */
export { generateChurn } from './labs/churn';
export { toCsv } from './labs/csv';
export { generateHousePrices } from './labs/house-prices';
export {
  columnOf,
  correlation,
  fingerprint,
  missingShare,
  numericColumn,
  psi,
  robustZ,
  skewness,
} from './labs/measures';
export { generatePaymentFraud } from './labs/payment-fraud';
export { generateRetailDemand } from './labs/retail-demand';
export type {
  Cell,
  EmbeddedProblem,
  GenerateOptions,
  LabColumn,
  LabColumnType,
  LabDataset,
  LabRow,
  ProblemKind,
} from './labs/types';

import { generateChurn } from './labs/churn';
import { generateHousePrices } from './labs/house-prices';
import { generatePaymentFraud } from './labs/payment-fraud';
import { generateRetailDemand } from './labs/retail-demand';
import type { GenerateOptions, LabDataset } from './labs/types';

/** The four labs' generators by lab name, in the order the Academy teaches them. */
export const LAB_GENERATORS: Readonly<
  Record<string, (seed: number, options?: GenerateOptions) => LabDataset>
> = {
  churn: generateChurn,
  'house-prices': generateHousePrices,
  'retail-demand': generateRetailDemand,
  'payment-fraud': generatePaymentFraud,
};
export interface Module {
  id: string;
  title: string;
  topics: string[];
}

export const CURRICULUM: readonly Module[] = [
  {
    id: 'fundamentals',
    title: 'Fundamentals',
    topics: ['tables and types', 'train/test split', 'metrics', 'baselines'],
  },
  {
    id: 'cleaning-eda',
    title: 'Cleaning & exploration',
    topics: ['missing values', 'outliers', 'profiles', 'leakage'],
  },
  {
    id: 'modelling',
    title: 'Feature engineering & modelling',
    topics: ['pipelines', 'encoding and scaling inside folds', 'cross-validation', 'tuning'],
  },
  {
    id: 'advanced',
    title: 'Advanced topics',
    topics: ['class imbalance', 'text: bag of words, TF-IDF, topics', 'time series', 'anomaly detection'],
  },
];
