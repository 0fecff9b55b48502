import { generatePaymentFraud } from './payment-fraud';
import { TARGET, TIME_COLUMN } from './payment-fraud-lab-truths';
import type { LabDataset } from './types';

const DAY_MS = 86_400_000;

/**
 * July's payments, awaiting review: the last month of another seeded run of the generator (so it carries June's
 * drift: higher amounts, more mobile-app payments), moved 30 days forward, with fresh references (T2…) and without
 * `is_fraud` (no one has investigated them yet). The lab's model scores them on the Predict page.
 */
export function paymentFraudNewMonth(seed: number): LabDataset {
  const next = generatePaymentFraud(seed + 1);
  // The generator's rows are in time order: the last row's month is the newest month.
  const lastMonth = String(next.rows.at(-1)?.[TIME_COLUMN] ?? '').slice(0, 7);
  const rows = next.rows
    .filter((r) => (r[TIME_COLUMN] as string).startsWith(lastMonth))
    .map((row, i) => {
      const { [TARGET]: _label, ...rest } = row;
      const moved = new Date(Date.parse(`${row[TIME_COLUMN] as string}Z`) + 30 * DAY_MS);
      return {
        ...rest,
        transaction_id: `T${2_000_001 + i}`,
        [TIME_COLUMN]: moved.toISOString().slice(0, 19),
      };
    });
  return {
    ...next,
    name: 'payment-fraud-new',
    title: 'Payments awaiting review',
    story: 'The newest month of payments, not yet investigated: rank them for the reviewers.',
    columns: next.columns.filter((c) => c.name !== TARGET),
    rows,
    problems: [],
  };
}
