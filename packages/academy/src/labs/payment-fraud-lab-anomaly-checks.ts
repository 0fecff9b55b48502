import type { Checkpoint, CheckResult, LabSnapshot, SnapshotAnomalyRun } from './lab-types';
import { fraudRate, plantedFraudRows, TARGET } from './payment-fraud-lab-truths';
import type { LabDataset } from './types';

/**
 * The payment-fraud lab's checkpoints on the learner's anomaly runs (Anomalies page): the detector does not see
 * the label, flags about as many payments as there are frauds, catches a fair share of them at that cut, and a
 * person reviewed some flagged rows. The measurements behind the bands are in payment-fraud-lab-checks.ts.
 */

/** Flag between half and three times the base rate (0.25–1.5% of the payments). */
export const ALERT_RATE = { minTimesBase: 0.5, maxTimesBase: 3 } as const;
/** At least a fifth of the planted frauds among the flagged rows (the lab's path catches 31 of 100 at 0.5%). */
export const MIN_FRAUDS_CAUGHT = 0.2;

const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)}%`;
const runsByTime = (s: LabSnapshot) =>
  [...s.anomalyRuns].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
const latestRun = (s: LabSnapshot) => runsByTime(s).at(-1) ?? null;
const noRun: CheckResult = { status: 'pending', detail: 'No anomaly run on the lab’s data yet.' };

/** Runs `judge` on the newest anomaly run, or is pending before the first one. */
const onLatestRun =
  (judge: (run: SnapshotAnomalyRun, data: LabDataset) => CheckResult): Checkpoint['check'] =>
  (s, data) => {
    const run = latestRun(s);
    return run === null ? noRun : judge(run, data);
  };

/** The anomaly checkpoints of the model step, then the review checkpoint of the predict step. */
export function anomalyCheckpoints(): Checkpoint[] {
  return [
    {
      id: 'detector-blind',
      step: 'model',
      title: 'The anomaly detector does not see the answer',
      explanation:
        'An unsupervised detector is what you run where no one has labelled fraud yet. If is_fraud is among its columns, a rare true is itself the anomaly it finds, and its catch rate means nothing.',
      hint: {
        text: 'On Anomalies remove is_fraud from “Columns to look at” (it is there by default) and press “Find anomalies” again.',
        link: '#/anomalies?dataset={dataset}',
      },
      check: onLatestRun((run) =>
        run.columns.includes(TARGET)
          ? {
              status: 'fail',
              detail: `Your latest run looked at ${TARGET} among ${run.columns.length} columns.`,
            }
          : {
              status: 'pass',
              detail: `Your latest run looked at ${run.columns.length} columns, not ${TARGET}.`,
            },
      ),
    },
    {
      id: 'alert-rate',
      step: 'model',
      title: 'The detector flags about as many payments as there are frauds',
      explanation:
        'Reviewers can check a few hundred payments a day. With fraud at 0.5%, flagging 5% or 10% buries every fraud among ten to twenty false alarms and swamps the team; flag close to the base rate and read the top of the list.',
      hint: {
        text: 'On Anomalies set “Expected share of anomalies” to 0.5–1% and press “Find anomalies” again.',
        link: '#/anomalies?dataset={dataset}',
      },
      check: onLatestRun((run, data) => {
        const base = fraudRate(data);
        const share = run.nFlagged / Math.max(run.nRows, 1);
        const detail = `Your latest run flags ${run.nFlagged} of ${run.nRows} payments (${pct(share)}; fraud is ${pct(base)}).`;
        if (share > ALERT_RATE.maxTimesBase * base)
          return {
            status: 'fail',
            detail: `${detail} That is more than ${ALERT_RATE.maxTimesBase}× the base rate.`,
          };
        if (share < ALERT_RATE.minTimesBase * base)
          return { status: 'fail', detail: `${detail} Too few to catch most frauds.` };
        return { status: 'pass', detail };
      }),
    },
    {
      id: 'frauds-caught',
      step: 'model',
      title: 'The flagged payments catch a good share of the frauds',
      explanation:
        'The detector never saw a label, yet night-time electronics, new devices abroad and bursts seconds apart are unusual enough to stand out: a fifth or more of the frauds in the top half-percent is 40× better than picking at random.',
      hint: {
        text: 'Run Anomalies on the cleaned version with amount_usd, country, device_age_days, seconds_since_prev_txn and timestamp_hour (not is_fraud), at 0.5–1%.',
        link: '#/anomalies?dataset={dataset}',
      },
      check: onLatestRun((run, data) => {
        if (run.nRows !== data.rows.length)
          return {
            status: 'fail',
            detail: `Your latest run analysed ${run.nRows} rows, not the lab’s ${data.rows.length}: run it on a version that keeps every payment.`,
          };
        const planted = plantedFraudRows(data);
        const flagged = new Set(run.flaggedRows);
        const caught = planted.filter((row) => flagged.has(row)).length;
        const share = caught / Math.max(planted.length, 1);
        const detail = `${caught} of the ${planted.length} frauds are among the ${run.flaggedRows.length} payments your latest run flags.`;
        const flagShare = run.nFlagged / Math.max(run.nRows, 1);
        if (flagShare > ALERT_RATE.maxTimesBase * fraudRate(data))
          return {
            status: 'fail',
            detail: `${detail} Flagging ${pct(flagShare)} of all payments catches many by flagging many: lower the share first.`,
          };
        return share >= MIN_FRAUDS_CAUGHT
          ? { status: 'pass', detail }
          : { status: 'fail', detail: `${detail} Aim for at least ${pct(MIN_FRAUDS_CAUGHT)}.` };
      }),
    },
    {
      id: 'rows-reviewed',
      step: 'predict',
      title: 'You reviewed flagged payments',
      explanation:
        'A detector only ranks; a person decides. Each flagged row says why it stands out (which values, how far from typical); marking rows normal or anomalous is the feedback that later becomes labels.',
      hint: {
        text: 'On Anomalies, read “Why it stands out” for the top flagged rows and press “Anomalous” or “Normal” on at least three of them.',
        link: '#/anomalies?dataset={dataset}',
      },
      check: (s) => {
        const runs = runsByTime(s);
        if (runs.length === 0) return noRun;
        const labelled =
          [...runs].reverse().find((r) => r.labels.anomaly + r.labels.normal > 0) ?? runs.at(-1)!;
        const n = labelled.labels.anomaly + labelled.labels.normal;
        const detail = `${n} rows marked (${labelled.labels.anomaly} anomalous, ${labelled.labels.normal} normal).`;
        return n >= 3 ? { status: 'pass', detail } : { status: n === 0 ? 'pending' : 'fail', detail };
      },
    },
  ];
}
