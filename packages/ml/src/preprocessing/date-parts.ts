/** The calendar parts `DatePartsTransformer` can extract, in output order. */
export const DATE_PARTS = ['year', 'month', 'day', 'dayofweek', 'hour', 'dayofyear', 'is_weekend'] as const;

export type DatePart = (typeof DATE_PARTS)[number];

/** A wall-clock date and time: month 1–12, day 1–31, hour 0–23. */
export interface CivilTime {
  year: number;
  month: number;
  day: number;
  hour: number;
}

const MS_PER_DAY = 86_400_000;

// YYYY-MM-DD, optionally followed by [T or space]HH:MM[:SS[.fff]] and a Z or ±HH[:]MM offset.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds since the epoch of midnight UTC on a date (`Date.UTC` maps years 0–99 to 1900–1999; this does not). */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/**
 * Parses an ISO 8601 date or date-time string. The parts are the wall-clock ones as written: an offset such as
 * `+02:00` is accepted but not applied (as pandas' `.dt` accessors on an offset-aware column). Returns null for
 * anything else, including impossible dates like 2023-02-30.
 */
export function parseIsoDate(text: string): CivilTime | null {
  const m = ISO_DATE.exec(text.trim());
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const check = new Date(utcMidnight(year, month, day));
  if (check.getUTCDate() !== day) return null;
  return { year, month, day, hour };
}

/** The UTC wall-clock time of an epoch-milliseconds timestamp; null for NaN or out-of-range values. */
export function civilFromEpochMs(ms: number): CivilTime | null {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
  };
}

/** One part of a date: dayofweek is 0 = Monday … 6 = Sunday and dayofyear starts at 1, as pandas. */
export function datePart(t: CivilTime, part: DatePart): number {
  switch (part) {
    case 'year':
      return t.year;
    case 'month':
      return t.month;
    case 'day':
      return t.day;
    case 'hour':
      return t.hour;
    case 'dayofweek':
      return dayOfWeek(t);
    case 'dayofyear':
      return Math.round((utcMidnight(t.year, t.month, t.day) - utcMidnight(t.year, 1, 1)) / MS_PER_DAY) + 1;
    case 'is_weekend':
      return dayOfWeek(t) >= 5 ? 1 : 0;
  }
}

function dayOfWeek(t: CivilTime): number {
  // getUTCDay: 0 = Sunday; pandas: 0 = Monday.
  return (new Date(utcMidnight(t.year, t.month, t.day)).getUTCDay() + 6) % 7;
}
