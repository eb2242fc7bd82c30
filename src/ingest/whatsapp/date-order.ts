import type { HeaderFields } from './header.js';
import { hour24 } from './header.js';

/** Which of the two numeric date fields is the day, for dates not written year-first. */
export type DateOrder = 'day-first' | 'month-first';

/** A calendar date. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A header with where it sits (1-based line) and the calendar date an attachment name carries. */
export interface DatedHeader {
  readonly header: HeaderFields;
  readonly line: number;
  readonly attachmentDate?: CivilDate;
}

/**
 * How the file's day/month order was decided. `order` is null when the file does not decide it
 * (and no option was given) or contradicts itself; `evidence` says why, for the examiner.
 */
export interface DateOrderDecision {
  readonly order: DateOrder | null;
  readonly basis: 'impossible-dates' | 'attachment-names' | 'chronology' | 'option' | 'not-needed' | 'ambiguous' | 'conflict';
  readonly evidence: string;
  /** Headers whose two readings give different dates (only these depend on the decision). */
  readonly ambiguousCount: number;
  /** First ambiguous header, for the notice. */
  readonly example?: DatedHeader;
}

/**
 * Decides day/month order from the whole file, in this order of strength: a date impossible in
 * one reading (first field > 12 → day-first; second > 12 → month-first); dates in attachment file
 * names (`IMG-20200924-WA0001.jpg`, `PHOTO-2020-11-02-…`); chronology (one reading keeps the
 * messages in order and the other puts them out of order at least twice); finally the caller's
 * option. Otherwise the order stays undecided: nothing is guessed.
 */
export function decideDateOrder(headers: readonly DatedHeader[], option?: DateOrder): DateOrderDecision {
  const twoDigit = headers.filter((h) => !h.header.yearFirst);
  const ambiguous = twoDigit.filter((h) => isAmbiguous(h.header));
  const example = ambiguous[0];
  const base = { ambiguousCount: ambiguous.length, ...(example ? { example } : {}) };
  const dayOnly = twoDigit.filter((h) => h.header.fields[0] > 12);
  const monthOnly = twoDigit.filter((h) => h.header.fields[1] > 12);
  if (dayOnly.length > 0 && monthOnly.length > 0) {
    return {
      ...base,
      order: null,
      basis: 'conflict',
      evidence: `the file mixes day-first dates (${describe(dayOnly)}) and month-first dates (${describe(monthOnly)})`,
    };
  }
  if (dayOnly.length > 0) return { ...base, order: 'day-first', basis: 'impossible-dates', evidence: `${describe(dayOnly)} cannot be month-first` };
  if (monthOnly.length > 0) return { ...base, order: 'month-first', basis: 'impossible-dates', evidence: `${describe(monthOnly)} cannot be day-first` };
  if (ambiguous.length === 0) return { ...base, order: option ?? null, basis: 'not-needed', evidence: 'no date in the file depends on the day/month order' };

  const named = ambiguous.filter((h) => h.attachmentDate !== undefined);
  const dayHits = named.filter((h) => sameDate(readDate(h.header, 'day-first'), h.attachmentDate)).length;
  const monthHits = named.filter((h) => sameDate(readDate(h.header, 'month-first'), h.attachmentDate)).length;
  if (dayHits > 0 && monthHits === 0) return { ...base, order: 'day-first', basis: 'attachment-names', evidence: `${dayHits} attachment file name(s) carry the day-first date` };
  if (monthHits > 0 && dayHits === 0) return { ...base, order: 'month-first', basis: 'attachment-names', evidence: `${monthHits} attachment file name(s) carry the month-first date` };

  const dayInversions = inversions(twoDigit, 'day-first');
  const monthInversions = inversions(twoDigit, 'month-first');
  if (dayInversions === 0 && monthInversions >= 2) {
    return { ...base, order: 'day-first', basis: 'chronology', evidence: `read month-first, ${monthInversions} messages would go back in time; day-first keeps them in order` };
  }
  if (monthInversions === 0 && dayInversions >= 2) {
    return { ...base, order: 'month-first', basis: 'chronology', evidence: `read day-first, ${dayInversions} messages would go back in time; month-first keeps them in order` };
  }
  if (option) return { ...base, order: option, basis: 'option', evidence: `the file does not decide it; ${option} was given as an option` };
  return { ...base, order: null, basis: 'ambiguous', evidence: 'nothing in the file decides between day-first and month-first' };
}

/** True when the two readings of a header give different calendar dates. */
export function isAmbiguous(header: HeaderFields): boolean {
  const [a, b] = header.fields;
  return !header.yearFirst && a !== b && a <= 12 && b <= 12;
}

/** The calendar date of a header under an order; `undefined` if that reading is impossible. */
export function readDate(header: HeaderFields, order: DateOrder): CivilDate | undefined {
  const [a, b, c] = header.fields;
  const date = header.yearFirst
    ? { year: a, month: b, day: c }
    : { year: c < 100 ? 2000 + c : c, month: order === 'day-first' ? b : a, day: order === 'day-first' ? a : b };
  return validDate(date) ? date : undefined;
}

/**
 * ISO 8601 local date-time without offset (`2020-09-24T11:38:00`), or null when the date order is
 * undecided for this header or the date/time is impossible.
 */
export function isoLocal(header: HeaderFields, order: DateOrder | null): string | null {
  const date = header.yearFirst || !isAmbiguous(header) ? readEither(header, order) : order ? readDate(header, order) : undefined;
  const hour = hour24(header);
  if (!date || hour === undefined) return null;
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}T${pad(hour, 2)}:${pad(header.minute, 2)}:${pad(header.second, 2)}`;
}

function readEither(header: HeaderFields, order: DateOrder | null): CivilDate | undefined {
  const [a, b] = header.fields;
  if (header.yearFirst) return readDate(header, 'day-first');
  if (order) return readDate(header, order);
  // Unambiguous without an order: equal fields, or one field above 12.
  return readDate(header, a > 12 || a === b ? 'day-first' : 'month-first');
}

/** Date in an attachment file name, if it carries one. */
export function attachmentDate(body: string): CivilDate | undefined {
  const ios = /PHOTO|VIDEO|AUDIO|STICKER|GIF|DOCUMENT/.test(body) ? /(\d{4})-(\d{2})-(\d{2})-\d{2}-\d{2}-\d{2}/.exec(body) : null;
  const android = /\b(?:IMG|VID|AUD|PTT|STK|DOC)-(\d{4})(\d{2})(\d{2})-WA\d+/.exec(body);
  const match = ios ?? android;
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return validDate(date) ? date : undefined;
}

function inversions(headers: readonly DatedHeader[], order: DateOrder): number {
  let count = 0;
  let previous: string | undefined;
  for (const { header } of headers) {
    const key = isoLocal(header, order);
    if (key === null) continue;
    if (previous !== undefined && key < previous) count += 1;
    previous = key;
  }
  return count;
}

function validDate({ year, month, day }: CivilDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

function sameDate(a: CivilDate | undefined, b: CivilDate | undefined): boolean {
  return a !== undefined && b !== undefined && a.year === b.year && a.month === b.month && a.day === b.day;
}

function describe(headers: readonly DatedHeader[]): string {
  const first = headers[0];
  const sample = first ? ` such as ${first.header.raw.trim()} (line ${first.line})` : '';
  return `${headers.length} date(s)${sample}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
