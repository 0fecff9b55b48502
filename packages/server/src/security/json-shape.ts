/** Keys that could reach an object's prototype if some later code merged the value into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype']);

/**
 * Checks an untrusted, already parsed JSON value before anything recursive touches it (hashing, schema checks,
 * loading): nesting at most `maxDepth` deep, so no recursive walk can overflow the stack (JSON.parse itself
 * copes with 1e5 levels, a recursive canonical serializer does not); and no `__proto__` or `prototype` key
 * anywhere. Iterative, so the check itself cannot overflow. Returns why the value is refused, or null.
 */
export function jsonShapeProblem(value: unknown, maxDepth: number): string | null {
  const stack: [unknown, number, string][] = [[value, 0, '(root)']];
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop() as [unknown, number, string];
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return `it is nested more than ${maxDepth} levels deep (at ${path.slice(0, 80)})`;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) stack.push([node[i], depth + 1, path]);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return `it has a key named '${key}' (at ${path.slice(0, 80)})`;
      stack.push([(node as Record<string, unknown>)[key], depth + 1, `${path}.${key.slice(0, 40)}`]);
    }
  }
  return null;
}
