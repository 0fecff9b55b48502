import { generateChurn } from './churn';
import { churnCheckpoints } from './churn-lab-checks';
import { CHURN_SHARES, candidateColumns, MISSING_CHURN_CHOICES } from './churn-lab-truths';
import type { LabDefinition } from './lab-types';
import type { LabDataset } from './types';

const intro = generateChurn(1, { rows: 10 });

/**
 * Next quarter's customers, as the retention team would export them: new accounts (ids from C200001), without
 * `churned` (unknown yet) and without `retention_offer_made` (the desk has not seen them yet). A model that kept
 * the leaky column meets it missing on the Predict page: the schema findings say so.
 */
export function churnNewCustomers(seed: number): LabDataset {
  const next = generateChurn(seed + 1, { rows: 500 });
  const drop = new Set(['churned', 'retention_offer_made']);
  return {
    ...next,
    name: 'churn-next-quarter',
    title: 'Next quarter’s customers',
    columns: next.columns.filter((c) => !drop.has(c.name)),
    rows: next.rows.map((row, i) => {
      const { churned: _c, retention_offer_made: _r, ...rest } = row;
      return { ...rest, customer_id: `C${200001 + i}` };
    }),
    problems: [],
  };
}

/** The churn lab: its steps in the studio and the checkpoints that read the learner's work. */
export const churnLab: LabDefinition = {
  id: 'churn',
  title: intro.title,
  summary:
    'Predict which telecom customers will cancel: a rare class, gaps that carry meaning, and a column that knows the answer.',
  story: `${intro.story} The table looks clean, but one column was filled in by the retention desk after customers had already asked to cancel, only one customer in eight churned, and the customers who skip the satisfaction survey are not a random sample.`,
  goals: [
    'Spot a column that leaks the answer, and keep it out of the model.',
    'Judge a rare class with ROC AUC and balanced accuracy instead of accuracy.',
    'Keep class shares equal in every split (stratification) and weight the rare class.',
    'Use the model on next quarter’s customers, and read what the Predict page says about their columns.',
  ],
  seed: 2026,
  generate: (seed) => generateChurn(seed),
  newData: churnNewCustomers,
  kind: 'tabular',
  estimatedMinutes: 20,
  steps: [
    {
      id: 'load',
      title: 'Load and inspect the customers',
      link: '#/data/{dataset}?tab=profile',
      instructions: [
        'Press “Start lab”: the customer table is loaded as the data set “Lab: Customer churn at a telecom operator” (file `churn.csv`).',
        'On the data set’s Columns tab, check the types: `customer_id` is an identifier (one value per row), `churned` is the target.',
        'Open the Profile tab and find `churned`: how many customers left? Answer the question in this panel.',
      ],
    },
    {
      id: 'clean',
      title: 'Clean: drop what the model must not see',
      link: '#/data/{dataset}?tab=clean',
      beforeAfter: true,
      instructions: [
        'Read the column descriptions: `retention_offer_made` is filled in by the retention desk only after a customer asks to cancel.',
        'On the Clean tab pick the step “Drop columns”, choose `retention_offer_made` and press “Apply step”: a new version of the data set is made.',
        'Leave the missing values alone: the model’s pipeline imputes them inside each fold, and a missing satisfaction score is itself a signal.',
      ],
    },
    {
      id: 'explore',
      title: 'Explore: the leak and the gaps',
      link: '#/explore?dataset={root}',
      instructions: [
        'On the Explore page pick the lab’s data set at version 1 (the original, before your cleaning) and set “Target (optional)” to `churned`.',
        'Read “Warnings and leakage”: which column does the leakage linter point at? Answer in this panel.',
        'Compare churn for customers with and without a `satisfaction_score` (Profile, or a chart of `churned` against it) and answer the second question.',
      ],
    },
    {
      id: 'prepare',
      title: 'Prepare: features and a stratified split',
      link: '#/train?dataset={dataset}',
      instructions: [
        'Open Train with the newest version of the lab’s data set (the one without `retention_offer_made`).',
        'Target column: `churned`. `customer_id` is left out by itself: an identifier tells nothing about behaviour.',
        'The holdout is stratified for a classification target (12% churners in the training rows and in the test rows alike); on “Compare families” keep “Stratified k-fold” so every fold keeps the share too.',
      ],
    },
    {
      id: 'model',
      title: 'Model and evaluate the rare class',
      link: '#/train?dataset={dataset}',
      instructions: [
        'Open the “Compare families” tab, pick the target `churned`; keep Linear/logistic and Gradient boosting ticked (untick the slower ones), “Cross-validation”: Stratified k-fold.',
        'Tick “Balanced class weights” and set “Rank by” to ROC AUC, then press “Compare families”.',
        'Look at the dummy baseline’s accuracy (88% by saying “nobody churns”) next to balanced accuracy; select the Linear/logistic row and press “Save version”.',
        'An honest ROC AUC on this data is about 0.70–0.80; 0.97 would mean the leak is still in.',
      ],
    },
    {
      id: 'predict',
      title: 'Predict next quarter’s churners',
      link: '#/predict?model={model}',
      instructions: [
        'Download next quarter’s customers from the lab page (“new data” file): they have no `churned` and no `retention_offer_made` yet.',
        'Open Predict with your saved model and upload the file; read the schema findings above the predictions.',
        'Sort by the churn probability: these are the customers the retention team should call first.',
      ],
    },
  ],
  questions: [
    {
      id: 'churn-share',
      step: 'load',
      prompt: 'What share of the customers churned?',
      choices: [...CHURN_SHARES],
    },
    {
      id: 'leaky-column',
      step: 'explore',
      prompt: 'Which column alone predicts churn almost perfectly, because it is recorded after the fact?',
      choices: candidateColumns(generateChurn(1, { rows: 10 })),
    },
    {
      id: 'missing-satisfaction',
      step: 'explore',
      prompt: 'Customers with no satisfaction score churn…',
      choices: [...MISSING_CHURN_CHOICES],
    },
  ],
  checkpoints: churnCheckpoints(),
};
