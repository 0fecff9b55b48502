/**
 * Literals and layout for generated code. Names and values come from the learner's project (column names, filter
 * values typed in the studio), so every one is written as an escaped literal, never spliced in as code.
 */

type Literal = string | number | boolean | null | undefined | readonly Literal[];

/** A Python literal: 'text' (escaped), numbers as their shortest round-trip form, True/False/None, lists. */
export function py(value: Literal): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return "float('nan')";
    if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "float('-inf')";
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  return `'${escapeText(String(value), "'")}'`;
}

/** A TypeScript literal: 'text' (escaped), numbers, booleans, null, arrays. */
export function ts(value: Literal): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') {
    if (typeof value === 'number' && !Number.isFinite(value))
      return Number.isNaN(value) ? 'Number.NaN' : value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(ts).join(', ')}]`;
  return `'${escapeText(String(value), "'")}'`;
}

function escapeText(text: string, quote: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\u2028' || ch === '\u2029')
      out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** A list literal wrapped to lines of at most `width` characters, continuation lines indented. */
export function wrapList(items: string[], open: string, close: string, indent = '    ', width = 100): string {
  const one = `${open}${items.join(', ')}${close}`;
  if (one.length <= width) return one;
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line}, ${item}`;
    if (indent.length + next.length + 1 > width && line !== '') {
      lines.push(`${line},`);
      line = item;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return `${open}\n${lines.map((l) => indent + l).join('\n')}\n${close}`;
}

/** A comment line for the language, wrapped at ~110 characters. */
export function comment(prefix: '#' | '//', text: string, indent = ''): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (indent.length + prefix.length + 1 + next.length > 110 && line !== '') {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}${prefix} ${l}`).join('\n');
}

/** 'a', 'b' and 'c' — for comments. */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** camelCase parameter names (the studio's) as scikit-learn's snake_case. */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Indents every non-empty line. */
export const indentLines = (text: string, indent: string) =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : indent + l))
    .join('\n');
