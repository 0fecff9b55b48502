/**
 * Sets of bin indices (or category codes) 0..255 as 256-bit bitsets: 8 consecutive 32-bit words of an
 * `Int32Array`, at any word offset, so many sets live in one flat array (scikit-learn's `_bitset.pyx`).
 *
 *   words[offset + (v >>> 5)] bit (v & 31)  ⇔  v is in the set
 */
export const BITSET_WORDS = 8;

export function setBit(words: Int32Array, offset: number, value: number): void {
  words[offset + (value >>> 5)] |= 1 << (value & 31);
}

export function hasBit(words: Int32Array, offset: number, value: number): boolean {
  return (words[offset + (value >>> 5)] & (1 << (value & 31))) !== 0;
}
