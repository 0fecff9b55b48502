import type { SqlTable } from '../api/types';

/**
 * The tables a query can use, one entry per data set: the current version's plain name (`customers`) with the
 * names of every version (`customers_v1`, `customers_v2` …), which the server also lists as tables.
 */
export function currentTables(tables: SqlTable[]): { table: SqlTable; versions: string[] }[] {
  const names = new Set(tables.map((t) => t.name));
  // `x_v2` is a version's name when `x` is a table too (a data set may itself be named like `x_v2`).
  const isVersionName = (t: SqlTable) => {
    const match = /^(.+)_v(\d+)$/.exec(t.name);
    return Boolean(match?.[1] && names.has(match[1]) && Number(match[2]) === t.version);
  };
  const plain = tables.filter((t) => t.isCurrent && !isVersionName(t));
  return plain.map((table) => ({
    table,
    versions: tables
      .filter((t) => t.name === `${table.name}_v${t.version}`)
      .sort((a, b) => a.version - b.version)
      .map((t) => t.name),
  }));
}
