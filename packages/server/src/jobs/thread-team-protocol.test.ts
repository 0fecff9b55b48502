import type { ParallelKernel } from '@quarry/ml';
import { describe, expect, it } from 'vitest';
import { CONTROL, claimChunks, closeOp, publishOp } from './thread-team-protocol';

/** A kernel that records every chunk it runs as `op:a:chunk/chunks`. */
function recordingKernel(): { runs: string[]; kernel: ParallelKernel<unknown> } {
  const runs: string[] = [];
  return {
    runs,
    kernel: {
      init: () => null,
      message() {},
      chunks: () => 0,
      run(_state, op, a, _b, _c, _d, chunk, chunks) {
        runs.push(`${op}:${a}:${chunk}/${chunks}`);
      },
    },
  };
}

// The interleavings are played out in one thread, step by step, in the order the threads would take them.
describe('ThreadTeam protocol', () => {
  it('lets a member late for a finished op take nothing of the next one', () => {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL.length * 4));
    const { runs, kernel } = recordingKernel();
    // Op 1, two chunks, both claimed and run (by the caller, say); then the caller closes it.
    const first = publishOp(control, 0, 1, [10, 0, 0, 0], 2);
    expect(claimChunks(control, first, kernel, null)).toBe(2);
    expect(control[CONTROL.finished]).toBe(2);
    closeOp(control, first);
    // The caller writes the next op's arguments and its eight chunks; before its ticket is out, a member still in
    // op 1's claiming loop looks for a chunk: it must find none (without the close it ran chunk 2 of op 2, with
    // op 2's arguments, and counted it as finished).
    control[CONTROL.op] = 2;
    control[CONTROL.a] = 20;
    control[CONTROL.chunks] = 8;
    expect(claimChunks(control, first, kernel, null)).toBe(0);
    expect(runs).toEqual(['1:10:0/2', '1:10:1/2']);
  });

  it('runs every chunk of the next op exactly once after a close', () => {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL.length * 4));
    const { runs, kernel } = recordingKernel();
    const first = publishOp(control, 0, 1, [10, 0, 0, 0], 1);
    claimChunks(control, first, kernel, null);
    closeOp(control, first);
    const second = publishOp(control, first, 2, [20, 0, 0, 0], 3);
    expect(second).not.toBe(first);
    expect(claimChunks(control, first, kernel, null)).toBe(0); // the old generation's loop ends
    expect(claimChunks(control, second, kernel, null)).toBe(3);
    expect(claimChunks(control, second, kernel, null)).toBe(0);
    expect(control[CONTROL.finished]).toBe(3);
    expect(runs).toEqual(['1:10:0/1', '2:20:0/3', '2:20:1/3', '2:20:2/3']);
  });
});
