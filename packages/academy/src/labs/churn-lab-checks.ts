import {
  churnShareChoice,
  missingSatisfactionChoice,
  modelsUsing,
  mostPredictiveColumn,
} from './churn-lab-truths';
import {
  answerMatches,
  currentDataset,
  dataLoadedCheckpoint,
  latestModel,
  notAFeature,
  onLatestModel,
} from './common-checks';
import type { Checkpoint, SnapshotModel } from './lab-types';

const LEAK = 'retention_offer_made';
const ID = 'customer_id';

/**
 * The honest ROC AUC band. Measured on the lab's data (seed 2026, 25% stratified holdout, seed 42) with
 * scikit-learn 1.2 (/tmp/tabular/m.py in session 4): without the leak, logistic regression 0.747, random forest
 * 0.717, gradient boosting 0.699; with `retention_offer_made` every family reaches 0.97–0.98 (the column alone:
 * 0.971). Quarry, same data (packages/server/test/academy-churn.test.ts): leaderboard linear with stratified
 * folds and balanced weights 0.764 (balanced accuracy 0.685); Train page linear with the leak 0.990. Below 0.65
 * the model has lost the real signal; above 0.90 only the leak explains it.
 */
export const HONEST_AUC = { min: 0.65, max: 0.9 } as const;
/**
 * Balanced accuracy at the saved threshold: about 0.50 without any imbalance handling (the model says "stays"
 * for almost everyone), 0.67 with balanced class weights (sklearn logistic regression, same split).
 */
export const MIN_BALANCED_ACCURACY = 0.6;

const fmt = (x: number) => x.toFixed(3);

/** The churn lab's checkpoints, one or more per step, in step order. */
export function churnCheckpoints(): Checkpoint[] {
  return [
    dataLoadedCheckpoint('churn.csv'),
    {
      id: 'churn-share',
      step: 'load',
      title: 'You know how rare churn is',
      explanation:
        'With one churner in eight, a model that says “nobody leaves” is 88% accurate and useless: the share decides which metrics mean anything.',
      hint: {
        text: 'Open the Profile tab and read the counts of `churned`.',
        link: '#/data/{dataset}?tab=profile',
      },
      check: (s, data) => answerMatches(s, 'churn-share', churnShareChoice(data)),
    },
    {
      id: 'leak-dropped',
      step: 'clean',
      title: 'The leaky column is not a feature',
      explanation:
        '`retention_offer_made` is written by the retention desk after a customer asks to cancel: it knows the answer, and it does not exist yet for the customers you must predict.',
      hint: {
        text: 'Drop `retention_offer_made` on the Clean tab (step “Drop columns”), then train again on the new version. Otherwise the Predict page will report the column missing in next quarter’s file.',
        link: '#/data/{dataset}?tab=clean',
      },
      check: (s) => {
        const m = latestModel(s);
        if (m !== null) {
          return modelsUsing([m], LEAK).length > 0
            ? { status: 'fail', detail: `Your latest model (${m.name}) uses ${LEAK} as a feature.` }
            : { status: 'pass', detail: `Your latest model (${m.name}) does not use ${LEAK}.` };
        }
        const current = currentDataset(s);
        if (current === null) return { status: 'pending', detail: 'The lab has not been started yet.' };
        return current.columns.some((c) => c.name === LEAK)
          ? { status: 'pending', detail: `${LEAK} is still in the current version of the data.` }
          : { status: 'pass', detail: `${LEAK} is dropped (version ${current.version}).` };
      },
    },
    {
      id: 'leaky-column',
      step: 'explore',
      title: 'You found the column that gives the answer away',
      explanation:
        'The leakage linter flags a column whose values almost fix the target. Always ask when a column is recorded: after the outcome means it cannot be used.',
      hint: {
        text: 'On Explore, pick the original `churn` data set, set the target to `churned` and read “Warnings and leakage”.',
        link: '#/explore?dataset={root}',
      },
      check: (s, data) => answerMatches(s, 'leaky-column', mostPredictiveColumn(data)),
    },
    {
      id: 'missing-satisfaction',
      step: 'explore',
      title: 'You saw that the missing satisfaction scores are not random',
      explanation:
        'Unhappy customers skip the survey, so a gap in `satisfaction_score` is a signal (missing not at random). Filling it with the mean hides that; the pipeline’s imputer with a missing indicator keeps it.',
      hint: {
        text: 'On Explore with target `churned`, compare the churn share of rows with and without a satisfaction score.',
        link: '#/explore?dataset={root}',
      },
      check: (s, data) => answerMatches(s, 'missing-satisfaction', missingSatisfactionChoice(data)),
    },
    {
      id: 'id-not-feature',
      step: 'prepare',
      title: 'The customer id is not a feature',
      explanation:
        'An account number identifies a row; as a feature it lets a model memorise customers and it means nothing for a new one.',
      hint: {
        text: 'Keep `customer_id` typed as identifier (Columns tab), or drop it on the Clean tab, then train again.',
        link: '#/data/{dataset}?tab=columns',
      },
      check: onLatestModel(notAFeature(ID)),
    },
    {
      id: 'stratified',
      step: 'prepare',
      title: 'The split keeps the class shares (stratified)',
      explanation:
        'With 12% churners a random split or fold can hold noticeably more or fewer of them, and the scores swing with it. Stratifying keeps the share in every part.',
      hint: {
        text: 'In the leaderboard panel choose “Stratified k-fold” as cross-validation (the holdout of a classification target is stratified), then save a version.',
        link: '#/train?dataset={dataset}',
      },
      check: onLatestModel((m) =>
        m.split.strategy === 'stratified' || m.cv?.strategy === 'stratified'
          ? {
              status: 'pass',
              detail: `Holdout: ${m.split.strategy}${m.cv ? `; cross-validation: ${m.cv.strategy}, k = ${m.cv.k}` : ''}.`,
            }
          : {
              status: 'fail',
              detail: `Holdout: ${m.split.strategy}${m.cv ? `; cross-validation: ${m.cv.strategy}` : ''}: nothing is stratified.`,
            },
      ),
    },
    {
      id: 'honest-auc',
      step: 'model',
      title: `ROC AUC in the honest band (${HONEST_AUC.min}–${HONEST_AUC.max})`,
      explanation:
        'ROC AUC measures how well the model ranks churners above stayers, whatever the class shares. On this data an honest model reaches about 0.70–0.80; a score near 1 means a leak.',
      hint: {
        text: 'A ROC AUC above 0.9 here means the model still sees `retention_offer_made`: drop it on the Clean tab and train again. A score near 0.5 means the target or the features are wrong.',
        link: '#/data/{dataset}?tab=clean',
      },
      check: onLatestModel((m) => {
        const auc = m.metrics.roc_auc;
        if (m.target !== 'churned' || auc === undefined)
          return {
            status: 'fail',
            detail: `Your latest model predicts ${m.target}, not churned as a yes/no class.`,
          };
        if (auc > HONEST_AUC.max)
          return { status: 'fail', detail: `ROC AUC ${fmt(auc)}: too good to be true on this data.` };
        if (auc < HONEST_AUC.min)
          return { status: 'fail', detail: `ROC AUC ${fmt(auc)}: below what the real signal gives.` };
        return { status: 'pass', detail: `Holdout ROC AUC ${fmt(auc)}.` };
      }),
    },
    {
      id: 'imbalance-handled',
      step: 'model',
      title: 'The rare class is weighted (or the threshold chosen)',
      explanation:
        'A model fitted to plain accuracy learns to say “stays” for everyone. Balanced class weights, resampling inside the folds, or a tuned decision threshold make it find churners.',
      hint: {
        text: 'In the leaderboard panel tick “Balanced class weights” (or pick a resampling, or tune the threshold), compare again and press “Save version”.',
        link: '#/train?dataset={dataset}',
      },
      check: onLatestModel((m) => {
        const how = imbalanceHandling(m);
        return how === null
          ? { status: 'fail', detail: `Your latest model (${m.name}) treats both classes alike.` }
          : { status: 'pass', detail: how };
      }),
    },
    {
      id: 'balanced-accuracy',
      step: 'model',
      title: `Balanced accuracy of at least ${MIN_BALANCED_ACCURACY}`,
      explanation:
        'Balanced accuracy averages the hit rate of churners and of stayers: 0.5 is what “nobody churns” scores, however high plain accuracy looks.',
      hint: {
        text: 'Weight the rare class (“Balanced class weights” in the leaderboard panel) or tune the threshold, then save the version.',
        link: '#/train?dataset={dataset}',
      },
      check: onLatestModel((m) => {
        const ba = m.metrics.balanced_accuracy;
        if (ba === undefined)
          return { status: 'fail', detail: 'Your latest model has no balanced accuracy.' };
        const accuracy =
          m.metrics.accuracy === undefined ? '' : ` (plain accuracy ${fmt(m.metrics.accuracy)})`;
        return ba >= MIN_BALANCED_ACCURACY
          ? { status: 'pass', detail: `Balanced accuracy ${fmt(ba)}${accuracy}.` }
          : { status: 'fail', detail: `Balanced accuracy ${fmt(ba)}${accuracy}.` };
      }),
    },
    {
      id: 'predictions-made',
      step: 'predict',
      title: 'Next quarter’s customers are scored',
      explanation:
        'A model is only useful on rows it has never seen; the prediction log keeps what was predicted, with which model version.',
      hint: {
        text: 'Open Predict with your latest model and upload next quarter’s customers (the lab’s new-data file). If the schema findings say `retention_offer_made` is missing, your model still uses the leak: drop it and retrain.',
        link: '#/predict?model={model}',
      },
      check: onLatestModel((m) => {
        if (m.features.includes(LEAK))
          return {
            status: 'fail',
            detail: `Your latest model needs ${LEAK}, which next quarter’s customers do not have.`,
          };
        return m.predictions > 0
          ? { status: 'pass', detail: `${m.predictions} predictions made with ${m.name} v${m.version}.` }
          : { status: 'pending', detail: `No predictions made with ${m.name} v${m.version} yet.` };
      }),
    },
  ];
}

/** How the model handles the rare class, in words, or null when it does not. */
function imbalanceHandling(m: SnapshotModel): string | null {
  const parts: string[] = [];
  if (m.imbalance?.classWeight === 'balanced') parts.push('balanced class weights');
  if (m.imbalance?.resample && m.imbalance.resample !== 'none')
    parts.push(`${m.imbalance.resample} in the folds`);
  if (m.imbalance?.threshold) parts.push('a tuned threshold goal');
  if (typeof m.threshold === 'number' && m.threshold !== 0.5) parts.push(`threshold ${m.threshold}`);
  return parts.length === 0 ? null : `Your latest model uses ${parts.join(', ')}.`;
}
