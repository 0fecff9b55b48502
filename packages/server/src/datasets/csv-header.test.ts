import { describe, expect, it } from 'vitest';
import { readCsvHeader, splitRecord, uniqueNames } from './csv-header';

describe('readCsvHeader', () => {
  it('sniffs the delimiter from the first record', () => {
    expect(readCsvHeader('a,b,c\n1,2,3\n')).toEqual({ delimiter: ',', names: ['a', 'b', 'c'] });
    expect(readCsvHeader('a;b\n1;2')).toEqual({ delimiter: ';', names: ['a', 'b'] });
    expect(readCsvHeader('a\tb\tc\r\n1\t2\t3').delimiter).toBe('\t');
  });

  it('keeps quoted delimiters and newlines inside one field', () => {
    expect(readCsvHeader('"x,y","multi\nline",z\n1,2,3').names).toEqual(['x,y', 'multi\nline', 'z']);
  });

  it('honours a given delimiter', () => {
    expect(readCsvHeader('a,b\tc', '\t').names).toEqual(['a,b', 'c']);
  });
});

describe('splitRecord', () => {
  it('unescapes doubled quotes', () => {
    expect(splitRecord('"he said ""hi""",2', ',')).toEqual(['he said "hi"', '2']);
  });
});

describe('uniqueNames', () => {
  it('fills blanks and de-duplicates case-insensitively', () => {
    expect(uniqueNames(['a', '', 'A', 'a'])).toEqual(['a', 'column_2', 'A_2', 'a_3']);
  });
});
