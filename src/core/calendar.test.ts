import { describe, expect, it } from 'vitest';
import { isCalendarDate, isoDateTimeProblem } from './calendar.js';

describe('isCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2021, 4, 31)).toBe(false);
    expect(isCalendarDate(2021, 12, 31)).toBe(true);
    expect(isCalendarDate(2021, 13, 1)).toBe(false);
    expect(isCalendarDate(2021, 0, 1)).toBe(false);
  });
});

describe('isoDateTimeProblem', () => {
  it('accepts dates and date-times that exist', () => {
    for (const value of ['2026-03-14', '2026-03-14T10:00', '2026-03-14T23:59:59Z', '2026-03-14T10:00:00.5+06:00', '2024-02-29']) {
      expect(isoDateTimeProblem(value), value).toBeNull();
    }
  });
  it('refuses impossible days and times instead of rolling them over', () => {
    expect(isoDateTimeProblem('2021-13-45')).toBe('no such day in the calendar');
    expect(isoDateTimeProblem('2021-02-30')).toBe('no such day in the calendar');
    expect(isoDateTimeProblem('2021-02-10T24:00')).toBe('no such time of day');
    expect(isoDateTimeProblem('2021-02-10T10:61')).toBe('no such time of day');
    expect(isoDateTimeProblem('2021-02-10T10:00+15:00')).toBe('no such time-zone offset');
  });
  it('refuses other forms', () => {
    for (const value of ['14.03.2026', '2026-3-14', '2026-03-14 10:00', '', '2026-03-14T10']) expect(isoDateTimeProblem(value), value).toMatch(/^use an ISO date/);
  });
});
