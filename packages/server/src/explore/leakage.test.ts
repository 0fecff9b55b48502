import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../test/helpers';
import { type LeakyTable, leakyTable } from '../../test/leaky-table';
import type { Warning } from './warning';

/**
 * Acceptance test of the leakage linter (issue [E]): on seeded tables with ~20 clean columns and seeded leaks of
 * every kind, it flags every leaky column and fewer than 5% of the clean ones, and answers the same every time.
 */
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const SEEDS = [1, 2, 3];

async function lint(table: LeakyTable, name: string): Promise<{ id: string; warnings: Warning[] }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart(`${name}.csv`, table.csv),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const query = new URLSearchParams({
    target: table.target,
    splitColumn: table.splitColumn,
    groupColumn: table.groupColumn,
    timeColumn: table.timeColumn,
  });
  const warnings = await app.inject({ url: `/api/datasets/${id}/warnings?${query}` });
  expect(warnings.statusCode, warnings.body).toBe(200);
  return { id, warnings: warnings.json() as Warning[] };
}

describe.each(['classification', 'regression'] as const)('the leakage linter on a %s table', (task) => {
  const runs: { table: LeakyTable; warnings: Warning[]; id: string }[] = [];
  beforeAll(async () => {
    for (const seed of SEEDS) {
      const table = leakyTable({ seed, task });
      runs.push({ table, ...(await lint(table, `${task}-${seed}`)) });
    }
  });

  it('flags every seeded leaky column with the expected code', () => {
    for (const { table, warnings } of runs) {
      for (const leak of table.leaks) {
        const found = warnings.find((w) => w.category === 'leakage' && w.columns[0] === leak.column);
        expect(found?.code, `${leak.column} (${leak.kind})`).toBe(leak.code);
        expect(found?.severity).not.toBe('info');
      }
    }
  });

  it('flags fewer than 5% of the clean columns (of any warning)', () => {
    let clean = 0;
    let flagged = 0;
    for (const { table, warnings } of runs) {
      expect(table.cleanColumns.length).toBeGreaterThanOrEqual(20);
      clean += table.cleanColumns.length;
      flagged += table.cleanColumns.filter((c) => warnings.some((w) => w.columns.includes(c))).length;
    }
    expect(flagged / clean).toBeLessThan(0.05);
  });

  it('finds the rows copied across the split and the households on both sides', () => {
    for (const { table, warnings } of runs) {
      const duplicates = warnings.find((w) => w.code === 'duplicates_across_split');
      // Every copy lands on the other side of its original; a few originals may themselves be copies.
      expect(duplicates?.details.duplicatedTestRows).toBeGreaterThanOrEqual(table.duplicatedRows * 0.9);
      const groups = warnings.find((w) => w.code === 'group_across_split');
      expect(groups?.columns).toEqual([table.groupColumn, table.splitColumn]);
      expect(groups?.details.sharedGroups).toBeGreaterThan(0);
    }
  });

  it('gives the same warnings for the same data', async () => {
    const { table, warnings, id } = runs[0];
    const query = new URLSearchParams({
      target: table.target,
      splitColumn: table.splitColumn,
      groupColumn: table.groupColumn,
      timeColumn: table.timeColumn,
    });
    const again = await app.inject({ url: `/api/datasets/${id}/warnings?${query}` });
    expect(again.json()).toEqual(warnings);
    const copy = await lint(table, `${task}-copy`);
    expect(copy.warnings).toEqual(warnings);
  });
});

describe('without a target', () => {
  it('gives only quality warnings', async () => {
    const table = leakyTable({ seed: 4, task: 'classification' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('plain.csv', table.csv),
    });
    const warnings = (
      await app.inject({ url: `/api/datasets/${res.json().id}/warnings` })
    ).json() as Warning[];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.category === 'quality')).toBe(true);
  });

  it('names the column when a role column does not exist', async () => {
    const table = leakyTable({ seed: 4, task: 'classification', rows: 200 });
    const res = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('roles.csv', table.csv),
    });
    const bad = await app.inject({
      url: `/api/datasets/${res.json().id}/warnings?target=churned&groupColumn=nope`,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('COLUMN_NOT_FOUND');
    expect(bad.json().message).toContain("'nope'");
  });
});
