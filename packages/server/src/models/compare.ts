type Detail = Record<string, unknown> & { metrics: Record<string, number>; lineage: unknown };

export interface Comparison<D> {
  a: D;
  b: D;
  metrics: { name: string; a: number | null; b: number | null; difference: number | null }[];
  differences: { field: string; a: unknown; b: unknown }[];
}

/** Leaves of a JSON value as dotted paths (arrays of numbers or strings are one leaf). */
function flatten(value: unknown, path: string, out: Map<string, unknown>): void {
  const leafArray = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
  if (value === null || typeof value !== 'object' || leafArray) {
    out.set(path, value);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) flatten(value[i], `${path}.${i}`, out);
  } else for (const [k, v] of Object.entries(value)) flatten(v, path === '' ? k : `${path}.${k}`, out);
}

const FIELDS = ['family', 'task', 'target', 'seed', 'threshold', 'calibration', 'params', 'lineage', 'split'];

/**
 * Two model versions side by side: every holdout metric of either with the difference (b − a), and every field
 * of their lineage, parameters, split, threshold and calibration that differs, as dotted paths.
 */
export function compareModels<D extends Detail>(a: D, b: D): Comparison<D> {
  const names = [...new Set([...Object.keys(a.metrics ?? {}), ...Object.keys(b.metrics ?? {})])].sort();
  const metrics = names.map((name) => {
    const x = a.metrics?.[name] ?? null;
    const y = b.metrics?.[name] ?? null;
    return { name, a: x, b: y, difference: x === null || y === null ? null : y - x };
  });
  const left = new Map<string, unknown>();
  const right = new Map<string, unknown>();
  for (const field of FIELDS) {
    flatten(a[field] ?? null, field, left);
    flatten(b[field] ?? null, field, right);
  }
  const differences: Comparison<D>['differences'] = [];
  for (const field of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const x = left.get(field);
    const y = right.get(field);
    if (JSON.stringify(x) !== JSON.stringify(y)) differences.push({ field, a: x ?? null, b: y ?? null });
  }
  return { a, b, metrics, differences };
}
