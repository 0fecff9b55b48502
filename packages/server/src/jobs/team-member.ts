import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { PARALLEL_KERNELS, type ParallelKernel } from '@quarry/ml';
import { CONTROL, claimChunks, generationOf, type TeamMessage } from './thread-team-protocol';

/**
 * One member of a ThreadTeam: waits on the shared control block for the next op and claims chunks of it until
 * none is left (thread-team-protocol.ts). Messages (a kernel to open, a new shared buffer) arrive on the port
 * before the op that needs them, and are read synchronously when the member wakes.
 */
const { control: controlBuffer, port } = workerData as { control: SharedArrayBuffer; port: MessagePort };
const control = new Int32Array(controlBuffer);
const SPINS = 1_000_000;

const current: { kernel: ParallelKernel<unknown> | null; state: unknown } = { kernel: null, state: null };

function drain(): boolean {
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received === undefined) return true;
    const message = received.message as TeamMessage;
    if (message.type === 'exit') return false;
    if (message.type === 'open') {
      const kernel = PARALLEL_KERNELS[message.kernel] as ParallelKernel<unknown>;
      current.kernel = kernel;
      current.state = kernel.init(message.data);
    } else if (message.type === 'post') {
      current.kernel?.message(current.state, message.data);
    } else {
      current.kernel = null;
      current.state = null;
    }
  }
}

let seen = Atomics.load(control, CONTROL.ticket);
port.postMessage('ready');
for (;;) {
  // Spin a little before sleeping: ops come in quick succession while a tree grows (OpenMP's threads do the same).
  let spins = 0;
  let ticket = Atomics.load(control, CONTROL.ticket);
  while (generationOf(ticket) === generationOf(seen)) {
    if (++spins > SPINS) Atomics.wait(control, CONTROL.ticket, ticket, 100);
    ticket = Atomics.load(control, CONTROL.ticket);
  }
  seen = ticket;
  if (!drain()) break;
  if (current.kernel !== null) claimChunks(control, generationOf(ticket), current.kernel, current.state);
}
port.close();
