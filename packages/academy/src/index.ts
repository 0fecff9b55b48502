/**
 * Quarry Academy, shared by the server and the web app (pure TypeScript: it runs in the browser too): the four
 * labs (seeded data generators, six steps each, checkpoints that read the learner's project, labs/), the code
 * templates made from what the learner did (templates/), and the curriculum's lessons with their interactive
 * parts (curriculum/, imported by the web app through the `./curriculum` export so the studio loads it lazily).
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

export {
  answerMatches,
  currentDataset,
  dataLoadedCheckpoint,
  latestModel,
  modelsByTime,
  notAFeature,
  onLatestModel,
} from './labs/common-checks';
export { evaluateLab } from './labs/evaluate';
export * from './labs/lab-types';
export { resolveLink } from './labs/links';
export { LABS, labById } from './labs/registry';
export {
  type LabTemplates,
  type LanguageTemplates,
  labTemplates,
  type StepCode,
  type TemplateOptions,
} from './templates';
