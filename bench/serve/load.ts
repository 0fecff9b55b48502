/**
 * The load generator of `npm run bench:serve`, the same for Quarry and the FastAPI reference: a closed loop of
 * `concurrency` keep-alive HTTP clients, each sending its next request when the last one is answered.
 */
import { Agent, request } from 'node:http';

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** One second of warm-up (connections, JIT, lazy imports), then `seconds` measured; latencies per request. */
export async function load(
  url: URL,
  bodies: string[],
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let stop = false;
  const one = (body: string) =>
    new Promise<number>((done, fail) => {
      const start = performance.now();
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? done(performance.now() - start) : fail(new Error(`${res.statusCode}`)),
          );
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  const client = async (k: number) => {
    let i = k;
    while (!stop) {
      try {
        latencies.push(await one(bodies[i++ % bodies.length]));
      } catch {
        errors++;
      }
    }
  };
  let clients = Array.from({ length: concurrency }, (_, k) => client(k));
  await new Promise((r) => setTimeout(r, 1000));
  stop = true;
  await Promise.all(clients);
  latencies.length = 0;
  errors = 0;
  stop = false;
  const start = performance.now();
  clients = Array.from({ length: concurrency }, (_, k) => client(k));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stop = true;
  await Promise.all(clients);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    concurrency,
    requests: latencies.length,
    errors,
    reqPerSec: Math.round(latencies.length / elapsed),
    p50Ms: Number(q(0.5).toFixed(2)),
    p99Ms: Number(q(0.99).toFixed(2)),
  };
}

/** The median of `runs` timed calls, in ms (the first call is a warm-up and not counted). */
/** Median CPU time of this process (all its threads) per call, after one warm-up call. */
export async function medianCpuMs(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(c);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function medianMs(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
