import { describe, expect, it } from 'vitest';
import { cellText, datasetLabel, fileNamePart, formatBytes, formatNumber, formatPercent } from './format';

describe('format', () => {
  it('shows missing cells as a dash and keeps numbers as stored', () => {
    expect(cellText(null)).toEqual({ text: '—', missing: true, numeric: false });
    expect(cellText(1234.5)).toEqual({ text: '1234.5', missing: false, numeric: true });
    expect(cellText(false).text).toBe('false');
    expect(cellText('<b>x</b>').text).toBe('<b>x</b>');
  });

  it('formats statistics compactly', () => {
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(2.5e-7)).toBe('2.500e-7');
    expect(formatNumber('2024-01-01')).toBe('2024-01-01');
  });

  it('formats sizes and shares', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.256)).toBe('26%');
  });

  it('makes safe file names', () => {
    expect(fileNamePart('iris species/v2')).toBe('iris-species-v2');
    expect(fileNamePart('../..')).toBe('untitled');
  });
});

describe('datasetLabel', () => {
  it('names an upload never cleaned by its name, every other version with its number', () => {
    expect(datasetLabel({ name: 'customers', version: 1, isCurrent: true })).toBe('customers');
    expect(datasetLabel({ name: 'customers', version: 1, isCurrent: false })).toBe('customers (v1)');
    expect(datasetLabel({ name: 'customers', version: 3, isCurrent: true })).toBe('customers (v3)');
    expect(datasetLabel({ name: 'customers' })).toBe('customers');
  });
});
