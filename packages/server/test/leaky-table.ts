import { Rng } from '@quarry/ml';

/**
 * A seeded, realistic customer table with known leaks, for testing the leakage linter: about 20 clean columns of
 * several kinds (numbers with and without missing values, categories, yes/no, dates) that relate to the target
 * the way real features do — some strongly — plus seeded leaky columns of every kind the linter looks for, a
 * split column with rows duplicated across it, a household column shared across the split, and the outcome's date.
 */
export type LeakKind =
  | 'near_perfect'
  | 'category_map'
  | 'linear'
  | 'relabelling'
  | 'text_copy'
  | 'bins'
  | 'monotone'
  | 'after_outcome';

export interface LeakyTable {
  csv: string;
  target: string;
  task: 'classification' | 'regression';
  cleanColumns: string[];
  leaks: {
    column: string;
    kind: LeakKind;
    code: 'near_perfect_predictor' | 'target_derived' | 'after_outcome';
  }[];
  splitColumn: string;
  groupColumn: string;
  timeColumn: string;
  /** Rows copied from the training side to the test side (under new ids). */
  duplicatedRows: number;
}

const PLANS = ['basic', 'standard', 'premium'];
const CONTRACTS = ['monthly', 'annual', 'two_year'];
const REGIONS = ['north', 'south', 'east', 'west', 'central', 'coast', 'mountain', 'islands'];
const PAYMENTS = ['card', 'bank', 'paypal', 'invoice'];
const DEVICES = ['ios', 'android', 'web'];

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const day = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const DAY = 86_400_000;

function normal(rng: Rng): number {
  const u = 1 - rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
}

export function leakyTable(options: {
  seed: number;
  rows?: number;
  task: 'classification' | 'regression';
}): LeakyTable {
  const rng = new Rng(options.seed);
  const n = options.rows ?? 3000;
  const pick = <T>(list: readonly T[]) => list[rng.nextInt(list.length)];
  const maybe = (p: number, v: string) => (rng.nextFloat() < p ? '' : v);
  const classification = options.task === 'classification';
  const target = classification ? 'churned' : 'revenue_next_year';
  const records: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    const z = normal(rng); // latent risk
    const tenure = Math.max(0, Math.round(40 - 15 * z + 20 * normal(rng)));
    const monthly = 20 + rng.nextFloat() * 100;
    const plan = PLANS[Math.min(2, Math.max(0, Math.floor((monthly - 20) / 34 + 0.5 * normal(rng))))];
    const contract = CONTRACTS[z > 0.8 ? 0 : pick([0, 1, 2])];
    const satisfaction = Math.min(5, Math.max(1, Math.round(3 - 0.8 * z + normal(rng))));
    const calls = Math.floor(-Math.log(1 - rng.nextFloat()) * (1 + 1.5 * sigmoid(z)));
    const churnLogit = -1.4 + 1.1 * z + 0.3 * normal(rng);
    const churned = rng.nextFloat() < sigmoid(churnLogit);
    const revenue = Math.max(0, 12 * monthly * (1 - 0.25 * sigmoid(z)) + 300 * normal(rng) + 200);
    const signup = Date.UTC(2018, 0, 1) + rng.nextInt(6 * 365) * DAY;
    const outcome = Date.UTC(2024, 0, 1) + rng.nextInt(365) * DAY;
    const r: Record<string, string> = {
      customer_id: `C${pad(i + 1, 6)}`,
      household_id: `H${pad(Math.floor(i / 2) + rng.nextInt(2), 5)}`,
      age: String(18 + rng.nextInt(62)),
      tenure_months: String(tenure),
      monthly_charges: monthly.toFixed(2),
      total_charges: maybe(0.02, (monthly * tenure + 10 * normal(rng)).toFixed(2)),
      support_calls: String(calls),
      satisfaction: String(satisfaction),
      plan,
      contract,
      region: pick(REGIONS),
      payment_method: pick(PAYMENTS),
      device: maybe(0.03, pick(DEVICES)),
      has_partner: rng.nextFloat() < 0.45 ? 'yes' : 'no',
      paperless_billing: rng.nextFloat() < 0.5 + 0.1 * Math.tanh(z) ? 'yes' : 'no',
      data_usage_gb: maybe(0.05, Math.exp(2 + 0.8 * normal(rng)).toFixed(2)),
      avg_session_min: (25 + 8 * normal(rng)).toFixed(1),
      discount_pct: String(5 * rng.nextInt(7)),
      referrals: String(rng.nextInt(6)),
      signup_date: day(signup),
      city: `city_${pad(rng.nextInt(40))}`,
      credit_score: String(Math.round(Math.min(850, Math.max(300, 680 + 60 * normal(rng))))),
      last_login_days: String(Math.max(0, Math.round(10 + 8 * z + 6 * normal(rng)))),
      outcome_date: day(outcome),
      split: rng.nextFloat() < 0.25 ? 'test' : 'train',
    };
    const flip = rng.nextFloat() < 0.003;
    if (classification) {
      const label = churned ? 'yes' : 'no';
      r[target] = label;
      r.refund_amount = (churned !== flip ? 20 + 50 * rng.nextFloat() : 0).toFixed(2);
      r.account_status = churned !== flip ? pick(['closed', 'cancelled']) : pick(['active', 'paused']);
      r.churn_score = String(churned ? 11 : 10);
      r.churn_label = churned ? 'left' : 'stayed';
      r.outcome_text = `Customer churned: ${label}`;
      r.cancellation_date = churned ? day(outcome + (1 + rng.nextInt(30)) * DAY) : '';
    } else {
      const value = revenue.toFixed(2);
      r[target] = value;
      r.revenue_estimate = (revenue * 1.02 + 25 * normal(rng)).toFixed(2);
      r.revenue_with_fee = (revenue + 5).toFixed(2);
      r.revenue_band =
        revenue < 600 ? 'E' : revenue < 900 ? 'D' : revenue < 1200 ? 'C' : revenue < 1500 ? 'B' : 'A';
      r.revenue_text = `$${value}`;
      r.log_revenue = Math.log1p(revenue).toFixed(6);
    }
    r.last_invoice_date = day(outcome + (10 + rng.nextInt(30)) * DAY);
    records.push(r);
  }
  // Rows entered twice: a training row copied to the test side under a new id.
  const duplicatedRows = Math.round(n * 0.03);
  for (let k = 0; k < duplicatedRows; k++) {
    const source = records[rng.nextInt(n)];
    records.push({
      ...source,
      customer_id: `C${pad(n + k + 1, 6)}`,
      split: source.split === 'test' ? 'train' : 'test',
    });
  }
  const leaks: LeakyTable['leaks'] = classification
    ? [
        { column: 'refund_amount', kind: 'near_perfect', code: 'near_perfect_predictor' },
        { column: 'account_status', kind: 'category_map', code: 'near_perfect_predictor' },
        { column: 'churn_score', kind: 'linear', code: 'target_derived' },
        { column: 'churn_label', kind: 'relabelling', code: 'target_derived' },
        { column: 'outcome_text', kind: 'text_copy', code: 'target_derived' },
        { column: 'cancellation_date', kind: 'after_outcome', code: 'after_outcome' },
        { column: 'last_invoice_date', kind: 'after_outcome', code: 'after_outcome' },
      ]
    : [
        { column: 'revenue_estimate', kind: 'near_perfect', code: 'near_perfect_predictor' },
        { column: 'revenue_with_fee', kind: 'linear', code: 'target_derived' },
        { column: 'revenue_band', kind: 'bins', code: 'target_derived' },
        { column: 'revenue_text', kind: 'text_copy', code: 'target_derived' },
        { column: 'log_revenue', kind: 'monotone', code: 'near_perfect_predictor' },
        { column: 'last_invoice_date', kind: 'after_outcome', code: 'after_outcome' },
      ];
  const structural = new Set(['customer_id', 'household_id', 'outcome_date', 'split', target]);
  const leaky = new Set(leaks.map((l) => l.column));
  const header = Object.keys(records[0]);
  const cleanColumns = header.filter((h) => !structural.has(h) && !leaky.has(h));
  const csv = [header.join(','), ...records.map((r) => header.map((h) => r[h]).join(','))].join('\n');
  return {
    csv: `${csv}\n`,
    target,
    task: options.task,
    cleanColumns,
    leaks,
    splitColumn: 'split',
    groupColumn: 'household_id',
    timeColumn: 'outcome_date',
    duplicatedRows,
  };
}
