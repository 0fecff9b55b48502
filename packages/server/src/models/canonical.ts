import { createHash } from 'node:crypto';
import type { ModelFile } from './model-file';

/**
 * The canonical serialization of a JSON value: object keys sorted (by UTF-16 code units) at every level, no
 * whitespace, numbers and strings as `JSON.stringify` writes them. Parsing and re-serializing a file gives the
 * same text, so a hash over it survives pretty-printing or key reordering but not a changed value.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** The hash a model file carries: over everything but its own `sha256` field. */
export function modelFileHash(file: ModelFile): string {
  const { sha256: _, ...rest } = file;
  return sha256(canonicalJson(rest));
}

/**
 * The file as plain JSON (typed arrays become arrays, NaN becomes null: what a reader of the file sees) with its
 * hash set. A saved or exported model file always carries one.
 */
export function sealModelFile(file: ModelFile): ModelFile {
  const plain = JSON.parse(JSON.stringify(file)) as ModelFile;
  return { ...plain, sha256: modelFileHash(plain) };
}
