/**
 * The flags of `npm run bench:tabular` (listed in run.ts's header) and their validation: unknown sizes, data sets,
 * tools and `--skip` pairs stop the run before any job starts.
 */
import { parseArgs } from 'node:util';
import { GENERATED_SETS, REFERENCE_SETS } from './datasets';

export const SIZE_GROUPS: Record<string, readonly string[]> = {
  ref: REFERENCE_SETS,
  letter: ['letter'],
  '200k': ['synth-200k'],
  '1m': ['synth-1m'],
};
export const TOOLS = ['sklearn_hgb', 'xgboost_hist', 'sklearn_rf', 'quarry_hgb'] as const;
export type Tool = (typeof TOOLS)[number];

/** What the flags ask for, validated. */
export interface BenchOptions {
  /** Data set names, in run order. */
  names: string[];
  tools: Tool[];
  /** Distinct thread counts (`all` resolved to the machine's cores). */
  threadChoices: number[];
  /** Per-process timeout. */
  timeoutMs: number;
  /** `tool@dataset` pairs to leave out. */
  skip: Set<string>;
  /** Seconds to wait, at most, for a quiet machine before each job. */
  quietWait: number;
  /** How many more times a disturbed short job runs (tools not run in rounds). */
  retries: number;
  /** Back-to-back runs of Quarry HGB and scikit-learn HGB per data set and thread count (rounds.ts). */
  rounds: number;
  noDocs: boolean;
}

function parseList(
  value: string | undefined,
  allowed: readonly string[],
  what: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item))
      throw new Error(`Unknown ${what} '${item}' (choose from ${allowed.join(', ')}).`);
  }
  return items;
}

export function parseBenchArgs(argv: string[], allCores: number): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      datasets: { type: 'string' },
      tools: { type: 'string' },
      threads: { type: 'string' },
      'timeout-min': { type: 'string', default: '30' },
      'no-docs': { type: 'boolean', default: false },
      'quiet-wait': { type: 'string', default: '10' },
      retries: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
      skip: { type: 'string', default: '' },
    },
  });
  const sizes =
    parseList(values.sizes, Object.keys(SIZE_GROUPS), 'size') ??
    (values.quick ? ['ref', 'letter'] : Object.keys(SIZE_GROUPS));
  const allNames = [...REFERENCE_SETS, ...Object.keys(GENERATED_SETS)];
  const names = parseList(values.datasets, allNames, 'data set') ?? sizes.flatMap((s) => SIZE_GROUPS[s]);
  const tools = (parseList(values.tools, TOOLS, 'tool') ?? [...TOOLS]) as Tool[];
  const threadChoices = (values.threads ?? '1,all')
    .split(',')
    .map((t) => (t === 'all' ? allCores : Number(t)))
    .filter((t, i, all) => Number.isInteger(t) && t >= 1 && all.indexOf(t) === i);
  const timeoutMs = Number(values['timeout-min']) * 60_000;
  const skip = new Set(values.skip.split(',').filter(Boolean));
  for (const pair of skip) {
    const [tool, dataset] = pair.split('@');
    if (!(TOOLS as readonly string[]).includes(tool) || !allNames.includes(dataset)) {
      throw new Error(`--skip takes tool@dataset pairs, e.g. sklearn_rf@synth-1m; got '${pair}'.`);
    }
  }
  const rounds = Number(values.rounds);
  if (!(Number.isInteger(rounds) && rounds >= 1))
    throw new Error(`--rounds takes a whole number ≥ 1; got '${values.rounds}'.`);
  return {
    names,
    tools,
    threadChoices,
    timeoutMs,
    skip,
    quietWait: Number(values['quiet-wait']),
    retries: Number(values.retries),
    rounds,
    noDocs: values['no-docs'],
  };
}

/** The command as the user typed it, for the docs section. */
export function commandLine(argv: string[]): string {
  return process.env.npm_lifecycle_event === 'bench:tabular'
    ? ['npm run bench:tabular', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' ')
    : ['npx tsx bench/tabular/run.ts', ...argv].join(' ');
}
