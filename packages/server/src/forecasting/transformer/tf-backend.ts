import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export type TfBackend = 'wasm' | 'cpu';

/**
 * Switches TensorFlow.js to `backend` once per thread (the choice is global to tfjs). 'wasm' is the default: on
 * this machine it trains the Transformer ≈ 3× faster than the pure-JS 'cpu' backend (docs/decisions.md); both
 * give the same numbers to float32 rounding, and each is deterministic run to run.
 */
export async function useBackend(backend: TfBackend): Promise<typeof tf> {
  if (tf.getBackend() !== backend) {
    const ok = await tf.setBackend(backend);
    if (!ok) throw new Error(`TensorFlow.js could not start its '${backend}' backend.`);
  }
  await tf.ready();
  return tf;
}
