/**
 * Recognises the header that starts every WhatsApp "Export chat" message line, in the Android
 * layout (`24.09.2020, 11:38 - Name: text`) and the iOS layout (`[02/11/2020, 9:47:19 pm] Name: text`),
 * in every date/time order seen in real exports, with the 12-hour marker of any locale in
 * `day-periods.data.ts` before or after the time (`ÖS 9:07`, `下午9:07`, `9:07 nachm.`, `٩:٠٧ م`).
 * Parsing the date into a calendar date is left to `date-order.ts`, because day/month order can
 * only be decided from the whole file.
 */
import { DAY_PERIODS } from './day-periods.data.js';

/** Spaces WhatsApp puts between fields: ordinary, NBSP (U+00A0) and narrow NBSP (U+202F). */
const S = '[ \\u00a0\\u202f]';
const DATE = '(\\d{1,4})([./-])(\\d{1,2})\\3(\\d{1,4})\\.?';
const TIME = `(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\.?(?:${S}*([aApP])\\.?${S}*[mM]\\.?)?`;
// The layouts every real export in the corpus uses; tried first so their reading never changes.
const ANDROID = new RegExp(`^\\u200e?(${DATE},?${S}*${TIME})${S}+[-\\u2013]${S}+`, 'u');
const IOS = new RegExp(`^\\u200e?\\[(${DATE},?${S}*${TIME})\\]${S}*`, 'u');

// Wider grammar for the other locales: direction marks (U+200E/U+200F) anywhere between fields,
// the Arabic comma, `2020. 9. 24.` (Korean), and a locale's marker before or after the time.
const GAP = '[ \\u00a0\\u202f\\u200e\\u200f]';
const MARKS = '[\\u200e\\u200f]*';
const DATE_X = `(?<f1>\\d{1,4})${MARKS}(?<sep>[./-])${GAP}?${MARKS}(?<f2>\\d{1,2})${MARKS}\\k<sep>${GAP}?${MARKS}(?<f3>\\d{1,4})\\.?`;
const LATIN_MERIDIEM = `[aApP]\\.?${GAP}*[mM]\\.?`;

/** Code points of the digit zeros the table's locales write (ASCII first); digits follow zero. */
const ZEROS = [...new Set(['0', ...DAY_PERIODS.map((entry) => entry.zero)].map((zero) => zero.charCodeAt(0)))];

/** Marker text with spaces and direction marks removed and letters folded, as the lookup key. */
function markerKey(marker: string): string {
  return marker.replace(/[ \u00a0\u202f\u200e\u200f]/gu, '').toLowerCase();
}

/** Every table marker → its half of the day (the generator guarantees no marker means both). */
const MERIDIEM_OF = new Map<string, 'am' | 'pm'>(DAY_PERIODS.flatMap((entry) => [[markerKey(entry.am), 'am'] as const, [markerKey(entry.pm), 'pm'] as const]));

function markerPattern(marker: string): string {
  return [...marker].map((c) => (/[ \u00a0\u202f]/u.test(c) ? `${GAP}*` : c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))).join('');
}

// Longest first, so `PTG` is tried before `PG` and `go.soň` before anything shorter.
const MARKER = [...new Set(DAY_PERIODS.flatMap((entry) => [entry.am, entry.pm]))]
  .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
  .map(markerPattern)
  .concat(LATIN_MERIDIEM)
  .join('|');
const TIME_X = `(?:(?<before>${MARKER})${GAP}*)?(?<h>\\d{1,2})[:.](?<mi>\\d{2})(?:[:.](?<se>\\d{2}))?\\.?(?:${GAP}*(?<after>${MARKER}))?`;
const ANDROID_X = new RegExp(`^${MARKS}(?<raw>${DATE_X}[,\\u060c]?${GAP}*${TIME_X})${GAP}+[-\\u2013]${GAP}+`, 'iu');
const IOS_X = new RegExp(`^${MARKS}\\[${MARKS}(?<raw>${DATE_X}[,\\u060c]?${GAP}*${TIME_X})${MARKS}\\]${GAP}*`, 'iu');

// A date and a time at the start, then a header's end (` - ` or `]`) soon after: the shape of a
// header even when its marker or numbers cannot be read.
const HEADER_LIKE = new RegExp(
  `^${MARKS}\\[?${MARKS}\\d{1,4}${MARKS}[./-]${GAP}?${MARKS}\\d{1,2}${MARKS}[./-]${GAP}?${MARKS}\\d{1,4}\\.?[,\\u060c]?${GAP}*(?:[^\\d\\s]{1,16}${GAP}*)?\\d{1,2}[:.]\\d{2}[^\\n]{0,24}?(?:${GAP}[-\\u2013]${GAP}|\\])`,
  'u',
);

/** The fields of one header line, as numbers, before the date order is known. */
export interface HeaderFields {
  readonly layout: 'android' | 'ios';
  /** The three date fields in the order written (e.g. 24, 9, 2020 for `24.09.2020`). */
  readonly fields: readonly [number, number, number];
  /** True when the first field is a 4-digit year (`2022/12/14`). */
  readonly yearFirst: boolean;
  /** Hour as written (0–23; 0–12 with a 12-hour marker). */
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
  if (!match) return parseWiderHeader(line);
  const [whole, raw, f1, , f2, f3, h, mi, se, ap] = match;
  if (raw === undefined || f1 === undefined || f2 === undefined || f3 === undefined || h === undefined || mi === undefined) return undefined;
  const meridiem = ap === undefined ? undefined : ap.toLowerCase() === 'a' ? ('am' as const) : ('pm' as const);
  return checkedHeader(android ? 'android' : 'ios', [f1, f2, f3], [h, mi, se], meridiem, raw, whole.length);
}

/**
 * The wider grammar: digits of the table's numbering systems are read as ASCII (one code unit
 * each, so offsets stay valid) and a locale marker may stand before or after the time.
 */
function parseWiderHeader(line: string): HeaderFields | undefined {
  const ascii = asciiDigits(line);
  const android = ANDROID_X.exec(ascii);
  const match = android ?? IOS_X.exec(ascii);
  const g = match?.groups;
  if (!match || !g) return undefined;
  const { raw, f1, f2, f3, h, mi, se, before, after } = g;
  if (raw === undefined || f1 === undefined || f2 === undefined || f3 === undefined || h === undefined || mi === undefined) return undefined;
  if (before !== undefined && after !== undefined) return undefined;
  const marker = before ?? after;
  const meridiem = marker === undefined ? undefined : meridiemOf(marker);
  if (marker !== undefined && meridiem === undefined) return undefined;
  // WhatsApp began in 2009: an earlier 4-digit year is another calendar (a Persian phone writes
  // Solar Hijri `۱۳۹۹/۷/۳`), which must not pass for a Gregorian date.
  const year = f1.length === 4 ? Number(f1) : f3.length === 4 ? Number(f3) : undefined;
  if (year !== undefined && year < 2009) return undefined;
  const rawStart = match[0].indexOf(raw);
  return checkedHeader(android ? 'android' : 'ios', [f1, f2, f3], [h, mi, se], meridiem, line.slice(rawStart, rawStart + raw.length), match[0].length);
}

function meridiemOf(marker: string): 'am' | 'pm' | undefined {
  const key = markerKey(marker);
  const known = MERIDIEM_OF.get(key);
  if (known) return known;
  if (/^a\.?m\.?$/u.test(key)) return 'am';
  if (/^p\.?m\.?$/u.test(key)) return 'pm';
  return undefined;
}

function checkedHeader(
  layout: HeaderFields['layout'],
  [f1, f2, f3]: readonly [string, string, string],
  [h, mi, se]: readonly [string, string, string | undefined],
  meridiem: 'am' | 'pm' | undefined,
  raw: string,
  length: number,
): HeaderFields | undefined {
  const yearFirst = f1.length === 4;
  if (f1.length === 3 || (yearFirst && f3.length > 2) || (!yearFirst && f3.length !== 2 && f3.length !== 4)) return undefined;
  const fields: [number, number, number] = [Number(f1), Number(f2), Number(f3)];
  const hour = Number(h);
  const minute = Number(mi);
  const second = se === undefined ? 0 : Number(se);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (!plausibleDate(fields, yearFirst)) return undefined;
  return { layout, fields, yearFirst, hour, minute, second, ...(meridiem !== undefined ? { meridiem } : {}), raw, length };
}

/** `line` with the digits of the table's numbering systems replaced by ASCII digits (same length). */
export function asciiDigits(line: string): string {
  if (!/[\u0080-\uffff]/u.test(line)) return line;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const zero = ZEROS.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? line[i] : String.fromCharCode(0x30 + code - zero);
  }
  return out;
}

/**
 * True when `line` starts like a message header (a date, a time, then ` - ` or `]` soon after)
 * even though `parseHeader` cannot read it: such a line must not be joined to the previous
 * message, because its author is unknown.
 */
export function looksLikeHeader(line: string): boolean {
  return HEADER_LIKE.test(asciiDigits(line));
}

function plausibleDate([a, b, c]: readonly [number, number, number], yearFirst: boolean): boolean {
  if (yearFirst) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && Math.min(a, b) <= 12;
}

/**
 * Hour on the 24-hour clock, or `undefined` when a 12-hour time is impossible (e.g. `13:37 p.m.`,
 * which a real fixture contains): such a time is kept raw and never guessed. Hours 0 and 12 are
 * both accepted with a marker, since 'h11' locales write 0–11 and 'h12' locales 1–12.
 */
export function hour24(header: Pick<HeaderFields, 'hour' | 'meridiem'>): number | undefined {
  const { hour, meridiem } = header;
  if (meridiem === undefined) return hour;
  if (hour > 12) return undefined;
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  return hour === 12 ? 12 : hour + 12;
}
