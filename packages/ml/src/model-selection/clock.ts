interface PerformanceLike {
  now(): number;
}

/**
 * Seconds on a monotonic clock (`performance.now()`, present in browsers, workers and Node), for fit and score
 * times; `Date.now()` where there is no `performance`. Read through `globalThis` because the library compiles
 * without DOM or Node types.
 */
export function seconds(): number {
  const performance = (globalThis as { performance?: PerformanceLike }).performance;
  return (performance?.now() ?? Date.now()) / 1000;
}
