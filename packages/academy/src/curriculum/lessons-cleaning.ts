import type { Lesson } from './types';

/** Module 2: finding and handling what is wrong with a table before any model sees it. */
export const CLEANING: readonly Lesson[] = [
  {
    id: 'missing-values',
    module: 'cleaning-eda',
    title: 'Missing values',
    minutes: 9,
    summary:
      'Why values go missing, what filling them does to a column, and when the gap itself is information.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'Before you fill a gap, ask why it is there. Missing completely at random (a sensor glitch) is ' +
            'harmless to fill. Missing not at random — unhappy customers skipping the satisfaction survey — ' +
            'means the gap itself says something, and filling it hides that.',
          'The simple fixes: fill with the mean or median (numbers) or the most frequent value (categories), ' +
            'or drop the rows. Filling keeps every row but piles all the gaps onto one value, which shrinks the ' +
            'spread. Dropping keeps the distribution honest but throws data away — and at prediction time you ' +
            'cannot drop a customer.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'imputation',
        title: 'Filling the gaps of a churn column',
        caption:
          'Choose a column and a strategy; the fill value is learned on the training rows only. The chart ' +
          'stacks the filled values on the observed ones. Compare the churn rate where the value is missing ' +
          'with where it is present, and see what a "was missing" flag does to the holdout AUC.',
      },
      {
        kind: 'prose',
        heading: 'Keep the evidence',
        paragraphs: [
          'For the survey score, customers with no answer churn about twice as often as those who answered. ' +
            'Adding a 0/1 "was missing" column next to the filled one lets the model use that; for data usage, ' +
            'whose gaps are random, the flag adds nothing.',
          'Learn fill values on the training rows only, inside the pipeline, so the test rows stay unseen.',
        ],
      },
    ],
    labs: [
      { id: 'churn', why: 'Clean: fill the gaps and keep a missing flag for the satisfaction score.' },
      { id: 'house-prices', why: 'Clean: an empty year_renovated means "never renovated", not unknown.' },
    ],
    studio: [
      { label: 'Data set → Clean: fill missing values', href: '#/data' },
      { label: 'Train: imputation inside the pipeline', href: '#/train' },
    ],
    takeaways: [
      'Ask why values are missing before choosing a fix.',
      'Filling shrinks the spread; a missing flag keeps the signal of non-random gaps.',
      'Fit the imputer on training rows only.',
    ],
  },
  {
    id: 'outliers',
    module: 'cleaning-eda',
    title: 'Outliers',
    minutes: 8,
    summary: 'z-scores, robust z-scores, and telling a data-entry mistake from a genuinely big house.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'An outlier is a value far from the rest. Some are mistakes (an area typed in square feet, a price ' +
            'with an extra zero); some are real and rare (a mansion). Mistakes should be fixed or removed; real ' +
            'extremes should usually stay, perhaps on a log scale.',
          'The z-score measures distance from the mean in standard deviations. But the outliers themselves ' +
            'inflate the standard deviation they are measured with. The robust z-score uses the median and the ' +
            'median absolute deviation (MAD) instead, which a few wild values barely move.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'outlier-cut',
        title: 'Flagging living areas: z-score against robust z-score',
        caption:
          'Move the cut and switch to the log scale. The planted mistakes (16 rows) are the red points. Compare ' +
          'how many rows each method flags, how many of the mistakes it catches, and how much the mistakes ' +
          'stretch each method\u2019s yardstick.',
      },
      {
        kind: 'prose',
        heading: 'Flag, then look',
        paragraphs: [
          'On the raw scale the robust score also flags dozens of honest large houses: living area is skewed, ' +
            'so its right tail is long. On the log scale, a cut of 3.5 (Iglewicz and Hoaglin\u2019s rule) flags ' +
            'almost exactly the mistakes. Whatever rule you use, look at the flagged rows before deleting any.',
        ],
      },
    ],
    labs: [
      {
        id: 'house-prices',
        why: 'Clean: find the areas entered in ft² and the mansions, and decide for each.',
      },
    ],
    studio: [
      { label: 'Data set → Profile: outlier counts', href: '#/data' },
      { label: 'Anomalies: robust z-score per row', href: '#/anomalies' },
    ],
    takeaways: [
      'Outliers inflate the standard deviation; the median and MAD stay put.',
      'On skewed columns, look for outliers on the log scale.',
      'Fix mistakes, keep real extremes, and always look before you delete.',
    ],
  },
  {
    id: 'profiling',
    module: 'cleaning-eda',
    title: 'Profiling a table',
    minutes: 6,
    summary:
      'One pass over every column: types, gaps, distinct values, shape and outliers, turned into a checklist.',
    sections: [
      {
        kind: 'prose',
        paragraphs: [
          'A profile is the first thing to read about a new table: for every column its type, how much is ' +
            'missing, how many distinct values, the typical value and the shape. It takes seconds and saves hours.',
          'Turn the profile into warnings with a few rules of thumb: more than 5% missing, skewness above 1, ' +
            'more than 50 levels in a category, one value in nearly every row, a column unique per row. Each ' +
            'warning is a question for the cleaning step, not an automatic fix.',
        ],
      },
      {
        kind: 'interactive',
        interactive: 'profile',
        title: 'Profile of a lab table',
        caption:
          'Pick one of the four lab tables. Every number is computed here, on the full table; outliers are ' +
          'counted with the robust z-score detector.',
      },
    ],
    labs: [
      { id: 'churn', why: 'Load & inspect: read the profile before anything else.' },
      { id: 'payment-fraud', why: 'Load & inspect: a 0.5% target and skewed amounts.' },
    ],
    studio: [{ label: 'Data set → Profile', href: '#/data' }],
    takeaways: [
      'Profile every new table before cleaning or modelling.',
      'Warnings are questions: each needs a decision, not a reflex.',
      'A column unique per row is an identifier: leave it out of the model.',
    ],
  },
];
