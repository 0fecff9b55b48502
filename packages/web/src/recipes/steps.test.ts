import { describe, expect, it } from 'vitest';
import type { ColumnInfo, DatasetVersion, VersionList } from '../api/types';
import { buildStep, columnsForOp, describeStep, EMPTY_DRAFT, type StepDraft, typedValue } from './steps';
import { addedStep, undoRedoState } from './versions';

const col = (name: string, type: ColumnInfo['type']): ColumnInfo => ({
  name,
  type,
  inferredType: type,
  reason: '',
  missing: 0,
});
const columns = [
  col('amount', 'numeric'),
  col('plan', 'categorical'),
  col('when', 'datetime'),
  col('ok', 'boolean'),
];
const draft = (patch: Partial<StepDraft>): StepDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('buildStep', () => {
  it('fills with a value typed for the column', () => {
    expect(buildStep('fillMissing', draft({ column: 'amount', value: ' 0 ' }), columns)).toEqual({
      step: { op: 'fillMissing', column: 'amount', value: 0 },
    });
    expect(buildStep('fillMissing', draft({ column: 'ok', value: 'yes' }), columns).step).toMatchObject({
      value: true,
    });
    expect(buildStep('fillMissing', draft({ column: 'plan', value: 'none' }), columns).step).toMatchObject({
      value: 'none',
    });
    expect(buildStep('fillMissing', draft({ column: 'amount', value: 'abc' }), columns).error).toMatch(
      /number/,
    );
    expect(buildStep('fillMissing', draft({}), columns).error).toMatch(/column/);
  });

  it('filters with numbers for numeric columns, lists for in/notIn, no value for missing checks', () => {
    expect(
      buildStep('filter', draft({ column: 'amount', operator: '>=', value: '10' }), columns).step,
    ).toEqual({
      op: 'filter',
      column: 'amount',
      operator: '>=',
      value: 10,
    });
    expect(
      buildStep('filter', draft({ column: 'plan', operator: 'in', value: 'a, b,,' }), columns).step,
    ).toEqual({
      op: 'filter',
      column: 'plan',
      operator: 'in',
      value: ['a', 'b'],
    });
    expect(
      buildStep('filter', draft({ column: 'plan', operator: 'isMissing', value: 'x' }), columns).step,
    ).toEqual({ op: 'filter', column: 'plan', operator: 'isMissing' });
    expect(
      buildStep('filter', draft({ column: 'amount', operator: 'in', value: '1,x' }), columns).error,
    ).toBeTruthy();
    expect(buildStep('filter', draft({ column: 'plan', operator: '=' }), columns).error).toBeTruthy();
  });

  it('derives date parts in a fixed order and refuses an empty choice', () => {
    expect(buildStep('dateParts', draft({ column: 'when', parts: ['month', 'year'] }), columns).step).toEqual(
      {
        op: 'dateParts',
        column: 'when',
        parts: ['year', 'month'],
      },
    );
    expect(buildStep('dateParts', draft({ column: 'when', parts: [] }), columns).error).toBeTruthy();
  });

  it('checks renames, clips and outlier flags', () => {
    expect(buildStep('rename', draft({ column: 'plan', to: 'amount' }), columns).error).toMatch(/exists/);
    expect(buildStep('rename', draft({ column: 'plan', to: 'tier' }), columns).step).toEqual({
      op: 'rename',
      column: 'plan',
      to: 'tier',
    });
    expect(buildStep('clip', draft({ column: 'amount', upper: '5' }), columns).step).toEqual({
      op: 'clip',
      column: 'amount',
      upper: 5,
    });
    expect(
      buildStep('clip', draft({ column: 'amount', lower: '5', upper: '1' }), columns).error,
    ).toBeTruthy();
    expect(buildStep('flagOutliers', draft({ column: 'amount', k: '3' }), columns).step).toEqual({
      op: 'flagOutliers',
      column: 'amount',
      k: 3,
    });
    expect(buildStep('drop', draft({}), columns).error).toBeTruthy();
    expect(buildStep('deduplicate', draft({}), columns).step).toEqual({ op: 'deduplicate' });
    expect(
      buildStep('replaceValue', draft({ column: 'plan', value: 'n/a', replaceWithMissing: true }), columns)
        .step,
    ).toEqual({ op: 'replaceValue', column: 'plan', from: 'n/a', to: null });
  });

  it('offers only suitable columns', () => {
    expect(columnsForOp('dateParts', columns)).toEqual(['when']);
    expect(columnsForOp('clip', columns)).toEqual(['amount']);
    expect(columnsForOp('drop', columns)).toHaveLength(4);
  });

  it('types values', () => {
    expect(typedValue('1.5', 'numeric')).toBe(1.5);
    expect(typedValue('', 'numeric')).toBeNull();
    expect(typedValue('No', 'boolean')).toBe(false);
    expect(typedValue(' x ', 'text')).toBe('x');
  });
});

describe('describeStep', () => {
  it('says what each step does in one line', () => {
    expect(describeStep({ op: 'fillMissing', column: 'amount', value: 0 })).toBe(
      'Fill missing amount with 0',
    );
    expect(describeStep({ op: 'filter', column: 'plan', operator: '!=', value: 'trial' })).toBe(
      'Keep rows where plan does not equal “trial”',
    );
    expect(describeStep({ op: 'filter', column: 'plan', operator: 'notMissing' })).toBe(
      'Keep rows where plan is not missing',
    );
    expect(describeStep({ op: 'dateParts', column: 'd', parts: ['year', 'weekday'] })).toBe(
      'Add d_year, d_weekday',
    );
    expect(describeStep({ op: 'flagOutliers', column: 'x', lower: -1, upper: 9 })).toBe(
      'Flag outliers of x in x_outlier (outside -1 … 9)',
    );
    expect(describeStep({ op: 'clip', column: 'x', lower: 0 })).toBe('Clip x to 0 … ∞');
    expect(describeStep({ op: 'replaceValue', column: 'p', from: '?', to: null })).toBe(
      'Replace “?” in p with missing',
    );
  });
});

const version = (id: string, parentId: string | null, n: number, isCurrent: boolean): DatasetVersion => ({
  id,
  name: 'd',
  fileName: 'd.csv',
  format: 'csv',
  nRows: 1,
  nCols: 1,
  sizeBytes: 1,
  createdAt: '2026-01-01T00:00:00Z',
  columns: [],
  rootId: 'v1',
  parentId,
  version: n,
  steps: Array.from({ length: n - 1 }, (_, i) => ({ op: 'drop', columns: [`c${i}`] })),
  isCurrent,
});

describe('versions', () => {
  it('finds the step a version added', () => {
    expect(addedStep(version('v1', null, 1, false))).toBeNull();
    expect(addedStep(version('v3', 'v2', 3, false))).toEqual({ op: 'drop', columns: ['c1'] });
  });

  it('allows undo below the top and redo when the current version has a child', () => {
    const versions = [
      version('v1', null, 1, false),
      version('v2', 'v1', 2, true),
      version('v3', 'v2', 3, false),
    ];
    const list: VersionList = { rootId: 'v1', currentId: 'v2', versions };
    expect(undoRedoState(list)).toMatchObject({ canUndo: true, canRedo: true });
    expect(undoRedoState({ ...list, currentId: 'v1' })).toMatchObject({ canUndo: false, canRedo: true });
    expect(undoRedoState({ ...list, currentId: 'v3' })).toMatchObject({ canUndo: true, canRedo: false });
  });
});

describe('standardize step', () => {
  it('needs a numeric column and shows the recorded mean and SD', () => {
    expect(columnsForOp('standardize', columns)).toEqual(['amount']);
    expect(buildStep('standardize', draft({ column: 'amount' }), columns).step).toEqual({
      op: 'standardize',
      column: 'amount',
    });
    expect(buildStep('standardize', draft({}), columns).error).toBe('Pick a column.');
    expect(describeStep({ op: 'standardize', column: 'amount', mean: 128.2201, sd: 150.04 })).toBe(
      'Standardize amount (mean 128.2, SD 150 of the whole data)',
    );
  });
});

describe('combine step', () => {
  it('needs two or more columns, keeps their order, and sends the separator and an optional name', () => {
    expect(buildStep('combine', draft({ columns: ['plan', 'amount'] }), columns).step).toEqual({
      op: 'combine',
      columns: ['plan', 'amount'],
      separator: '_',
    });
    expect(
      buildStep('combine', draft({ columns: ['plan', 'ok'], separator: '', newColumn: ' key ' }), columns)
        .step,
    ).toEqual({ op: 'combine', columns: ['plan', 'ok'], separator: '', newColumn: 'key' });
    expect(buildStep('combine', draft({ columns: ['plan'] }), columns).error).toMatch(/at least two/);
    expect(
      buildStep('combine', draft({ columns: ['plan', 'ok'], separator: '-----------' }), columns).error,
    ).toMatch(/at most 10 characters/);
    const taken = [...columns, col('plan_ok', 'categorical')];
    expect(buildStep('combine', draft({ columns: ['plan', 'ok'] }), taken).error).toMatch(
      /“plan_ok” already exists/,
    );
  });

  it('describes the new column with its default or given name', () => {
    expect(describeStep({ op: 'combine', columns: ['product', 'store'] })).toBe(
      'Add product_store (product + store joined by “_”)',
    );
    expect(describeStep({ op: 'combine', columns: ['a', 'b'], separator: '-', newColumn: 'key' })).toBe(
      'Add key (a + b joined by “-”)',
    );
  });
});
