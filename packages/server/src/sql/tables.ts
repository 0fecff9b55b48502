import type { DatasetSummary } from '../datasets/service';

export interface SqlTable {
  name: string;
  datasetId: string;
  datasetName: string;
  version: number;
  isCurrent: boolean;
  columns: { name: string; type: string }[];
}

/** A data-set name as a SQL identifier: lower case, letters, digits and `_`, not starting with a digit. */
export function safeIdentifier(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents: é → e
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 60);
  if (base === '') return 'data';
  return /^[0-9]/.test(base) ? `t_${base}` : base;
}

const SQL_TYPE: Record<string, string> = { numeric: 'DOUBLE', datetime: 'TIMESTAMP' };

/**
 * The tables a query can use: each lineage's current version under the data set's name, and every version as
 * `<name>_v<version>`. Lineages are named oldest first, so a name taken earlier keeps its table and a later data
 * set with the same name gets `_2`, `_3`, …: the same data sets always give the same names.
 */
export function sqlTables(datasets: DatasetSummary[]): SqlTable[] {
  const lineages = new Map<string, DatasetSummary[]>();
  for (const d of [...datasets].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )) {
    lineages.set(d.rootId, [...(lineages.get(d.rootId) ?? []), d]);
  }
  const used = new Set<string>();
  const claim = (wanted: string) => {
    let name = wanted;
    for (let k = 2; used.has(name); k++) name = `${wanted}_${k}`;
    used.add(name);
    return name;
  };
  const out: SqlTable[] = [];
  const table = (d: DatasetSummary, name: string): SqlTable => ({
    name,
    datasetId: d.id,
    datasetName: d.name,
    version: d.version,
    isCurrent: d.isCurrent,
    columns: d.columns.map((c) => ({ name: c.name, type: SQL_TYPE[c.type] ?? 'VARCHAR' })),
  });
  const bases = [...lineages.values()].map((versions) => {
    const current = versions.find((v) => v.isCurrent) ?? versions[versions.length - 1];
    return { versions, current, base: claim(safeIdentifier(current.name)) };
  });
  for (const { versions, current, base } of bases) {
    out.push(table(current, base));
    for (const v of [...versions].sort((a, b) => a.version - b.version))
      out.push(table(v, claim(`${base}_v${v.version}`)));
  }
  return out;
}

/** Identifiers a query mentions (bare or "quoted"), lower-cased: which tables it may read. */
export function mentionedNames(query: string): Set<string> {
  const names = new Set<string>();
  for (const m of query.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_]*)/g)) {
    names.add((m[1] ?? m[2]).replaceAll('""', '"').toLowerCase());
  }
  return names;
}
