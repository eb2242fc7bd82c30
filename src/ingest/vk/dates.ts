/** Russian month stems as VK writes them (`фев`, `мая`, `июн`, full genitive forms too). */
const MONTHS: readonly [RegExp, number][] = [
  [/^янв/u, 1],
  [/^фев/u, 2],
  [/^мар/u, 3],
  [/^апр/u, 4],
  [/^ма[йя]/u, 5],
  [/^июн/u, 6],
  [/^июл/u, 7],
  [/^авг/u, 8],
  [/^сен/u, 9],
  [/^окт/u, 10],
  [/^ноя/u, 11],
  [/^дек/u, 12],
];

/** A VK header date (`15 фев 2012 в 13:23:12`) as it appears at the end of `message__header`. */
export const VK_DATE = /(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})\s+в\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/iu;

/**
 * ISO 8601 local date-time (no offset: the archive does not record the time zone) for a VK
 * date, or null when the month word or a field is not understood.
 */
export function vkIso(raw: string): string | null {
  const match = VK_DATE.exec(raw);
  if (!match) return null;
  const [, d, monthWord, y, h, mi, s] = match;
  const month = MONTHS.find(([re]) => re.test((monthWord ?? '').toLowerCase()))?.[1];
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month === undefined || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Number(y), 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}
