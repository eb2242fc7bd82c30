/**
 * One Excel workbook with every analysis table (the same tables and columns as the CSV files),
 * a sheet per analysis, byte-identical for the same results: write-excel-file builds the sheets
 * (it writes no document properties and no dates), and the archive is packed again with a fixed
 * date on every entry because its zipper stamps each entry with the clock.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Sheet } from 'write-excel-file/node';
import type { AnalysisResult } from '../core/analysis-result.js';
import { analysisTable } from './csv-tables.js';
import { withFixedZipDates } from './fixed-zip-dates.js';

/** Longest text one Excel cell holds. */
export const XLSX_CELL_CHARS = 32_767;

/** Date of every entry of the workbook archive: fixed, so no clock reaches the bytes. */
const ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

/** The workbook and how many cells were cut to Excel's cell size (the CSV and JSON keep them whole). */
export interface AnalysisWorkbook {
  readonly bytes: Uint8Array;
  readonly sheets: readonly string[];
  readonly cutCells: number;
}

/** The workbook of the results that have a table, in the order given; null when none has one. */
export async function analysisWorkbook(results: readonly AnalysisResult[]): Promise<AnalysisWorkbook | null> {
  let cutCells = 0;
  const cell = (value: unknown): Cell => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text.length <= XLSX_CELL_CHARS) return text;
    cutCells++;
    return `${text.slice(0, XLSX_CELL_CHARS - 1)}…`;
  };
  const sheets: Sheet<Buffer>[] = [];
  for (const result of results) {
    const table = analysisTable(result);
    if (table === null) continue;
    const header = table.columns.map((column) => ({ value: column, fontWeight: 'bold' as const }));
    sheets.push({ sheet: sheetName(result.analysis, sheets.map((sheet) => sheet.sheet!)), stickyRowsCount: 1, data: [header, ...table.rows.map((row) => table.columns.map((column) => cell(row[column])))] });
  }
  if (sheets.length === 0) return null;
  const built = await writeXlsxFile(sheets).toBuffer();
  return { bytes: await withFixedZipDates(built, ENTRY_DATE, 'the workbook'), sheets: sheets.map((sheet) => sheet.sheet!), cutCells };
}

/** Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetName(analysis: string, taken: readonly string[]): string {
  const base = analysis.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base.slice(0, 31 - `~${n}`.length)}~${n}`;
  return name;
}
