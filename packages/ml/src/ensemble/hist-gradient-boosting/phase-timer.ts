import { seconds } from '../../model-selection/clock';

/**
 * Optional per-phase timing of a boosting fit, for profiling (`bench/tabular/profile-hgb.ts`); off by default. The
 * hooks cost one branch on a module flag per phase per node, nothing measurable, and read the clock
 * (`performance.now()`, see `model-selection/clock.ts`) only when switched on. Times are wall-clock milliseconds,
 * summed over every fit since the last `resetPhaseTimes`; with a team, the team's share of a phase counts in it.
 * `setup` is the fit's own preparation after binning (shared copies for a team, the team's kernel, the grower) and
 * `reset` putting a tree's rows back in order where its root split does not do that on the way.
 */
export const PHASES = [
  'binning',
  'setup',
  'reset',
  'gradients',
  'histograms',
  'subtraction',
  'splitFinding',
  'partition',
  'rawUpdate',
  'scores',
] as const;

export type Phase = (typeof PHASES)[number];

export const phaseTimes: Record<Phase, number> = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<
  Phase,
  number
>;

/** Whether the hooks record anything (a `let` export would not be seen as live through CommonJS transforms). */
export const phaseTiming = { on: false };

export function resetPhaseTimes(): void {
  for (const p of PHASES) phaseTimes[p] = 0;
}

/** The start of a phase: a timestamp when timing is on, else 0 (and `endPhase` ignores it). */
export function startPhase(): number {
  return phaseTiming.on ? 1000 * seconds() : 0;
}

export function endPhase(phase: Phase, start: number): void {
  if (phaseTiming.on) phaseTimes[phase] += 1000 * seconds() - start;
}
