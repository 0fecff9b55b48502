import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the text between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` in a Markdown file (or
 * appends the section with its markers), the way bench/profile/run.ts writes its own section. `body` excludes the
 * markers. Each benchmark owns its section; edits outside the markers survive.
 */
export function writeSection(path: string, name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  text =
    a >= 0 && b > a
      ? `${text.slice(0, a)}${section}${text.slice(b + end.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, text);
}
