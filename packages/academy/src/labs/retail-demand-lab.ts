import type { LabDefinition } from './lab-types';
import { generateRetailDemand } from './retail-demand';
import { GAP_STORE, retailDemandCheckpoints } from './retail-demand-lab-checks';
import { LINKS } from './retail-demand-lab-snapshot';
import { WEEKDAYS } from './retail-demand-lab-truth';

const about = generateRetailDemand(1, { rows: 1 });

/**
 * The retail-demand lab: forecast four weeks of daily ice-cream sales per store on the Forecast page, and show
 * with a walk-forward backtest that the forecast beats the seasonal naive baseline. The checkpoints
 * (retail-demand-lab-checks.ts) read the learner's recipe, forecasts and models; the answers to the questions
 * are computed from the generated data (retail-demand-lab-truth.ts).
 */
export const retailDemandLab: LabDefinition = {
  id: 'retail-demand',
  title: about.title,
  summary:
    'Forecast four weeks of daily sales per store, with a walk-forward backtest that beats “same day last week”.',
  story:
    'A grocery chain orders stock four weeks ahead. You get two years of daily unit sales per store and product; ' +
    'the buyer starts with vanilla ice cream, whose freezer space is short and whose demand swings with the week ' +
    'and the season. Forecast the next four weeks for every store, and show with a walk-forward backtest that ' +
    'your forecast beats simply repeating last week’s sales.',
  goals: [
    'Tell a series from a table: one store’s sales of one product, day by day.',
    'Find the weekly and yearly cycles, and keep holiday and promotion peaks as the real demand they are.',
    'See how the Forecast page fills missing days on a daily grid.',
    'Evaluate forecasts walk-forward — never with a random split — and beat the seasonal naive baseline.',
    'Forecast the next four weeks per store with 80% and 95% intervals.',
  ],
  seed: 2026,
  generate: (seed) => generateRetailDemand(seed),
  kind: 'forecast',
  estimatedMinutes: 20,
  steps: [
    {
      id: 'load',
      title: 'Load and inspect',
      link: LINKS.profile,
      instructions: [
        'Press “Start lab”: the lab loads `retail-demand.csv`, two years of daily unit sales of 4 stores × 5 products.',
        'On the Data page’s Columns tab check the types: `date` is a datetime, `units_sold` numeric, `holiday` mostly missing.',
        'Open the Profile tab and read the Distinct count of `store_id` and of `product_id`. `date` has fewer Distinct days than the 731 in two years: on some days no store opened at all.',
        'Answer in this panel: how many series (store × product pairs) are there?',
      ],
    },
    {
      id: 'clean',
      title: 'Clean the data',
      link: LINKS.clean,
      beforeAfter: true,
      instructions: [
        'Open the Clean tab. Step “Fill missing values”, Column `holiday`, Fill with `none`, press “Apply step”: an empty holiday is an ordinary day, not an unknown one.',
        'Step “Filter rows”, Column `product_id`, Keep rows where the value “equals” `P03` (vanilla ice cream), “Apply step”: the buyer starts with one product, so let each store be a series. (To forecast every store × product pair at once, “Combine columns” would join `store_id` and `product_id` into one series key — this lab keeps to vanilla.)',
        'Leave `units_sold` as it is: the peaks on holidays and promotions are real demand, not errors — do not clip or filter them.',
        'Missing days (a store closed, the tills down) have no rows at all. Do not invent them here: the Forecast page puts each series on a daily grid and fills them — you will see how in step 5.',
      ],
    },
    {
      id: 'explore',
      title: 'Explore the cycles',
      link: LINKS.explore,
      instructions: [
        'On the Clean tab add “Date parts” on `date` with only the chip `weekday` selected (click `year` and `month` off), “Apply step”: a new column `date_weekday`, 0 = Sunday … 6 = Saturday.',
        'Add “Change a type”: Column `date_weekday`, New type `categorical`, “Apply step”, so charts group by it.',
        'Open Explore (“Go to page”). In the Chart builder pick Chart “Bar (counts or mean)”, Category `date_weekday`, Mean of `units_sold`: the longest bar is the busiest day.',
        'Then Chart “Line over time”, Date column `date`, Mean of `units_sold`: ice cream peaks every summer.',
        'Answer: which weekday sells the most?',
      ],
    },
    {
      id: 'prepare',
      title: 'Prepare the forecast',
      link: LINKS.forecast,
      instructions: [
        'Open Forecast (“Go to page”); the Data set is the lab’s current version.',
        'Check the columns: Time column `date`, Value column `units_sold`, Series id column `store_id` — four series, one per store.',
        'Set Horizon to `28`: four weeks, each weekday four times.',
        'No random split here: the page backtests walk-forward — every model forecasts the last 28 days from the days before them, then the 28 before those, 3 folds in all.',
      ],
    },
    {
      id: 'model',
      title: 'Model and evaluate',
      link: LINKS.forecast,
      instructions: [
        'Keep the ticked models, with “Seasonal naive” among them (same day last week: the baseline to beat), and Use “Auto: best backtest (or median of top 3)”.',
        'Press “Backtest and forecast” and wait for the job (about a minute).',
        'In the Backtest table compare each model’s MASE with snaive’s: lower means a smaller error than repeating last week.',
        `Pick ${GAP_STORE} in the Series list: the orange line under the chart says how many missing days were filled. Answer it here.`,
      ],
    },
    {
      id: 'predict',
      title: 'Forecast and explain',
      link: LINKS.forecast,
      instructions: [
        'The chart shows each store’s next 28 days after the history, with 80% and 95% intervals; switch stores in the Series list.',
        'Look at the forecast line: what repeats, and every how many days? Answer here.',
        'Press “Download CSV”: one row per store and day, with the bounds, for the order team.',
      ],
    },
  ],
  questions: [
    { id: 'series-count', step: 'load', prompt: 'How many series (store × product pairs) are in the data?' },
    {
      id: 'busiest-weekday',
      step: 'explore',
      prompt: 'Which weekday sells the most on average?',
      choices: WEEKDAYS,
    },
    {
      id: 'filled-days',
      step: 'model',
      prompt: `How many missing days did the Forecast page fill in store ${GAP_STORE}’s series?`,
    },
    {
      id: 'weekly-cycle',
      step: 'predict',
      prompt: 'Every how many days does the forecast’s pattern repeat?',
    },
  ],
  checkpoints: retailDemandCheckpoints,
};
