/**
 * Calendar checks for dates the examiner types (`--order-date`, `--since`, `--until`): a date
 * that does not exist (2021-02-30, 2021-13-45) is refused, never rolled over by `Date`.
 */

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;

/** True when year, month (1-12) and day name a day of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Why a date or date-time is refused: its form, or a day, time or offset that does not exist. */
export const DATE_PROBLEMS = {
  form: 'use an ISO date such as 2026-03-14 or 2026-03-14T10:00:00Z',
  day: 'no such day in the calendar',
  time: 'no such time of day',
  offset: 'no such time-zone offset',
} as const;

/** A kind of refused date (`error.date.<kind>` in the CLI's catalogue). */
export type DateProblem = keyof typeof DATE_PROBLEMS;

/**
 * Why an ISO 8601 date or date-time (`2026-03-14`, `2026-03-14T10:00`, `…:00Z`, `…+06:00`) is not
 * acceptable, or `null` when it is: the form, then whether the day and time exist.
 */
export function isoDateTimeProblemKind(value: string): DateProblem | null {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return 'form';
  const [year, month, day, hour, minute, second, , offsetHour, offsetMinute] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (!isCalendarDate(year!, month!, day!)) return 'day';
  if (hour !== undefined && (hour > 23 || minute! > 59 || (second ?? 0) > 59)) return 'time';
  if (offsetHour !== undefined && (offsetHour > 14 || offsetMinute! > 59)) return 'offset';
  return null;
}

/** `isoDateTimeProblemKind` in English words, or `null` when the value is acceptable. */
export function isoDateTimeProblem(value: string): string | null {
  const kind = isoDateTimeProblemKind(value);
  return kind === null ? null : DATE_PROBLEMS[kind];
}
