import type { Lesson } from './types';

/** Module 3: honest evaluation — splits, leakage, cross-validation, metrics and tuning. */
export const MODELLING: readonly Lesson[] = [
  {
    id: 'splits-and-leakage',
    module: 'modelling',
    title: 'Splits and leakage',
    minutes: 10,
    summary: 'Why a model is scored on rows it never saw, and how a leaky column makes the score a lie.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'A model is only useful on data it has not seen, so that is where it is scored: split the rows, fit ' +
            'on the training part, measure on the holdout. The holdout score estimates how the model will do on ' +
            'next month\u2019s customers.',
          'Leakage is information in the training data that will not exist when the model is used. The churn ' +
            'table has a column, retention_offer_made, that the retention desk fills in after a customer asks ' +
            'to cancel. It "predicts" churn superbly — because it is recorded after the fact.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'leakage-split',
        title: 'Move the split, add the leaky column',
        caption:
          'Rows before the boundary train a logistic regression; rows after it test it. Move the boundary and ' +
          'the honest AUC stays near 0.78. Add retention_offer_made and it jumps to about 0.97 — a score the ' +
          'model can never reach in real use.',
      },
      {
        kind: 'prose',
        heading: 'How to catch a leak',
        paragraphs: [
          'Ask of every column: would I know this at the moment I make the prediction? Be suspicious of a ' +
            'single feature that is nearly perfect, and of scores far above what similar problems reach.',
          'Leaks also come from preparation: scaling, filling or encoding with statistics from all rows lets ' +
            'the test rows shape the training. Fit every step on the training rows only — a pipeline does that ' +
            'for you.',
        ],
      },
    ],
    labs: [{ id: 'churn', why: 'Prepare & split: find and drop the leakage trap before training.' }],
    studio: [
      { label: 'Train: choose features and the holdout', href: '#/train' },
      { label: 'Models: compare holdout scores', href: '#/models' },
    ],
    takeaways: [
      'Score on rows the model never saw.',
      'A column recorded after the outcome is a leak, however good it looks.',
      'Fit scalers, imputers and encoders on the training rows only.',
    ],
  },
  {
    id: 'cross-validation',
    module: 'modelling',
    title: 'Cross-validation',
    minutes: 8,
    summary: 'Every row tested once: k folds, the spread of their scores, and what one holdout can hide.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'One holdout is one roll of the dice: a different random split gives a different score. With 5 000 ' +
            'customers the same model scores anywhere from about 0.74 to 0.81 depending on the split.',
          'k-fold cross-validation splits the rows into k folds and fits k models, each tested on one fold and ' +
            'trained on the rest. Every row is tested exactly once; the mean of the k scores is steadier than any ' +
            'single holdout, and their spread tells you how much to trust it.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'cv-folds',
        title: 'Fold scores as k changes',
        caption:
          'Stratified k-fold ROC AUC of the churn model. More folds mean more training rows per model and ' +
          'smaller test folds, so individual fold scores scatter more while their mean stays put.',
      },
      {
        kind: 'prose',
        heading: 'Which folds',
        paragraphs: [
          'Stratify by the target for classification so every fold has its share of churners. Keep groups ' +
            'together (all rows of one customer in one fold). For time series, never shuffle: train on the past, ' +
            'test on the future — the time-series lesson shows how.',
        ],
      },
    ],
    labs: [{ id: 'churn', why: 'Model & evaluate: compare models by their cross-validated score.' }],
    studio: [{ label: 'Train: cross-validation settings', href: '#/train' }],
    takeaways: [
      'A single holdout score has noise; report the cross-validated mean and spread.',
      '5 or 10 folds are the usual choice; stratify classification targets.',
      'Time series and grouped rows need their own kind of folds.',
    ],
  },
  {
    id: 'metrics',
    module: 'modelling',
    title: 'Metrics and thresholds',
    minutes: 10,
    summary: 'Confusion matrix, precision and recall, and why a threshold is a business decision.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'A classifier gives each customer a probability of churning; a threshold turns it into a decision. ' +
            'The confusion matrix counts the four outcomes: churners flagged (true positives), loyal customers ' +
            'flagged (false positives), churners missed (false negatives) and loyal customers left alone.',
          'Precision is the share of flagged customers who really churn; recall is the share of churners who ' +
            'get flagged. Lowering the threshold flags more people: recall rises, precision falls.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'threshold',
        title: 'Move the threshold',
        caption:
          'The churn model on a 30% holdout. Watch the confusion matrix, precision and recall move with the ' +
          'threshold — and note that ROC AUC and average precision do not: they summarise every threshold.',
      },
      {
        kind: 'prose',
        heading: 'Choose the threshold from costs',
        paragraphs: [
          'At the default 0.5 this model flags almost nobody: churners are 12% of customers, so few reach a ' +
            '50% probability. Accuracy still looks fine at 88% — that is just the share of customers who stay.',
          'If a retention call costs 5 dollars and a lost customer 300, missing a churner is far worse than ' +
            'calling a loyal one: pick a low threshold. Let the costs choose, not the default.',
        ],
      },
    ],
    labs: [
      { id: 'churn', why: 'Model & evaluate: choose a threshold for the retention campaign.' },
      { id: 'payment-fraud', why: 'Model & evaluate: precision at the review team\u2019s capacity.' },
    ],
    studio: [
      { label: 'Models: confusion matrix and curves', href: '#/models' },
      { label: 'Predict: score new rows', href: '#/predict' },
    ],
    takeaways: [
      'Precision: how many flagged are right. Recall: how many positives are found.',
      'The threshold trades one for the other; choose it from the costs of each mistake.',
      'Accuracy hides everything when one class is rare.',
    ],
  },
  {
    id: 'tuning',
    module: 'modelling',
    title: 'Tuning hyperparameters',
    minutes: 8,
    summary:
      'Under- and overfitting, validation curves, and choosing settings without touching the test set.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'Hyperparameters are the settings you choose before fitting: the depth of a tree, the strength of ' +
            'regularisation. Too simple a model underfits (it misses real patterns); too flexible a model ' +
            'overfits (it memorises the training rows, noise included).',
          'A validation curve shows both at once: the training score keeps rising with flexibility, while the ' +
            'score on held-out folds rises, peaks, and falls. The peak is the setting to keep.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'tree-depth',
        title: 'A decision tree\u2019s depth',
        caption:
          'Three-fold cross-validated ROC AUC of a decision tree on 2 000 churn customers, for depths 1 to 12. ' +
          'Move the depth and compare the training and validation scores; the gap between them is overfitting.',
      },
      {
        kind: 'prose',
        heading: 'Keep the test set for the end',
        paragraphs: [
          'Choose settings on validation folds (grid or random search with cross-validation), then score the ' +
            'chosen model once on the test set. If you pick the setting that does best on the test set, that ' +
            'score is no longer an honest estimate — you have tuned to it.',
        ],
      },
    ],
    labs: [
      { id: 'churn', why: 'Model & evaluate: tune a tree model with cross-validation.' },
      { id: 'house-prices', why: 'Model & evaluate: tune regularisation for a linear model.' },
    ],
    studio: [
      { label: 'Train: tuning with search', href: '#/train' },
      { label: 'Models: leaderboard', href: '#/models' },
    ],
    takeaways: [
      'Training scores always improve with flexibility; validation scores tell the truth.',
      'Pick settings on validation folds, score once on the test set.',
      'The gap between training and validation scores measures overfitting.',
    ],
  },
];
