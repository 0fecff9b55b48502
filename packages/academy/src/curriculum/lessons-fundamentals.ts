import type { Lesson } from './types';

/** Module 1: what a table holds, what its numbers look like, and how to look at them. */
export const FUNDAMENTALS: readonly Lesson[] = [
  {
    id: 'data-types',
    module: 'fundamentals',
    title: 'Data types',
    minutes: 8,
    summary:
      'Numbers, categories, booleans, dates and identifiers — and why a model must know which is which.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'Every column of a table has a type, and the type decides what you may do with it. You can average ' +
            'monthly charges, but not contract types; you can count contract types, but a customer number is ' +
            'only a label — the customer with number 100 002 is not "one more" than customer 100 001.',
          'A model only sees numbers, so each type is turned into numbers in its own way: numeric columns are ' +
            'scaled, categories become one 0/1 column per level (one-hot encoding), booleans become 0 and 1. ' +
            'Identifiers are left out. Getting the type wrong does not raise an error — it quietly gives the model ' +
            'nonsense to learn from.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'column-types',
        title: 'What each churn column is, and what it says about churn',
        caption:
          'Pick a column. You see its type, how the engine encodes it, and the holdout ROC AUC of a logistic ' +
          'regression that sees only that column (0.5 means it says nothing). Try customer_id, then ' +
          'contract_type, then retention_offer_made — that last one is too good to be true, and a later lesson ' +
          'explains why.',
      },
      {
        kind: 'prose',
        heading: 'The five types Quarry uses',
        paragraphs: [
          'numeric (amounts, counts, measurements), categorical (a small set of labels), boolean (yes/no), ' +
            'datetime (a moment: usually turned into parts such as weekday and month) and identifier (a name ' +
            'for a row). Free text is a sixth kind, with its own lesson.',
          'Quarry proposes a type for every column when you upload a file; check the proposal on the data set ' +
            'page before you train, especially for codes that look like numbers (postcodes, product codes, IDs).',
        ],
      },
    ],
    labs: [
      {
        id: 'churn',
        why: 'Load & inspect: check the proposed type of every column, and exclude customer_id.',
      },
    ],
    studio: [
      { label: 'Data sets: columns and types', href: '#/data' },
      { label: 'Train: choose the features', href: '#/train' },
    ],
    takeaways: [
      'The type decides the encoding: scale numbers, one-hot encode categories, drop identifiers.',
      'An identifier read as a number encodes without error and carries no signal (AUC ≈ 0.5).',
      'A single column that predicts almost perfectly is a warning sign, not a win.',
    ],
  },
  {
    id: 'distributions',
    module: 'fundamentals',
    title: 'Distributions and skew',
    minutes: 8,
    summary: 'Mean versus median, long tails, and why prices are modelled on a log scale.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'A distribution is the shape of a column: where the values pile up and how far they spread. Many ' +
            'real quantities — prices, incomes, amounts paid — are right-skewed: most values are modest and a ' +
            'long tail stretches to the right.',
          'In a skewed column the mean is dragged towards the tail and sits above the median, so "the average ' +
            'house" is more expensive than the typical one. Skewness measures the lopsidedness: 0 is symmetric, ' +
            'above 1 is strongly skewed.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'log-transform',
        title: 'House prices, raw and logged',
        caption:
          'Switch between the price and its logarithm. Watch the skewness and the gap between mean and median, ' +
          'and the typical error of a linear model fitted on each scale (checked on a 30% holdout).',
      },
      {
        kind: 'prose',
        heading: 'Why the log helps',
        paragraphs: [
          'The log turns ratios into differences: a house twice as expensive is always the same distance away, ' +
            'whether it costs 100 000 or 1 000 000. A model of log(price) makes errors in proportion to the ' +
            'price, which is what you want — a 20 000 error matters on a cottage, hardly on a mansion.',
          'Remember to turn predictions back with exp before you report them in dollars.',
        ],
      },
    ],
    labs: [{ id: 'house-prices', why: 'Explore: find the skewed target and model it on the log scale.' }],
    studio: [
      { label: 'Explore: histograms and summaries', href: '#/explore' },
      { label: 'Train: log-transform the target', href: '#/train' },
    ],
    takeaways: [
      'Right skew puts the mean above the median; report the median for "typical".',
      'Model prices on the log scale and turn predictions back with exp.',
      'Skewness above 1 is a hint to try a log (or another transform).',
    ],
  },
  {
    id: 'visualisation',
    module: 'fundamentals',
    title: 'Visualisation',
    minutes: 7,
    summary: 'Choosing a chart, scales that hide or show, and plotting a sample instead of everything.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'Look before you model. A chart shows in seconds what a table of summaries hides: a cluster of ' +
            'mistakes, a curve where you expected a line, two groups where you expected one.',
          'Pick the chart by the question: a histogram for one number, a bar chart for one category, a scatter ' +
            'plot for two numbers, a line for a number over time. Thousands of points in a scatter become one ' +
            'blob — draw a sample, or make the points small and transparent.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'scatter-trend',
        title: 'Living area against price',
        caption:
          'A sample of the houses with a straight-line fit. Switch to log–log axes and change how many points ' +
          'are drawn: on the raw scale a few enormous areas squash everything else into a corner.',
      },
      {
        kind: 'prose',
        heading: 'Scales are part of the message',
        paragraphs: [
          'On the raw scale the far-right points — areas typed in square feet instead of square metres — ' +
            'dominate both the picture and the fitted line. On log axes the cloud opens up, the mistakes stand ' +
            'apart as their own group, and the same straight line explains more of the price (higher R²).',
        ],
      },
    ],
    labs: [
      { id: 'house-prices', why: 'Explore: plot area against price and spot the rows entered in ft².' },
      { id: 'retail-demand', why: 'Explore: draw the daily series and see the weekly and yearly cycles.' },
    ],
    studio: [{ label: 'Explore: charts of any column pair', href: '#/explore' }],
    takeaways: [
      'Chart first: histograms for one number, scatter plots for two, lines over time.',
      'Log axes reveal structure in skewed data and separate gross mistakes.',
      'Plot a sample when there are thousands of rows.',
    ],
  },
];
