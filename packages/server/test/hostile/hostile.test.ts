import { openAsBlob, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from '../child-server';
import { tempDir } from '../helpers';
import { CORPUS_LIMITS, type HostileFile, makeCorpus } from './make-corpus';

/**
 * The hostile-file corpus (issue 9; SECURITY-TESTS.md rows K, R11, R12) against a real server process over HTTP.
 * Every file must get a 4xx with a stable code and a message naming the file, never a 500; the server must stay
 * up, its memory bounded, no data set may appear and its temporary directory must end empty. Files with
 * `__proto__`-style column names are accepted with the columns renamed, and pollute nothing.
 */
// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field below
type Json = any;

/**
 * The server's resident memory may not grow past this while it refuses the corpus. The parsers run in child
 * processes, so the server itself only streams uploads to disk and reads the error back; a file parsed in the
 * server would show up here as hundreds of MiB (the zip bombs alone inflate to 200 MiB).
 */
const MAX_RSS_MB = 400;

let server: ChildServer;
let dataDir: string;
let corpus: HostileFile[];
const answers: { file: HostileFile; status: number; body: Json; rssMb: number }[] = [];

const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
};

beforeAll(async () => {
  const corpusDir = tempDir();
  corpus = await makeCorpus(corpusDir);
  dataDir = tempDir();
  server = await startChildServer(dataDir, {
    QUARRY_MAX_UPLOAD_BYTES: String(256 * 1024 * 1024),
    ...CORPUS_LIMITS,
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('the hostile-file corpus', () => {
  it('has at least 50 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
  });

  it('answers every file with a 4xx and a reason naming it, and stays up with bounded memory', async () => {
    const pid = server.process.pid as number;
    const baseline = rssMb(pid);
    for (const file of corpus) {
      const form = new FormData();
      form.append('file', await openAsBlob(file.path), file.name);
      const res = await fetch(`${server.url}/api/datasets`, { method: 'POST', body: form });
      const body: Json = await res.json();
      answers.push({ file, status: res.status, body, rssMb: rssMb(pid) });
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status, `health after ${file.name}`).toBe(200);
    }
    const wrong = answers.filter(({ file, status, body }) =>
      file.expect === 'renamed'
        ? status !== 201
        : status < 400 ||
          status >= 500 ||
          !file.expect.includes(body.code) ||
          !body.message.includes(file.name),
    );
    expect(
      wrong.map((a) => `${a.file.name}: ${a.status} ${a.body.code} ${a.body.message}`),
      'files answered otherwise than expected',
    ).toEqual([]);
    const peak = Math.max(...answers.map((a) => a.rssMb));
    // The table docs/security.md quotes: what each file got.
    console.log(
      `${answers.map((a) => `${a.file.name.padEnd(28)} ${a.status} ${a.body.code ?? 'created'}`).join('\n')}\n` +
        `${answers.length} files, ${answers.filter((a) => a.status >= 400).length} refused; server RSS ${baseline.toFixed(0)} MiB at start, ${peak.toFixed(0)} MiB at peak`,
    );
    expect(peak, `peak server RSS ${peak.toFixed(0)} MiB`).toBeLessThan(MAX_RSS_MB);
  }, 240_000);

  it('renames __proto__, constructor and prototype columns and pollutes nothing', async () => {
    const accepted = answers.filter((a) => a.file.expect === 'renamed');
    expect(accepted.length).toBe(3);
    for (const { body } of accepted) {
      const names = body.columns.map((c: Json) => c.name);
      expect(names).not.toContain('__proto__');
      expect(names).not.toContain('constructor');
      expect(names).toContain('proto_column');
      const renamed = body.columns.find((c: Json) => c.name === 'proto_column');
      expect(renamed.originalName).toBe('__proto__');
      const rows: Json = await (await fetch(`${server.url}/api/datasets/${body.id}/rows?limit=5`)).json();
      expect(rows.columns).toContain('proto_column');
    }
    expect(({} as Json).polluted).toBeUndefined();
    for (const { body } of accepted) {
      expect(
        (await fetch(`${server.url}/api/datasets/${body.id}`, { method: 'DELETE' })).status,
      ).toBeLessThan(300);
    }
  });

  it('leaves no data set and an empty temporary directory', async () => {
    const list: Json = await (await fetch(`${server.url}/api/datasets`)).json();
    expect(list.datasets).toEqual([]);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);
  });
});
