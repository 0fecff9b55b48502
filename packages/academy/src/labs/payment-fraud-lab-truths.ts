import { columnOf, psi } from './measures';
import type { LabDataset } from './types';

/**
 * What the payment-fraud lab's questions and checkpoints compare the learner's work with, computed from the
 * generated data (never typed in): the fraud count, the card holders, which column drifted in June, the planted
 * fraud rows.
 */

/** The columns the drift question offers: one that moved in June, two that did not (measured by PSI below). */
export const DRIFT_CHOICES = ['merchant_category', 'channel', 'card_country'] as const;

/** Columns that identify a payment or a card holder: no pattern a new payment could share. */
export const ID_COLUMNS = ['transaction_id', 'customer_id'] as const;

export const TARGET = 'is_fraud';
export const TIME_COLUMN = 'timestamp';

/** Payments confirmed as fraud. */
export function fraudCount(data: LabDataset): number {
  return columnOf(data, TARGET).filter((v) => v === true).length;
}

/** Share of payments that are fraud: the base rate every alert rate and precision is read against. */
export function fraudRate(data: LabDataset): number {
  return fraudCount(data) / Math.max(data.rows.length, 1);
}

/** Distinct card holders (what the Profile tab shows as `customer_id`'s "Distinct"). */
export function distinctCustomers(data: LabDataset): number {
  return new Set(columnOf(data, 'customer_id')).size;
}

const monthOf = (t: unknown) => (typeof t === 'string' ? t.slice(0, 7) : '');

/**
 * The offered column whose distribution moved most between January–May and the last month (population
 * stability index; > 0.2 is a real shift). On seed 2026: channel 0.31, merchant_category 0.001, card_country 0.0005.
 */
export function driftColumn(data: LabDataset): string {
  const last = [...new Set(data.rows.map((r) => monthOf(r[TIME_COLUMN])))].sort().at(-1);
  const before = data.rows.filter((r) => monthOf(r[TIME_COLUMN]) !== last);
  const after = data.rows.filter((r) => monthOf(r[TIME_COLUMN]) === last);
  const scored = DRIFT_CHOICES.map((name) => ({
    name,
    psi: psi(
      before.map((r) => r[name] ?? null),
      after.map((r) => r[name] ?? null),
    ),
  }));
  return scored.reduce((a, b) => (b.psi > a.psi ? b : a)).name;
}

/** Row positions of the planted frauds (the generator's own list, in row order). */
export function plantedFraudRows(data: LabDataset): number[] {
  return data.problems.find((p) => p.kind === 'rare-anomalies')?.rows ?? [];
}

/** A number typed by a person ("2,500", " 100 ") as a number, or null. */
export function parseAnswerNumber(text: string): number | null {
  const cleaned = text.replace(/[\s,_']/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}
