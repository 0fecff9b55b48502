import type { LabDefinition } from './lab-types';
import { generatePaymentFraud } from './payment-fraud';
import { paymentFraudCheckpoints } from './payment-fraud-lab-checks';
import { paymentFraudNewMonth } from './payment-fraud-lab-new-data';
import { DRIFT_CHOICES } from './payment-fraud-lab-truths';

const intro = generatePaymentFraud(1, { rows: 10 });

/** The payment-fraud lab: its steps in the studio and the checkpoints that read the learner's work. */
export const paymentFraudLab: LabDefinition = {
  id: 'payment-fraud',
  title: intro.title,
  summary:
    'Rank six months of card payments so reviewers see fraud first: one payment in two hundred, and a last month that drifted.',
  story: `${intro.story} Fraud comes in three shapes (large night-time purchases, a brand-new device paying abroad, bursts of tiny payments seconds apart), and in June a partner launch changed what normal spending looks like.`,
  goals: [
    'Judge a rare class by average precision and alert rate, never by accuracy.',
    'Find fraud without labels: an anomaly detector that flags about as many payments as there are frauds, and a person who reviews why.',
    'Test a model the way it will be used: trained on the past, evaluated on the latest month.',
    'Spot drift between months, and score the next month’s payments.',
  ],
  seed: 2026,
  generate: (seed) => generatePaymentFraud(seed),
  newData: paymentFraudNewMonth,
  kind: 'anomaly',
  estimatedMinutes: 25,
  steps: [
    {
      id: 'load',
      title: 'Load and inspect the payments',
      link: '#/data/{root}?tab=columns',
      instructions: [
        'Press “Start lab”: 20 000 card payments from January to June 2026 are loaded as the data set “Lab: Payment fraud at a card issuer”.',
        'On the Columns tab check the types Quarry inferred: `timestamp` is a date-time, `transaction_id` an identifier, `is_fraud` the yes/no target.',
        'Open the Profile tab and read “Distinct” on the `customer_id` card: how many card holders made these payments? Answer below.',
      ],
    },
    {
      id: 'clean',
      title: 'Clean: ids out, the hour in',
      link: '#/data/{dataset}?tab=clean',
      beforeAfter: true,
      instructions: [
        'On the Clean tab pick the step “Drop columns”, choose `transaction_id` and `customer_id`, and press “Apply step”.',
        'Pick “Date parts”, column `timestamp`; keep `month` ticked, untick `year` (it is 2026 in every row) and tick `hour`; press “Apply step”: `timestamp_month` and `timestamp_hour` are added.',
        'Keep `timestamp` itself (the time-ordered split needs it) and leave the gaps in `device_age_days` (payments at a till) and `seconds_since_prev_txn` (a card’s first payment): they mean something.',
      ],
    },
    {
      id: 'explore',
      title: 'Explore: how rare, and what changed in June',
      link: '#/explore?dataset={dataset}',
      instructions: [
        'On Explore pick the newest version of the lab’s data set and set “Target (optional)” to `is_fraud`: the class-imbalance warning says how many payments are fraud.',
        'Set the target to `timestamp_month`: the chart “How each feature relates to timestamp_month” shows which columns change with the month.',
        'Answer both questions below.',
      ],
    },
    {
      id: 'prepare',
      title: 'Prepare: train on the past, test on the last month',
      link: '#/train?dataset={dataset}',
      instructions: [
        'Explore is done with `timestamp_month`: on the Clean tab drop it (“Drop columns”). Every payment the model will score is from a later month than it saw, so the month number only teaches it when June happened.',
        'On Train open the tab “Compare families” and pick the newest version of the lab’s data set, target `is_fraud`.',
        'Set “Cross-validation” to “Time-ordered (train on the past)” and “Time column” to `timestamp`.',
        'Set “Holdout fraction” to 0.17: June is 30 of the 181 days, so the holdout is the last month.',
      ],
    },
    {
      id: 'model',
      title: 'Model and evaluate: supervised, then without labels',
      link: '#/anomalies?dataset={dataset}',
      instructions: [
        'Back in the “Compare families” form set “Rank by” to Average precision and press “Compare families”. The dummy baseline is 99.5% accurate and catches no fraud: that is why accuracy is useless here.',
        'Press the leading family’s row, then “Save version”.',
        'Open Anomalies (“Go to page”). In “Columns to look at” keep where fraud shows (size, place, device, timing): remove `is_fraud` (it is the answer), `card_country`, `merchant_category` and `channel`, leaving `amount_usd`, `country`, `device_age_days`, `seconds_since_prev_txn`, `timestamp_hour`.',
        'Set “Expected share of anomalies” to 0.5% (about the fraud rate) and press “Find anomalies”.',
      ],
    },
    {
      id: 'predict',
      title: 'Review and predict',
      link: '#/predict?model={model}',
      instructions: [
        'Still on Anomalies, read “Why it stands out” for the top flagged rows and press “Anomalous” or “Normal” on at least three (the page opens your latest run; the earlier ones are in the list above it).',
        'Download the new month’s payments (link below), open Predict (“Go to page”) with your saved model and upload the file; if the findings warn about values outside the training range (June drifted), read them and press “Predict anyway”.',
        'Press “Download CSV” and sort it by `proba_true`: the highest fraud probabilities are the reviewers’ queue for July.',
      ],
    },
  ],
  questions: [
    {
      id: 'customers-count',
      step: 'load',
      prompt: 'About how many distinct card holders (customer_id) are there?',
    },
    {
      id: 'fraud-count',
      step: 'explore',
      prompt: 'How many of the payments are confirmed fraud (is_fraud = true)?',
    },
    {
      id: 'drift-column',
      step: 'explore',
      prompt: 'Which of these columns changed its distribution with the month?',
      choices: [...DRIFT_CHOICES],
    },
  ],
  checkpoints: paymentFraudCheckpoints(),
};
