/**
 * How busy the rest of the machine is: the benchmark shares two cores with other processes, so it waits for a
 * quiet moment before each job and measures what the others used while the job ran.
 */
import { readFileSync } from 'node:fs';

/** Busy CPU seconds of the whole machine since boot (all cores), from /proc/stat. */
export function cpuBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields[7] ?? 0);
  return busy / 100; // USER_HZ
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to `maxWaitS`) until other processes use less than a third of a core; returns the seconds waited. */
export async function waitForQuiet(maxWaitS: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const c0 = cpuBusySeconds();
    await sleep(500);
    const busyCores = (cpuBusySeconds() - c0) / 0.5;
    const waited = (performance.now() - t0) / 1000;
    if (busyCores < 0.33 || waited > maxWaitS) return waited < 1 ? 0 : waited;
    await sleep(2000);
  }
}
