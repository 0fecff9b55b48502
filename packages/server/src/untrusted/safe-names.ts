import { uniqueNames } from '../datasets/csv-header';

/**
 * Names that change what a plain JavaScript object is when used as a key: `row['__proto__'] = v` replaces the
 * row's prototype, and `constructor`/`prototype` shadow what code expects to find there. Rows become objects
 * keyed by column name in several places (DuckDB's getRowObjectsJS, JSON bodies, the studio), so a file may not
 * bring these names in.
 */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export interface ColumnRename {
  from: string;
  to: string;
}

/**
 * Column names safe to use everywhere: reserved names renamed (`__proto__` → `proto_column`), then blank names
 * numbered and repeats suffixed (csv-header.ts, uniqueNames). Every name that changed is reported, so the data
 * set can show where a column came from.
 */
export function safeColumnNames(raw: string[]): { names: string[]; renames: ColumnRename[] } {
  const unreserved = raw.map((name) =>
    RESERVED.has(name.trim()) ? `${name.trim().replace(/^_+|_+$/g, '')}_column` : name,
  );
  const names = uniqueNames(unreserved);
  const renames: ColumnRename[] = [];
  names.forEach((to, i) => {
    if (to !== raw[i]) renames.push({ from: raw[i], to });
  });
  return { names, renames };
}
