import { generateHousePrices } from './house-prices';
import { housePricesCheckpoints, SKEW_CHOICES } from './house-prices-lab-checks';
import type { LabDefinition } from './lab-types';
import type { LabDataset } from './types';

const intro = generateHousePrices(1, { rows: 10 });

/**
 * New listings to price: houses of the same market that have not sold yet (ids from H50001), without
 * `sale_price_usd`, and without the planted outliers (the agency checks a new listing's area when it enters it).
 */
export function houseNewListings(seed: number): LabDataset {
  const next = generateHousePrices(seed + 1, { rows: 320 });
  const planted = new Set(next.problems.flatMap((p) => p.rows ?? []));
  return {
    ...next,
    name: 'house-prices-new-listings',
    title: 'New listings',
    columns: next.columns.filter((c) => c.name !== next.target),
    rows: next.rows
      .filter((_, i) => !planted.has(i))
      .slice(0, 300)
      .map((row, i) => {
        const { sale_price_usd: _price, ...rest } = row;
        return { ...rest, house_id: `H${50001 + i}` };
      }),
    problems: [],
  };
}

/** The house-prices lab: its steps in the studio and the checkpoints that read the learner's work. */
export const housePricesLab: LabDefinition = {
  id: 'house-prices',
  title: intro.title,
  summary:
    'Price houses from five years of sales: typos and mansions, a skewed price, gaps, and 200 neighbourhoods.',
  story: `${intro.story} Agents typed some living areas in square feet, a few mansions sold for millions, and the neighbourhood, which matters most, has hundreds of values.`,
  goals: [
    'Find outliers on the profile and remove them with a recipe step, without losing ordinary houses.',
    'Recognise a right-skewed target and read MAE next to RMSE.',
    'Leave scaling and encoding to the pipeline, fitted inside each fold: never on the full data.',
    'Price new listings with the saved model.',
  ],
  seed: 2026,
  generate: (seed) => generateHousePrices(seed),
  newData: houseNewListings,
  kind: 'tabular',
  estimatedMinutes: 20,
  steps: [
    {
      id: 'load',
      title: 'Load and inspect the sales',
      link: '#/data/{dataset}?tab=profile',
      instructions: [
        'Press “Start lab”: five years of sales are loaded as the data set “Lab: House prices in a regional market” (file `house-prices.csv`).',
        'On the Columns tab, check the types: `sale_date` is a date, `neighbourhood` categorical. `house_id` is a listing reference: if its Type is not “identifier”, pick identifier in its Type select, so no model uses it.',
        'On the Profile tab read “Distinct” for `neighbourhood` and the Max of `living_area_m2`: does a 1 400 m² house look right?',
      ],
    },
    {
      id: 'clean',
      title: 'Clean: remove the outliers',
      link: '#/data/{dataset}?tab=clean',
      beforeAfter: true,
      instructions: [
        'On the Clean tab pick “Filter rows”, column `living_area_m2`, “is at most”, value `600`, and press “Apply step”.',
        'Press “Show before / after” in this panel: 3 000 → 2 984 rows, the 16 outliers gone; the Profile tab now shows a Max of `living_area_m2` of a few hundred m².',
        'Leave the missing garage and lot areas to the pipeline’s imputer, and do not add a “Standardize” step: the pipeline scales inside each fold.',
      ],
    },
    {
      id: 'explore',
      title: 'Explore: the shape of the price',
      link: '#/explore?dataset={dataset}',
      instructions: [
        'On the Explore page (the newest version of the lab’s data set is picked) set “Target (optional)” to `sale_price_usd`; look at its mean, its median, its histogram (the Profile tab shows them too).',
        'Answer in this panel: where is the mean compared with the median?',
        'Look at the correlations: which features move with the price?',
      ],
    },
    {
      id: 'prepare',
      title: 'Prepare: features and an honest split',
      link: '#/train?dataset={dataset}',
      instructions: [
        'Open Train with the newest version (the one with the outliers filtered).',
        'Target column: `sale_price_usd`. `house_id` is left out by itself; scaling and encoding are inside the pipeline.',
        'Keep the holdout fraction at 0.25: the test rows are split off before anything is fitted.',
      ],
    },
    {
      id: 'model',
      title: 'Model and evaluate in dollars',
      link: '#/train?dataset={dataset}',
      instructions: [
        'On the “One model” tab pick the Model family “Linear/logistic regression” (or compare families on the “Compare families” tab and “Save version” of the best).',
        'Press “Train”, then read MAE and RMSE: the typical and the squared-average miss, in dollars.',
        'An honest model misses by about $55–80k; RMSE above MAE shows the expensive houses weigh more.',
      ],
    },
    {
      id: 'predict',
      title: 'Price the new listings',
      link: '#/predict?model={model}',
      instructions: [
        'Download the new listings from the lab page (“new data” file): they have no `sale_price_usd`.',
        'Open Predict with your latest model and upload the file; every listing gets a price with an interval.',
      ],
    },
  ],
  questions: [
    {
      id: 'neighbourhoods',
      step: 'load',
      prompt: 'How many distinct neighbourhoods are there? (a number)',
    },
    {
      id: 'price-skew',
      step: 'explore',
      prompt: 'The mean sale price is…',
      choices: [...SKEW_CHOICES],
    },
  ],
  checkpoints: housePricesCheckpoints(),
};
