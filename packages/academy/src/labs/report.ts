/**
 * Prints a measured value from a test, so a run shows how strongly each planted problem is present, not just that
 * it passed. The package compiles without DOM or Node types (it must run in the browser), so `console` is declared
 * here rather than pulled in from either.
 */
declare const console: { info(message: string): void };

export function report(message: string): void {
  console.info(message);
}
