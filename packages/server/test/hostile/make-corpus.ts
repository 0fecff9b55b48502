/**
 * Generates the hostile-file corpus (issue 9, SECURITY-TESTS.md rows K, R11, R12) into a directory: malformed and
 * malicious CSV, TSV, JSON, NDJSON, Parquet and .xlsx files, each with the answer Quarry must give. Big files are
 * written in chunks, never held in memory. The corpus test (hostile.test.ts) uploads every one to a real server.
 *
 *   npx tsx packages/server/test/hostile/make-corpus.ts /tmp/corpus   # writes the files and lists them
 */
import { writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CORPUS_LIMITS,
  corruptPageSize,
  duckdbCopy,
  type HostileFile,
  MiB,
  UNREADABLE,
  validParquet,
  writeRepeated,
} from './corpus-writers';
import { addExcelFiles } from './corpus-xlsx';

export { CORPUS_LIMITS, type HostileFile };

export async function makeCorpus(dir: string): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const add = async (name: string, why: string, expect: HostileFile['expect'], content: string | Buffer) => {
    const path = join(dir, `${String(files.length).padStart(2, '0')}-${name}`);
    await writeFile(path, content);
    files.push({ name, path, why, expect });
  };
  const addStreamed = async (
    name: string,
    why: string,
    expect: string[],
    write: (path: string) => Promise<void>,
  ) => {
    const path = join(dir, `${String(files.length).padStart(2, '0')}-${name}`);
    await write(path);
    files.push({ name, path, why, expect });
  };

  // ---- CSV / TSV ----
  await add('empty.csv', '0 bytes', ['EMPTY_FILE'], '');
  await add('bom-only.csv', 'a UTF-8 BOM and nothing else', ['EMPTY_FILE'], Buffer.from([0xef, 0xbb, 0xbf]));
  await add('blank-lines.csv', 'only newlines and spaces', ['EMPTY_FILE'], '\n \n\r\n  \n');
  await add('header-only.csv', 'a header, no rows', ['NO_ROWS'], 'a,b,c\n');
  await add('ragged.csv', 'a row with an extra field', ['RAGGED_ROWS'], 'a,b\n1,2\n3,4,5\n6,7\n');
  await add('short-row.csv', 'a row with a missing field', ['RAGGED_ROWS'], 'a,b,c\n1,2,3\n4,5\n');
  await add(
    'unterminated-quote.csv',
    'a quote never closed',
    ['RAGGED_ROWS', ...UNREADABLE],
    'a,b\n1,"open\n2,3\n4,5\n',
  );
  await add(
    'binary.csv',
    'random bytes named .csv',
    UNREADABLE,
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  );
  await add(
    'gzip.csv',
    'a gzip stream named .csv',
    UNREADABLE,
    Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0, 0]),
  );
  await add(
    'invalid-utf8-head.csv',
    'invalid UTF-8 in the header',
    UNREADABLE,
    Buffer.from([0x61, 0xff, 0xfe, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0x32, 0x0a]),
  );
  const late = Buffer.from(`a,b\n${'1,2\n'.repeat(40_000)}`);
  await add(
    'invalid-utf8-late.csv',
    'invalid UTF-8 after the first 64 KiB',
    UNREADABLE,
    Buffer.concat([late, Buffer.from([0xc3, 0x28, 0x2c, 0x31, 0x0a])]),
  );
  await add(
    'utf16le-bom.csv',
    'UTF-16LE with a BOM',
    UNREADABLE,
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]),
  );
  await add(
    'utf16be-bom.csv',
    'UTF-16BE with a BOM',
    UNREADABLE,
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a,b\n1,2\n', 'utf16le').swap16()]),
  );
  await add('nul-head.csv', 'NUL bytes in the first line', UNREADABLE, Buffer.from('a,b\n1,\u0000\n'));
  await add(
    'nul-late.csv',
    'NUL bytes after the first 64 KiB',
    UNREADABLE,
    Buffer.concat([late, Buffer.from('3,\u00004\n')]),
  );
  await addStreamed('one-100mb-line.csv', 'one 100 MB line', ['LINE_TOO_LONG'], (p) =>
    writeRepeated(p, 'a,b\n', Buffer.alloc(MiB, 0x78), 100 * MiB, ',1\n'),
  );
  await addStreamed('long-cell.csv', 'a 2 MiB value in a 2 MiB line', ['CELL_TOO_LONG'], (p) =>
    writeRepeated(p, 'a,b\n1,', Buffer.alloc(64 * 1024, 0x79), 2 * MiB, '\n2,3\n'),
  );
  await addStreamed(
    'long-quoted-cell.csv',
    'a 3 MiB quoted value with newlines',
    ['CELL_TOO_LONG', 'LINE_TOO_LONG'],
    (p) => writeRepeated(p, 'a,b\n1,"', Buffer.from('line\n'.repeat(1000)), 3 * MiB, '"\n'),
  );
  const wideHeader = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
  await add(
    '1e5-columns.csv',
    '100 000 columns',
    ['TOO_MANY_COLUMNS'],
    `${wideHeader}\n${'1,'.repeat(99_999)}1\n`,
  );
  await add(
    '3000-columns.tsv',
    '3 000 columns, TSV',
    ['TOO_MANY_COLUMNS'],
    `${Array.from({ length: 3000 }, (_, i) => `c${i}`).join('\t')}\n${'1\t'.repeat(2999)}1\n`,
  );
  await add(
    'proto-header.csv',
    'columns named __proto__, constructor, prototype',
    'renamed',
    '__proto__,constructor,prototype,x\n1,2,3,4\n5,6,7,8\n',
  );
  await add(
    'html.csv',
    'an HTML page named .csv',
    ['RAGGED_ROWS', 'NO_ROWS', ...UNREADABLE],
    '<!doctype html>\n<html><body><p>a, b, c</p></body></html>\n',
  );
  await add(
    'quote-bomb.csv',
    'thousands of nested quote pairs',
    ['RAGGED_ROWS', ...UNREADABLE, 'CELL_TOO_LONG'],
    `a,b\n1,${'"'.repeat(100_001)}\n`,
  );

  // ---- JSON / NDJSON ----
  await add(
    'trailing-garbage.json',
    'valid JSON followed by garbage',
    UNREADABLE,
    '[{"a":1},{"a":2}] trailing garbage',
  );
  await add('nan.json', 'NaN, which JSON does not have', UNREADABLE, '[{"a":NaN},{"a":1}]');
  await add('infinity.json', 'Infinity, which JSON does not have', UNREADABLE, '[{"a":Infinity}]');
  await add('scalar.json', 'a top-level number', ['NO_ROWS', ...UNREADABLE], '42');
  await add('string.json', 'a top-level string', ['NO_ROWS', ...UNREADABLE], '"just a string"');
  await add('null.json', 'a top-level null', ['NO_ROWS', ...UNREADABLE], 'null');
  await add('empty-array.json', 'an empty array', ['NO_ROWS', ...UNREADABLE], '[]');
  await add(
    'duplicate-keys.json',
    'the same key twice in an object',
    UNREADABLE,
    '[{"a":1,"a":2},{"a":3,"a":4}]',
  );
  await add(
    'nesting-1e5.json',
    '100 000 nested arrays',
    UNREADABLE,
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  );
  await add(
    'object-nesting-1e5.json',
    '100 000 nested objects',
    UNREADABLE,
    `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
  );
  await add('unterminated.json', 'an array never closed', UNREADABLE, '[{"a":1},{"a":2}');
  await add(
    'invalid-utf8.json',
    'invalid UTF-8 in a string',
    UNREADABLE,
    Buffer.concat([Buffer.from('[{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]')]),
  );
  await add('bom-only.json', 'a BOM and nothing else', ['EMPTY_FILE'], Buffer.from([0xef, 0xbb, 0xbf]));
  await add(
    'huge-number.json',
    'a number with a 100 000-digit exponent',
    UNREADABLE,
    `[{"a":1e${'9'.repeat(100_000)}}]`,
  );
  await add(
    '3000-keys.json',
    '3 000 keys',
    ['TOO_MANY_COLUMNS'],
    `[{${Array.from({ length: 3000 }, (_, i) => `"k${i}":1`).join(',')}}]`,
  );
  await addStreamed('long-string.json', 'a 2 MiB string value', ['CELL_TOO_LONG'], (p) =>
    writeRepeated(p, '[{"a":"', Buffer.alloc(64 * 1024, 0x7a), 2 * MiB, '"}]'),
  );
  await add(
    'proto-keys.json',
    'keys named __proto__ and constructor',
    'renamed',
    '[{"__proto__":{"polluted":1},"constructor":2,"x":3},{"__proto__":{"polluted":1},"constructor":4,"x":5}]',
  );
  await add(
    'bad-line.ndjson',
    'one NDJSON line is not JSON',
    UNREADABLE,
    '{"a":1}\n{"a":2}\nnot json\n{"a":4}\n',
  );
  await add('binary.ndjson', 'binary named .ndjson', UNREADABLE, Buffer.from([0x7b, 0, 1, 2, 3, 0x7d]));

  // ---- Parquet ----
  const parquet = join(dir, 'valid.parquet.tmp');
  await validParquet(parquet, 1000);
  const good = await readFile(parquet);
  await add(
    'truncated-footer.parquet',
    'the last 40 bytes (footer and magic) cut off',
    UNREADABLE,
    good.subarray(0, good.length - 40),
  );
  await add('half.parquet', 'cut at 50 %', UNREADABLE, good.subarray(0, good.length >> 1));
  await add(
    'wrong-magic.parquet',
    'no PAR1 at the start',
    UNREADABLE,
    Buffer.concat([Buffer.from('PAR0'), good.subarray(4)]),
  );
  await add(
    'wrong-tail-magic.parquet',
    'PAR1 at the start, not at the end',
    UNREADABLE,
    Buffer.concat([good.subarray(0, good.length - 4), Buffer.from('XXXX')]),
  );
  await add('magic-only.parquet', 'PAR1PAR1 and nothing else', UNREADABLE, Buffer.from('PAR1PAR1'));
  const footer = Buffer.from(good);
  footer.writeUInt32LE(0x7fffffff, footer.length - 8); // footer length: 2 GiB
  await add('huge-footer-length.parquet', 'a footer that claims to be 2 GiB long', UNREADABLE, footer);
  const wide = join(dir, 'wide.parquet.tmp');
  await validParquet(wide, 40_000, true);
  const wideBytes = await readFile(wide);
  await add(
    'huge-page-size.parquet',
    'a page header declaring a page far larger than the file',
    UNREADABLE,
    corruptPageSize(wideBytes, true),
  );
  await add(
    'negative-page-size.parquet',
    'a page header declaring a negative size',
    UNREADABLE,
    corruptPageSize(wideBytes, false),
  );
  await add('csv-as.parquet', 'a CSV named .parquet', UNREADABLE, 'a,b\n1,2\n');
  // Footer bombs, sized against the corpus server's lowered limits (CORPUS_LIMITS) so they stay quick to write.
  await addStreamed(
    '42.parquet',
    '60 million rows of one value in 90 KB (the 42.parquet idea)',
    UNREADABLE,
    (p) => duckdbCopy(`SELECT 42 AS a FROM range(60000000)`, p, 'snappy'),
  );
  await addStreamed('page-bomb.parquet', '100 MB of pages in 170 KB (zstd)', UNREADABLE, (p) =>
    duckdbCopy(`SELECT repeat('x', 1000) || i AS a FROM range(100000) t(i)`, p, 'zstd'),
  );

  await addExcelFiles(dir, add);

  // ---- Not a data file at all ----
  await add('program.exe', 'an executable name', ['UNSUPPORTED_FORMAT'], Buffer.from('MZ\x90\x00'));
  await add('no-extension', 'no extension', ['UNSUPPORTED_FORMAT'], 'a,b\n1,2\n');
  await add('double.csv.exe', 'a double extension', ['UNSUPPORTED_FORMAT'], 'a,b\n1,2\n');
  return files;
}

if (process.argv[1]?.endsWith('make-corpus.ts')) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: make-corpus.ts <output dir>');
  const files = await makeCorpus(dir);
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify(files, null, 2));
  for (const f of files)
    console.log(
      `${f.name.padEnd(28)} ${Array.isArray(f.expect) ? f.expect.join('|') : f.expect}  — ${f.why}`,
    );
  console.log(`${files.length} files in ${dir}`);
}
