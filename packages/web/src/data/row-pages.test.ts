import { describe, expect, it } from 'vitest';
import { columnWidth, pagesFor } from './row-pages';

describe('pagesFor', () => {
  it('lists the pages that cover a row range', () => {
    expect(pagesFor(0, 30)).toEqual([0]);
    expect(pagesFor(190, 210)).toEqual([0, 1]);
    expect(pagesFor(400, 400)).toEqual([2]);
    expect(pagesFor(5, 2)).toEqual([]);
  });
});

describe('columnWidth', () => {
  it('stays between 110 and 280 pixels', () => {
    expect(columnWidth('a')).toBe(110);
    expect(columnWidth('x'.repeat(100))).toBe(280);
  });
});
