/**
 * Recognises the header that starts every WhatsApp "Export chat" message line, in the Android
 * layout (`24.09.2020, 11:38 - Name: text`) and the iOS layout (`[02/11/2020, 9:47:19 pm] Name: text`),
 * in every date/time order seen in real exports. Parsing the date into a calendar date is left to
 * `date-order.ts`, because day/month order can only be decided from the whole file.
 */

/** Spaces WhatsApp puts between fields: ordinary, NBSP (U+00A0) and narrow NBSP (U+202F). */
const S = '[ \\u00a0\\u202f]';
const DATE = '(\\d{1,4})([./-])(\\d{1,2})\\3(\\d{1,4})\\.?';
const TIME = `(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\.?(?:${S}*([aApP])\\.?${S}*[mM]\\.?)?`;
const ANDROID = new RegExp(`^\\u200e?(${DATE},?${S}*${TIME})${S}+[-\\u2013]${S}+`, 'u');
const IOS = new RegExp(`^\\u200e?\\[(${DATE},?${S}*${TIME})\\]${S}*`, 'u');

/** The fields of one header line, as numbers, before the date order is known. */
export interface HeaderFields {
  readonly layout: 'android' | 'ios';
  /** The three date fields in the order written (e.g. 24, 9, 2020 for `24.09.2020`). */
  readonly fields: readonly [number, number, number];
  /** True when the first field is a 4-digit year (`2022/12/14`). */
  readonly yearFirst: boolean;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly meridiem?: 'am' | 'pm';
  /** Date and time exactly as written (without brackets or the ` - ` separator). */
  readonly raw: string;
  /** Length of the header in UTF-16 code units; the sender and body follow it. */
  readonly length: number;
}

/** Parses a header at the start of `line`; `undefined` when the line is not a message header. */
export function parseHeader(line: string): HeaderFields | undefined {
  const android = ANDROID.exec(line);
  const match = android ?? IOS.exec(line);
  if (!match) return undefined;
  const [whole, raw, f1, , f2, f3, h, mi, se, ap] = match;
  if (raw === undefined || f1 === undefined || f2 === undefined || f3 === undefined || h === undefined || mi === undefined) return undefined;
  const yearFirst = f1.length === 4;
  if (f1.length === 3 || (yearFirst && f3.length > 2) || (!yearFirst && f3.length !== 2 && f3.length !== 4)) return undefined;
  const fields: [number, number, number] = [Number(f1), Number(f2), Number(f3)];
  const hour = Number(h);
  const minute = Number(mi);
  const second = se === undefined ? 0 : Number(se);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (!plausibleDate(fields, yearFirst)) return undefined;
  return {
    layout: android ? 'android' : 'ios',
    fields,
    yearFirst,
    hour,
    minute,
    second,
    ...(ap !== undefined ? { meridiem: ap.toLowerCase() === 'a' ? ('am' as const) : ('pm' as const) } : {}),
    raw,
    length: whole.length,
  };
}

function plausibleDate([a, b, c]: readonly [number, number, number], yearFirst: boolean): boolean {
  if (yearFirst) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && Math.min(a, b) <= 12;
}

/**
 * Hour on the 24-hour clock, or `undefined` when a 12-hour time is impossible (e.g. `13:37 p.m.`,
 * which a real fixture contains): such a time is kept raw and never guessed.
 */
export function hour24(header: Pick<HeaderFields, 'hour' | 'meridiem'>): number | undefined {
  const { hour, meridiem } = header;
  if (meridiem === undefined) return hour;
  if (hour > 12) return undefined;
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  return hour === 12 ? 12 : hour + 12;
}
