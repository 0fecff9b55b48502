import { LabRandom, round } from './random';
import type { GenerateOptions, LabColumn, LabDataset, LabRow } from './types';

const START_MS = Date.UTC(2026, 0, 1);
const DAYS = 181; // January to June 2026
const JUNE = 151; // day index of 2026-06-01
const CATEGORIES = ['grocery', 'restaurants', 'fuel', 'fashion', 'electronics', 'travel', 'digital goods'];
const CATEGORY_WEIGHTS = [0.3, 0.2, 0.14, 0.12, 0.08, 0.06, 0.1];
const HOMES = ['US', 'US', 'US', 'US', 'US', 'US', 'US', 'US', 'CA', 'GB'];
const FOREIGN = ['BR', 'RO', 'VN', 'PH', 'ID'];

interface Draft {
  at: number; // seconds since START
  customer: number;
  row: LabRow;
}

/**
 * Lab 4, payment fraud. A card issuer exports six months of transactions and asks for a detector that flags
 * fraud for review. Legitimate spending follows each customer's habits (a typical amount, daytime hours, the home
 * country, a known device). Fraud is rare and comes in the three patterns issuers report most:
 * account takeover at night with large electronics or digital purchases; a brand-new device buying from abroad;
 * and card testing, bursts of 3–5 payments seconds apart.
 *
 * Planted traps:
 * - rare anomalies: 0.5% fraud, so accuracy is useless and precision–recall is the measure;
 * - drift: in June a premium partner launch raises amounts about 70% and the mobile app's share jumps from 20% to
 *   45%, so a model or threshold tuned on January–May misfires in the last month (merchant mix stays stable).
 */
export function generatePaymentFraud(seed: number, options: GenerateOptions = {}): LabDataset {
  const n = options.rows ?? 20_000;
  const nFraud = Math.round(n * 0.005);
  const rnd = new LabRandom(seed);
  const nCustomers = Math.max(10, Math.round(n / 8));
  const customers = Array.from({ length: nCustomers }, () => ({
    home: rnd.pick(HOMES),
    typical: rnd.logNormal(38, 0.5),
    activity: rnd.logNormal(1, 0.7),
    deviceAge: rnd.logNormal(320, 0.9),
  }));
  const activity = customers.map((c) => c.activity);

  const drafts: Draft[] = [];
  const add = (at: number, customer: number, fields: Omit<LabRow, 'customer_id' | 'card_country'>) => {
    const c = customers[customer];
    drafts.push({ at, customer, row: { ...fields, card_country: c.home } });
  };
  const device = (channel: string, age: number) => (channel === 'pos' ? null : Math.max(0, Math.round(age)));

  while (drafts.length < n - nFraud) {
    const customer = rnd.weighted(activity);
    const c = customers[customer];
    const day = rnd.int(0, DAYS - 1);
    const june = day >= JUNE;
    const hour = rnd.chance(0.03) ? rnd.uniform(0, 6) : Math.min(23.99, Math.max(6, rnd.normal(14, 3.5)));
    const at = day * 86_400 + Math.floor(hour * 3600);
    const channel = ['pos', 'online', 'mobile app'][rnd.weighted(june ? [0.3, 0.25, 0.45] : [0.5, 0.3, 0.2])];
    const abroad = rnd.chance(0.03);
    const fields = {
      amount_usd: round(c.typical * rnd.logNormal(1, 0.7) * (june ? 1.7 : 1)),
      merchant_category: CATEGORIES[rnd.weighted(CATEGORY_WEIGHTS)],
      channel,
      country: abroad ? rnd.pick(['MX', 'FR', 'ES', 'IT', 'CA']) : c.home,
      device_age_days: device(channel, rnd.chance(0.02) ? rnd.uniform(0, 2) : c.deviceAge + day),
      is_fraud: false,
    };
    add(at, customer, fields);
    // Now and then a genuine second payment a few minutes later (a forgotten item, a split bill).
    if (drafts.length < n - nFraud && rnd.chance(0.01))
      add(at + rnd.int(60, 900), customer, { ...fields, amount_usd: round(c.typical) });
  }

  const fraudRows: number[] = [];
  const fraud = (at: number, customer: number, fields: Omit<LabRow, 'customer_id' | 'card_country'>) => {
    fraudRows.push(drafts.length);
    add(at, customer, { ...fields, is_fraud: true });
  };
  const nNight = Math.round(nFraud * 0.35);
  const nForeign = Math.round(nFraud * 0.35);
  for (let k = 0; k < nNight; k++) {
    const customer = rnd.int(0, nCustomers - 1);
    fraud(rnd.int(0, DAYS - 1) * 86_400 + rnd.int(3600, 4.5 * 3600), customer, {
      amount_usd: round(rnd.logNormal(1200, 0.45)),
      merchant_category: rnd.pick(['electronics', 'digital goods']),
      channel: 'online',
      country: customers[customer].home,
      device_age_days: Math.round(customers[customer].deviceAge),
    });
  }
  for (let k = 0; k < nForeign; k++) {
    const customer = rnd.int(0, nCustomers - 1);
    fraud(rnd.int(0, DAYS * 86_400 - 1), customer, {
      amount_usd: round(rnd.logNormal(260, 0.6)),
      merchant_category: rnd.pick(['electronics', 'fashion', 'travel']),
      channel: rnd.pick(['online', 'mobile app']),
      country: rnd.pick(FOREIGN),
      device_age_days: 0,
    });
  }
  while (fraudRows.length < nFraud) {
    const customer = rnd.int(0, nCustomers - 1);
    let at = rnd.int(0, DAYS * 86_400 - 600);
    for (let k = Math.min(rnd.int(3, 5), nFraud - fraudRows.length); k > 0; k--) {
      fraud(at, customer, {
        amount_usd: round(rnd.uniform(1, 9.99)),
        merchant_category: 'digital goods',
        channel: 'online',
        country: customers[customer].home,
        device_age_days: Math.round(customers[customer].deviceAge),
      });
      at += rnd.int(4, 40);
    }
  }

  // Time order (ties by creation order), then each customer's gap to their previous payment.
  const order = drafts.map((_, i) => i).sort((a, b) => drafts[a].at - drafts[b].at || a - b);
  const last = new Map<number, number>();
  const names = FRAUD_COLUMNS.map((c) => c.name);
  const rows = order.map((i, k) => {
    const { at, customer, row } = drafts[i];
    const previous = last.get(customer);
    last.set(customer, at);
    const full: LabRow = {
      ...row,
      transaction_id: `T${String(1_000_001 + k)}`,
      timestamp: new Date(START_MS + at * 1000).toISOString().slice(0, 19),
      customer_id: `K${String(5001 + customer)}`,
      seconds_since_prev_txn: previous === undefined ? null : at - previous,
    };
    // Keys in the documented column order, so a record prints the way the CSV reads.
    return Object.fromEntries(names.map((name) => [name, full[name] ?? null])) as LabRow;
  });
  const position = new Map(order.map((i, k) => [i, k]));

  return {
    name: 'payment-fraud',
    title: 'Payment fraud at a card issuer',
    story:
      'A card issuer’s analysts can review a few hundred payments a day. You get six months of transactions; ' +
      'rank them so the reviewers see fraud first, and check that your detector still works in the newest month.',
    target: 'is_fraud',
    columns: FRAUD_COLUMNS,
    rows,
    problems: [
      {
        kind: 'rare-anomalies',
        columns: [
          'amount_usd',
          'timestamp',
          'country',
          'device_age_days',
          'seconds_since_prev_txn',
          'is_fraud',
        ],
        description:
          'Only one payment in two hundred is fraud: large night-time buys, new devices abroad, and bursts seconds apart.',
        measure:
          'fraud rate 0.3–0.8%, and an isolation forest on the raw features has average precision > 20× the base rate',
        rows: fraudRows.map((i) => position.get(i)!).sort((a, b) => a - b),
      },
      {
        kind: 'drift',
        columns: ['amount_usd', 'channel'],
        description:
          'In June amounts rise sharply and the mobile app’s share more than doubles, so January–May is a poor guide to the last month.',
        measure: 'PSI between January and June > 0.2 for amount_usd and channel, < 0.1 for merchant_category',
      },
    ],
  };
}

const FRAUD_COLUMNS: LabColumn[] = [
  { name: 'transaction_id', type: 'identifier', description: 'Payment reference.' },
  { name: 'timestamp', type: 'datetime', description: 'When the payment was authorised (UTC).' },
  { name: 'customer_id', type: 'identifier', description: 'Card holder.' },
  { name: 'card_country', type: 'categorical', description: 'Country the card was issued in (ISO code).' },
  { name: 'amount_usd', type: 'numeric', description: 'Payment amount in US dollars.' },
  { name: 'merchant_category', type: 'categorical', description: 'Merchant’s business category.' },
  { name: 'channel', type: 'categorical', description: 'pos (card present), online, or mobile app.' },
  { name: 'country', type: 'categorical', description: 'Country where the payment was made (ISO code).' },
  {
    name: 'device_age_days',
    type: 'numeric',
    description: 'Days since the paying device was first seen; empty at a till.',
  },
  {
    name: 'seconds_since_prev_txn',
    type: 'numeric',
    description: 'Seconds since this card’s previous payment.',
  },
  { name: 'is_fraud', type: 'boolean', description: 'Confirmed fraud after investigation.' },
];
