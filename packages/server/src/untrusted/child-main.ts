import { convertToParquet, type ParseRequest } from './convert';

/**
 * The parsing child's main (started by parse-untrusted.ts through parse-child.mjs). Says it is ready, takes one
 * request over IPC, sends one
 * answer and exits: `{ ok: true, result }` or `{ ok: false, code, params }` for a catalog error, or `{ ok: false,
 * reason }` for anything else. A crash sends nothing; the parent reads the exit code or signal instead.
 */
process.once('message', async (request: ParseRequest) => {
  let answer: unknown;
  try {
    answer = { ok: true, result: await convertToParquet(request) };
  } catch (err) {
    const e = err as Error & { code?: string; params?: Record<string, unknown> };
    answer =
      e.name === 'HttpError'
        ? { ok: false, code: e.code, params: e.params }
        : {
            ok: false,
            reason: String(e.message ?? e)
              .split('\n')[0]
              .slice(0, 300),
          };
  }
  process.send?.(answer, () => process.exit(0));
});
// Messages sent before a listener exists are lost, so the parent waits for this before sending the request.
process.send?.({ ready: true });
// A spare waiting for work leaves with the server (its IPC channel closes when the server exits).
process.once('disconnect', () => process.exit(0));
