/**
 * Profiles Quarry's HistGradientBoostingClassifier fit on one thread, on a benchmark data set (synth-1m by default,
 * the CSV `npm run bench:tabular` generates) with the benchmark's parameters: one warm-up fit, then N fits, each
 * reported as process CPU time (user + system: other processes on a shared machine disturb it much less than wall
 * time) with a per-phase breakdown from the library's optional phase timer (`phase-timer.ts`, wall-clock ms):
 *
 *   npx tsx bench/tabular/profile-hgb.ts [--dataset synth-1m] [--fits 5]
 *   npx tsx bench/tabular/profile-hgb.ts --ab --fits 4     # A/B: see below
 *   npx tsx bench/tabular/profile-hgb.ts --threads 2       # fits lend a ThreadTeam of 2 (compare wall times then)
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/tabular/profile-hgb.ts --fits 1   # hot spots
 *
 * With a team, each fit also prints its ops, how many chunks the caller's thread ran (about 1/N of them when every
 * member was scheduled; far more means a member was descheduled and the fit's wall time says little) and how long
 * the caller waited for the other members' last chunks (barriers and imbalance).
 *
 * The `checksum` line (a hash of the bits of the warm-up model's predicted probabilities) must not change when an optimisation
 * claims to leave the model as it was, bit for bit.
 *
 * `--ab` is for experiments: the timed fits alternate between `globalThis.QUARRY_AB = 0` and `= 1`, which a
 * temporary switch in the code under test can read (never committed), so both variants run in the same process,
 * equally warm and under the same load; it prints the fastest and the median CPU time of each.
 */
import { parseArgs } from 'node:util';
import { HistGradientBoostingClassifier, type Labels, takeLabels } from '@quarry/ml';
import {
  PHASES,
  phaseTimes,
  phaseTiming,
  resetPhaseTimes,
} from '../../packages/ml/src/ensemble/hist-gradient-boosting/phase-timer';
import { ThreadTeam } from '../../packages/server/src/jobs/thread-team';
import { datasetSource, loadDataset } from './datasets';

/** The benchmark's parameters (`quarry-side.ts`'s HGB_PARAMS; that module runs on import, so they are repeated). */
const PARAMS = {
  maxIter: 100,
  learningRate: 0.1,
  maxLeafNodes: 31,
  minSamplesLeaf: 20,
  maxBins: 255,
  earlyStopping: false,
  randomState: 0,
} as const;

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'synth-1m' },
    fits: { type: 'string', default: '5' },
    ab: { type: 'boolean', default: false },
    threads: { type: 'string', default: '1' },
  },
});
const nThreads = Number(values.threads);
if (!(Number.isInteger(nThreads) && nThreads >= 1)) throw new Error('--threads takes a whole number ≥ 1.');
// With a team, CPU time counts the members' spinning too: compare wall times (interleaved, with --ab).
const team = nThreads > 1 ? await ThreadTeam.start(nThreads) : undefined;
if (team !== undefined) team.timeWaits = true;
const nFits = Number(values.fits);
if (!(Number.isInteger(nFits) && nFits >= 1)) throw new Error('--fits takes a whole number ≥ 1.');
const data = loadDataset(datasetSource(values.dataset ?? 'synth-1m'));
if (data.y instanceof Float64Array) throw new Error('profile-hgb needs a classification data set.');
const XTrain = data.X.takeRows(data.train);
const yTrain = takeLabels(data.y as Labels, data.train);
const XTest = data.X.takeRows(data.test);
console.log(
  `${values.dataset}: ${XTrain.nRows} × ${XTrain.nCols} training rows, ${nFits} timed fits, ${nThreads} thread(s)`,
);

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function fitOnce(): { cpu: number; wall: number; faults: number; model: HistGradientBoostingClassifier } {
  const model = new HistGradientBoostingClassifier(PARAMS);
  // Page faults: a fit's fresh memory costs ~13 µs a 4 KiB page on a VM (core/working-memory.ts).
  const f0 = process.resourceUsage().minorPageFault;
  const c0 = cpuMs();
  const w0 = performance.now();
  const ops = team?.opsRun ?? 0;
  if (team !== undefined) {
    team.chunksRun = 0;
    team.callerChunks = 0;
    team.waitMs = 0;
  }
  model.fit(XTrain, yTrain, { team });
  if (team !== undefined) {
    // The caller's waits for other members' chunks: barrier and imbalance, not in any phase's own work.
    console.log(
      `  team: ${team.opsRun - ops} ops, the caller ran ${team.callerChunks} of ${team.chunksRun} chunks and ` +
        `waited ${Math.round(team.waitMs)} ms for the others`,
    );
  }
  const faults = process.resourceUsage().minorPageFault - f0;
  return { cpu: cpuMs() - c0, wall: performance.now() - w0, faults, model };
}

/** N fits with the phase timer on: per fit, then the medians. */
function profilePhases(): void {
  phaseTiming.on = true;
  const cpus: number[] = [];
  const walls: number[] = [];
  const perPhase = new Map<string, number[]>(PHASES.map((p) => [p, []]));
  for (let k = 0; k < nFits; k++) {
    resetPhaseTimes();
    const { cpu, wall, faults } = fitOnce();
    cpus.push(cpu);
    walls.push(wall);
    for (const p of PHASES) perPhase.get(p)?.push(phaseTimes[p]);
    const phases = PHASES.map((p) => `${p} ${Math.round(phaseTimes[p])}`).join(' ');
    console.log(
      `fit ${k + 1}: cpu ${seconds(cpu)} s, wall ${seconds(wall)} s, ${faults} page faults  (ms) ${phases}`,
    );
  }
  phaseTiming.on = false;
  const wall = median(walls);
  console.log(
    `median of ${nFits}: cpu ${seconds(median(cpus))} s (min ${seconds(Math.min(...cpus))}), wall ${seconds(wall)} s`,
  );
  let accounted = 0;
  for (const p of PHASES) {
    const m = median(perPhase.get(p) ?? []);
    accounted += m;
    console.log(`  ${p.padEnd(13)} ${seconds(m)} s  ${((100 * m) / wall).toFixed(1)}%`);
  }
  console.log(`  ${'other'.padEnd(13)} ${seconds(wall - accounted)} s`);
}

/** 2N fits alternating `globalThis.QUARRY_AB` between 0 and 1, with each variant's median phase times. */
function compareAB(): void {
  const cpu: number[][] = [[], []];
  const wall: number[][] = [[], []];
  const phases = [0, 1].map(() => new Map<string, number[]>(PHASES.map((p) => [p, []])));
  phaseTiming.on = true;
  for (let k = 0; k < 2 * nFits; k++) {
    (globalThis as { QUARRY_AB?: number }).QUARRY_AB = k % 2;
    resetPhaseTimes();
    const fit = fitOnce();
    cpu[k % 2].push(fit.cpu);
    wall[k % 2].push(fit.wall);
    for (const p of PHASES) phases[k % 2].get(p)?.push(phaseTimes[p]);
  }
  phaseTiming.on = false;
  for (const v of [0, 1]) {
    const all = cpu[v].map(seconds).join(' ');
    const walls = wall[v].map(seconds).join(' ');
    console.log(
      `AB ${v}: cpu min ${seconds(Math.min(...cpu[v]))} s, median ${seconds(median(cpu[v]))} s  [${all}]; ` +
        `wall min ${seconds(Math.min(...wall[v]))} s, median ${seconds(median(wall[v]))} s  [${walls}]`,
    );
    const medians = PHASES.map((p) => `${p} ${Math.round(median(phases[v].get(p) ?? [0]))}`).join(' ');
    console.log(`  phase medians (ms): ${medians}`);
  }
}

phaseTiming.on = true;
resetPhaseTimes();
const warm = fitOnce();
phaseTiming.on = false;
const warmPhases = PHASES.map((p) => `${p} ${Math.round(phaseTimes[p])}`).join(' ');
const proba = warm.model.predictProba(XTest).data;
// Two 32-bit FNV-style hashes over the probabilities' bits: a change in any bit of any probability shows (a sum of
// scaled values would not see the last bits).
const words = new Uint32Array(proba.buffer, proba.byteOffset, 2 * proba.length);
let h1 = 0x811c9dc5;
let h2 = 0x9747b28c;
for (let i = 0; i < words.length; i++) {
  h1 = Math.imul(h1 ^ words[i], 0x01000193);
  h2 = Math.imul(h2 ^ words[i], 0x5bd1e995) ^ (h2 >>> 15);
}
const checksum = `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
console.log(`warm-up: cpu ${seconds(warm.cpu)} s, wall ${seconds(warm.wall)} s  (ms) ${warmPhases}`);
console.log(`checksum ${checksum} (proba[0] ${proba[0]}, proba[last] ${proba[proba.length - 1]})`);
if (values.ab) compareAB();
else profilePhases();
await team?.dispose();
