import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

/** Every server source file (tests aside), relative to src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative(SRC, path)] : [];
  });
}

/**
 * Ways code could open an outbound connection. A new match is a review point: route the URL through safeFetch,
 * or, if the file only listens or parses addresses, add it to the exceptions below with the reason.
 */
const OUTBOUND = [
  /\bfetch\(/,
  /from 'node:https?'/,
  /from 'node:(net|tls|dgram)'/,
  /from '(undici|axios|got|node-fetch|request|superagent)'/,
  /\bhttpfs\b/,
];

describe('safeFetch is the only way a URL leaves the server', () => {
  it('no other server source can open an outbound connection', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((file) => !['ingest/safe-fetch.ts', 'ingest/test-servers.ts'].includes(file))
      .filter((file) => {
        // node:net's isIP (config.ts: is the bind address loopback?) opens nothing.
        const text = readFileSync(join(SRC, file), 'utf8').replace("import { isIP } from 'node:net';", '');
        return OUTBOUND.some((re) => re.test(text));
      });
    expect(offenders).toEqual([]);
  });
});
