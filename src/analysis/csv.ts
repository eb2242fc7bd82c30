/**
 * CSV writer (RFC 4180 quoting, CRLF line ends) that neutralises spreadsheet formula injection:
 * a text cell starting with = + - @ TAB or CR gets a leading apostrophe (OWASP "CSV Injection").
 * Numbers are written as numbers; a negative number is a number, not a formula.
 */

/** A cell value; `undefined`/`null` become empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised and quoted when it contains a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`csvCell: non-finite number ${value}`);
    return String(value);
  }
  let text = typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * UTF-8 byte-order mark at the start of every CSV file: without it Excel on a Russian (cp1251)
 * Windows opens the file as cp1251 and shows Cyrillic, Kyrgyz and Arabic as garbage.
 */
export const CSV_BOM = '\uFEFF';

/** A whole CSV document: byte-order mark, header row then rows, CRLF-separated, ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * CSV of an array of flat records: columns are `columns` in that order; nested values are written
 * as compact JSON text (then neutralised like any text).
 */
export function recordsToCsv(columns: readonly string[], records: readonly Readonly<Record<string, unknown>>[]): string {
  return toCsv(
    columns,
    records.map((record) =>
      columns.map((column) => {
        const value = record[column];
        if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value as CsvValue;
        return JSON.stringify(value);
      }),
    ),
  );
}
