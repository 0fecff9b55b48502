import { interceptForRate, LabRandom, round, sigmoid } from './random';
import type { GenerateOptions, LabColumn, LabDataset, LabRow } from './types';

/**
 * Lab 1, customer churn. A telecom operator exports one row per customer at the end of a quarter and asks which
 * customers will leave. The honest signal is the one real churn studies find: short tenure, month-to-month
 * contracts, fibre customers paying high bills, many support calls and low satisfaction raise the risk. An
 * unobserved per-customer factor (moves, competitor offers) keeps an honest model at a realistic ROC AUC of about
 * 0.75–0.8 instead of a toy's 0.99.
 *
 * Planted traps:
 * - imbalance: the intercept is solved so that about 12% of customers churn;
 * - missing values: `data_usage_gb` and `avg_call_minutes` lose values at random (a meter outage), while
 *   `satisfaction_score` is missing NOT at random: unhappy customers skip the survey;
 * - leakage: `retention_offer_made` is filled in by the retention desk only after a customer has asked to cancel,
 *   so it almost equals the target and is unavailable at prediction time.
 */
export function generateChurn(seed: number, options: GenerateOptions = {}): LabDataset {
  const n = options.rows ?? 5000;
  const rnd = new LabRandom(seed);
  const contracts = ['month-to-month', 'one-year', 'two-year'] as const;
  const internets = ['fiber', 'dsl', 'none'] as const;
  const payments = ['electronic check', 'credit card', 'bank transfer', 'mailed check'] as const;

  const rows: LabRow[] = [];
  const risk = new Float64Array(n);
  const satisfaction = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const contract = contracts[rnd.weighted([0.55, 0.25, 0.2])];
    const tenure =
      contract === 'month-to-month' ? Math.min(72, 1 + Math.floor(rnd.logNormal(10, 0.9))) : rnd.int(6, 72);
    const internet = internets[rnd.weighted([0.44, 0.34, 0.22])];
    const base = internet === 'fiber' ? 75 : internet === 'dsl' ? 50 : 22;
    const monthly = round(Math.max(18, base + rnd.normal(0, 12) + (rnd.chance(0.4) ? 15 : 0)));
    const calls = rnd.poisson(internet === 'fiber' ? 1.6 : 1.1);
    const score = Math.min(5, Math.max(1, Math.round(rnd.normal(3.7 - 0.35 * calls, 1))));
    satisfaction[i] = score;
    risk[i] =
      -0.035 * tenure +
      (contract === 'month-to-month' ? 1.1 : contract === 'one-year' ? 0.2 : -0.6) +
      0.012 * (monthly - 65) +
      (internet === 'fiber' ? 0.35 : 0) +
      0.28 * calls -
      0.45 * (score - 3) +
      rnd.normal(0, 1.3);
    rows.push({
      customer_id: `C${String(100001 + i)}`,
      age: Math.min(90, Math.max(18, Math.round(rnd.normal(46, 15)))),
      tenure_months: tenure,
      contract_type: contract,
      internet_service: internet,
      payment_method: payments[rnd.weighted([0.34, 0.22, 0.22, 0.22])],
      paperless_billing: rnd.chance(0.6),
      monthly_charges_usd: monthly,
      total_charges_usd: round(monthly * tenure * (1 + rnd.normal(0, 0.03))),
      data_usage_gb: internet === 'none' ? 0 : round(rnd.logNormal(internet === 'fiber' ? 180 : 60, 0.6), 1),
      avg_call_minutes: round(rnd.logNormal(140, 0.5), 1),
      support_calls_90d: calls,
      satisfaction_score: score,
    });
  }

  const b = interceptForRate(risk, 0.12);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const churned = rnd.chance(sigmoid(b + risk[i]));
    row.retention_offer_made = churned ? rnd.chance(0.96) : rnd.chance(0.015);
    row.churned = churned;
    // Missing completely at random: a billing-system outage dropped these meter readings.
    if (rnd.chance(0.08)) row.data_usage_gb = null;
    if (rnd.chance(0.05)) row.avg_call_minutes = null;
    // Missing not at random: the lower the satisfaction, the less likely the survey was answered.
    if (rnd.chance([0, 0.85, 0.55, 0.1, 0.03, 0.02][satisfaction[i]])) row.satisfaction_score = null;
  }

  return {
    name: 'churn',
    title: 'Customer churn at a telecom operator',
    story:
      'A telecom operator wants to call the customers most likely to cancel next quarter. You get last quarter’s ' +
      'customer table with who churned; build a model the retention team can trust on new customers.',
    target: 'churned',
    columns: CHURN_COLUMNS,
    rows,
    problems: [
      {
        kind: 'imbalance',
        columns: ['churned'],
        description:
          'Only about one customer in eight churned, so accuracy rewards a model that predicts nobody churns.',
        measure: 'share of churned = true between 10% and 15%',
      },
      {
        kind: 'missing',
        columns: ['data_usage_gb', 'avg_call_minutes', 'satisfaction_score'],
        description:
          'Usage readings are missing at random, but satisfaction is missing mostly for unhappy customers, so the gap itself carries signal.',
        measure:
          'missing share per column in range; satisfaction missingness correlates with churn and support calls',
      },
      {
        kind: 'leakage',
        columns: ['retention_offer_made'],
        description:
          'A retention offer is made only after a customer asks to cancel, so this column knows the answer and does not exist when you predict.',
        measure: 'the column alone gives ROC AUC > 0.95 while honest features give 0.7–0.85 on a holdout',
      },
    ],
  };
}

const CHURN_COLUMNS: LabColumn[] = [
  { name: 'customer_id', type: 'identifier', description: 'Customer account number.' },
  { name: 'age', type: 'numeric', description: 'Account holder’s age in years.' },
  { name: 'tenure_months', type: 'numeric', description: 'Months since the customer signed up.' },
  {
    name: 'contract_type',
    type: 'categorical',
    description: 'Contract: month-to-month, one-year or two-year.',
  },
  { name: 'internet_service', type: 'categorical', description: 'Internet product: fiber, dsl or none.' },
  { name: 'payment_method', type: 'categorical', description: 'How the monthly bill is paid.' },
  { name: 'paperless_billing', type: 'boolean', description: 'Whether bills are sent by e-mail only.' },
  { name: 'monthly_charges_usd', type: 'numeric', description: 'Current monthly bill in US dollars.' },
  { name: 'total_charges_usd', type: 'numeric', description: 'Total billed since sign-up in US dollars.' },
  { name: 'data_usage_gb', type: 'numeric', description: 'Mobile and home data used last month, in GB.' },
  {
    name: 'avg_call_minutes',
    type: 'numeric',
    description: 'Average voice minutes per month over the quarter.',
  },
  {
    name: 'support_calls_90d',
    type: 'numeric',
    description: 'Calls to customer support in the last 90 days.',
  },
  { name: 'satisfaction_score', type: 'numeric', description: 'Last survey answer, 1 (very unhappy) to 5.' },
  {
    name: 'retention_offer_made',
    type: 'boolean',
    description: 'Whether the retention desk made the customer a discount offer this quarter.',
  },
  {
    name: 'churned',
    type: 'boolean',
    description: 'Whether the customer cancelled this quarter.',
  },
];
