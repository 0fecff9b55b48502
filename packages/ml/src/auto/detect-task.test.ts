import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from '../core/column';
import { detectTask } from './detect-task';

describe('detectTask', () => {
  it('takes text targets as classes and lists their values', () => {
    const y = categoricalColumn('Attrition', ['Yes', 'No', 'No', null]);
    expect(detectTask(y, 'categorical')).toEqual({
      task: 'classification',
      reason: "'Attrition' has 2 text values (No, Yes): classification.",
    });
  });

  it('takes boolean targets as classes', () => {
    const result = detectTask(numericColumn('churned', [0, 1, 1, 0]), 'boolean');
    expect(result.task).toBe('classification');
    expect(result.reason).toBe("'churned' has 2 values (0, 1): classification.");
    expect(detectTask(categoricalColumn('ok', ['true', 'false']), 'boolean').reason).toBe(
      "'ok' is boolean (false, true): classification.",
    );
  });

  it('takes a numeric target with few whole values as classes, saying it could be regression', () => {
    const result = detectTask(numericColumn('rating', [1, 2, 3, 4, 5, 5, 4]), 'numeric');
    expect(result.task).toBe('classification');
    expect(result.reason).toMatch(
      /^'rating' is numeric with only 5 distinct whole values \(1, 2, 3, 4, 5\): classification\./,
    );
    expect(result.reason).toMatch(/could also be regression/);
  });

  it('takes other numeric targets as regression', () => {
    const price = numericColumn(
      'price',
      Array.from({ length: 905 }, (_, i) => 1000 + i * 3.5),
    );
    expect(detectTask(price, 'numeric')).toEqual({
      task: 'regression',
      reason: "'price' is numeric with 905 distinct values: regression.",
    });
    // 11 whole values is past the threshold; fractional values are never classes.
    expect(
      detectTask(
        numericColumn(
          'n',
          Array.from({ length: 11 }, (_, i) => i),
        ),
        'numeric',
      ).task,
    ).toBe('regression');
    expect(detectTask(numericColumn('x', [0.5, 1.5]), 'numeric').task).toBe('regression');
  });

  it('shortens long lists and warns about one-value targets', () => {
    const many = categoricalColumn('city', ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(detectTask(many, 'categorical').reason).toBe(
      "'city' has 7 text values (a, b, c, d, e, …): classification.",
    );
    expect(detectTask(categoricalColumn('k', ['x', 'x']), 'categorical').reason).toMatch(
      /needs at least two classes/,
    );
  });

  it('refuses a target without values', () => {
    expect(() => detectTask(numericColumn('empty', [Number.NaN]), 'numeric')).toThrow(
      expect.objectContaining({ code: 'EMPTY_DATA' }),
    );
  });
});
