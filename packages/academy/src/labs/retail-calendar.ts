import { addDays, type LabRandom } from './random';

/**
 * The demand lab's calendar: the shopping holidays of a US grocer (fixed dates and the "nth weekday of a month"
 * rules), one city festival whose date the seed picks each year, and the days stores are shut. Kept apart from the
 * generator so the lab's hint pages can show the same calendar the data was made with.
 */
export interface RetailCalendar {
  /** Holiday name by ISO date; sales rise on these days. */
  holidays: Map<string, string>;
  /** ISO dates every store is closed (no rows at all). */
  closedEverywhere: Set<string>;
}

/** The ISO date of the nth (1-based; −1 = last) given weekday (0 = Sunday) of a month (0-based), in UTC. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  if (nth > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return new Date(Date.UTC(year, month, 1 + ((weekday - first + 7) % 7) + 7 * (nth - 1)))
      .toISOString()
      .slice(0, 10);
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = (lastDay.getUTCDay() - weekday + 7) % 7;
  return new Date(Date.UTC(year, month + 1, -back)).toISOString().slice(0, 10);
}

export function retailCalendar(years: readonly number[], rnd: LabRandom): RetailCalendar {
  const holidays = new Map<string, string>();
  const closedEverywhere = new Set<string>();
  for (const y of years) {
    const fixed: [string, string][] = [
      [`${y}-02-14`, 'Valentine’s Day'],
      [`${y}-07-04`, 'Independence Day'],
      [`${y}-10-31`, 'Halloween'],
      [`${y}-12-24`, 'Christmas Eve'],
      [`${y}-12-31`, 'New Year’s Eve'],
      [nthWeekday(y, 4, 1, -1), 'Memorial Day'],
      [nthWeekday(y, 8, 1, 1), 'Labor Day'],
      [addDays(nthWeekday(y, 10, 4, 4), 1), 'Black Friday'],
      [addDays(`${y}-06-01`, rnd.int(0, 60)), 'City Festival'],
    ];
    for (const [date, name] of fixed) holidays.set(date, name);
    closedEverywhere.add(`${y}-12-25`);
    closedEverywhere.add(nthWeekday(y, 10, 4, 4)); // Thanksgiving
  }
  return { holidays, closedEverywhere };
}
