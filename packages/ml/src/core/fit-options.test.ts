import { describe, expect, it } from 'vitest';
import { subTaskOptions, throwIfAborted } from './fit-options';

describe('fit options', () => {
  it('throwIfAborted throws ABORTED with the reason as cause, and nothing otherwise', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    expect(() => throwIfAborted({ aborted: false })).not.toThrow();
    try {
      throwIfAborted({ aborted: true, reason: 'user' });
      expect.unreachable();
    } catch (error) {
      expect((error as { code: string }).code).toBe('ABORTED');
      expect((error as Error).cause).toBe('user');
    }
  });

  it('subTaskOptions maps a sub-task’s 0..1 onto its share of the parent', () => {
    const seen: [number, string | undefined][] = [];
    const sub = subTaskOptions({ onProgress: (f, m) => seen.push([f, m]) }, 0.5, 0.75, 'fold 2');
    sub.onProgress?.(0.5, 'iteration 3');
    sub.onProgress?.(2);
    expect(seen).toEqual([
      [0.625, 'fold 2: iteration 3'],
      [0.75, 'fold 2'],
    ]);
  });
});
