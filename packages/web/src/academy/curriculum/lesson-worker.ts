/**
 * The lesson worker: runs the curriculum's computations (@quarry/ml on the labs' seeded data) off the page's main
 * thread, so a fit of a second or two never freezes sliders or the loader. It answers each `{ id, name, args }`
 * with `{ id, value }` or `{ id, error }`, one at a time; the curriculum's memo caches live here, so a repeated
 * request is instant. Started by lesson-worker-client.ts as a same-origin module worker.
 */
import { type ComputationRequest, runComputation } from './lesson-computations';

// The web package compiles against the DOM library; the worker scope needs only these two members.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ComputationRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const answer = runComputation(event.data);
  try {
    scope.postMessage(answer);
  } catch (error) {
    // A value the structured clone cannot carry (a function, a symbol…) still gets an answer, not silence.
    scope.postMessage({ id: answer.id, error: `The result could not be sent to the page: ${String(error)}` });
  }
};
