import type { Lesson } from './types';

/** Module 4: rare classes, text, time series and anomalies. */
export const ADVANCED: readonly Lesson[] = [
  {
    id: 'class-imbalance',
    module: 'advanced',
    title: 'Class imbalance',
    minutes: 9,
    summary: 'When positives are rare: misleading accuracy, balanced metrics, PR AUC and class weights.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'When one class is rare — 12% churners, 0.5% fraud — a model can score a high accuracy by never ' +
            'predicting it. Always compare with the do-nothing baseline: the share of the common class.',
          'Better measures: balanced accuracy (the mean of the recall of each class, 0.5 for the do-nothing ' +
            'model), recall of the rare class, and the precision–recall AUC (average precision), whose chance ' +
            'level is the positive share itself.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'imbalance',
        title: 'Make churners rarer',
        caption:
          '3 000 customers resampled to the chosen churn share; a logistic regression scored on a 30% holdout ' +
          'at the 0.5 threshold. Move the share down and watch accuracy approach the baseline while balanced ' +
          'accuracy and recall collapse. Then switch class weights on.',
      },
      {
        kind: 'prose',
        heading: 'What class weights do',
        paragraphs: [
          'Balanced class weights make each churner count as much as many stayers in the loss, so the model ' +
            'stops ignoring them: recall and balanced accuracy jump while plain accuracy drops. The ranking ' +
            '(ROC AUC, PR AUC) barely changes — weights shift the probabilities, much as a lower threshold would. ' +
            'Resampling (over- or under-sampling) does much the same.',
        ],
      },
    ],
    labs: [
      { id: 'churn', why: 'Model & evaluate: report balanced accuracy and PR AUC, not accuracy.' },
      { id: 'payment-fraud', why: 'Model & evaluate: 1 in 200 payments is fraud.' },
    ],
    studio: [
      { label: 'Train: class weights', href: '#/train' },
      { label: 'Models: PR curve', href: '#/models' },
    ],
    takeaways: [
      'Compare accuracy with the do-nothing baseline; prefer balanced accuracy, recall and PR AUC.',
      'PR AUC\u2019s chance level is the positive share.',
      'Class weights (or a lower threshold) stop the model ignoring the rare class.',
    ],
  },
  {
    id: 'text',
    module: 'advanced',
    title: 'Text: bag of words, TF-IDF and topics',
    minutes: 10,
    summary: 'Turning free text into numbers: word counts, TF-IDF weights, and topics found by NMF.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'A model needs numbers, so text is split into words (tokens) and each document becomes a row of ' +
            'counts, one column per word in the vocabulary: the bag of words. Word order is lost; for many tasks ' +
            'that is fine. Stop words ("the", "my", "please") are usually dropped.',
          'TF-IDF reweights the counts: a word gets more weight the fewer documents contain it (the inverse ' +
            'document frequency). "Help" appears in many support tickets and tells you little; "refund" appears ' +
            'in few and tells you a lot. Each row is then scaled to length 1.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'tfidf-sentence',
        title: 'Type a support ticket',
        caption:
          'A TF-IDF vectorizer fitted on 240 support tickets to the churn lab\u2019s telecom operator. Type ' +
          'anything: you see the words it keeps, their counts, their IDF and their weight — and the words it ' +
          'drops as stop words or unknown.',
      },
      {
        kind: 'prose',
        heading: 'Topics',
        paragraphs: [
          'A topic model finds groups of words that occur together. Non-negative matrix factorisation (NMF) ' +
            'splits the document–word matrix into documents × topics and topics × words; each topic is read ' +
            'from its top words. LDA does the same job with a probabilistic model.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'topics',
        title: 'Topics in the tickets',
        caption:
          'NMF with k topics. The tickets were written about four themes; purity is the share of a topic\u2019s ' +
          'tickets that come from its main theme. Try k = 2, 4 and 6.',
      },
    ],
    labs: [
      { id: 'retail-demand', why: 'Explore: product names are short texts — a place to try a vectorizer.' },
    ],
    studio: [
      { label: 'Train: text columns as TF-IDF features', href: '#/train' },
      { label: 'Explore: topics of a text column', href: '#/explore' },
    ],
    takeaways: [
      'Bag of words: one column per word, counts per document.',
      'TF-IDF turns down words every document has and turns up specific ones.',
      'Topic models (NMF, LDA) group words that occur together; read topics from their top words.',
    ],
  },
  {
    id: 'time-series',
    module: 'advanced',
    title: 'Time series: decomposition, ETS and backtesting',
    minutes: 12,
    summary:
      'Trend and seasons, exponential smoothing, and the walk-forward backtest that keeps forecasts honest.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'A time series is one number per period, in order. Most business series are a trend, one or more ' +
            'seasonal cycles (weekly, yearly) and noise. Decomposition splits them apart so you can see each: ' +
            'classical decomposition uses moving averages; STL uses local regression and lets the season drift.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'decomposition',
        title: 'Decompose a product\u2019s daily sales',
        caption:
          'One store\u2019s daily units (the last 16 weeks shown), days without sales filled from the same ' +
          'weekday a week earlier. Pick a product and a method; the weekly effect per weekday and the seasonal ' +
          'strength are computed on both years.',
      },
      {
        kind: 'prose',
        heading: 'Forecasting and backtesting',
        paragraphs: [
          'The seasonal naive forecast repeats last week: a surprisingly strong baseline that every model must ' +
            'beat. ETS (exponential smoothing with error, trend and season) weighs recent weeks more and smooths ' +
            'the noise; ARIMA models the series\u2019 own correlations instead.',
          'Never score a forecast on a random split: a random test day sits between training days, so the model ' +
            'peeks at the future. A walk-forward backtest trains on everything before an origin, forecasts the ' +
            'next days, moves the origin on and repeats — exactly how the forecast will be used.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'backtest',
        title: 'Walk-forward backtest: seasonal naive against ETS',
        caption:
          'Eight origins a week apart; both models refitted at each. Move the horizon: errors grow the further ' +
          'ahead you forecast, and which model wins can change with it.',
      },
    ],
    labs: [{ id: 'retail-demand', why: 'Model & evaluate: backtest your forecast against seasonal naive.' }],
    studio: [{ label: 'Forecast: models and backtests', href: '#/forecast' }],
    takeaways: [
      'Decompose to see trend, seasons and noise separately.',
      'Always compare with the seasonal naive baseline.',
      'Evaluate with a walk-forward backtest, never a random split.',
    ],
  },
  {
    id: 'anomaly-detection',
    module: 'advanced',
    title: 'Anomaly detection',
    minutes: 10,
    summary:
      'Isolation forest, LOF, robust z-score and Mahalanobis distance — what each sees, and voting them together.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'Anomaly detection ranks rows by how unusual they are, without labels. Each detector has its own idea ' +
            'of unusual. An isolation forest counts how few random splits isolate a row. The local outlier factor ' +
            '(LOF) compares a row\u2019s neighbourhood density with its neighbours\u2019. The robust z-score looks ' +
            'for one extreme feature. Mahalanobis distance looks for rows that break the usual correlations.',
          'Contamination is the share of rows you expect to be anomalies — in practice, how many your team can ' +
            'review. Each detector flags that share of its highest scores.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'anomaly-detectors',
        title: 'Detectors on payment fraud',
        caption:
          '1 500 payments with every fraud case kept (about 7% fraud), described by amount, hour, abroad, device ' +
          'age and time since the previous payment. Move the contamination and compare what each detector flags ' +
          'with the confirmed fraud.',
      },
      {
        kind: 'prose',
        heading: 'Why vote',
        paragraphs: [
          'No detector sees every kind of anomaly. Here the isolation forest finds most of the fraud, while LOF ' +
            'barely beats chance: it compares each payment with its nearest neighbours, and fraud that comes in ' +
            'groups of similar payments has close neighbours of its own kind. On another data set the order can flip.',
          'The ensemble rank-normalises the four scores and keeps the highest: a row is as unusual as the ' +
            'detector that finds it most unusual. It is rarely the single best, but it is a safe default when you ' +
            'do not know what kind of anomaly to expect.',
        ],
      },
    ],
    labs: [{ id: 'payment-fraud', why: 'Model & evaluate: flag the share your review team can handle.' }],
    studio: [{ label: 'Anomalies: detectors, votes and reasons per row', href: '#/anomalies' }],
    takeaways: [
      'Each detector sees one kind of unusual; compare them on known cases when you can.',
      'Contamination is a budget: the share of rows someone will review.',
      'An ensemble vote is a robust default; check which detector drives each flag.',
    ],
  },
];
