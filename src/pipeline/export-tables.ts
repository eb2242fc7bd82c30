import { UserError } from '../core/errors.js';
import { readWhileQuiet } from '../case/quiet-read.js';
import { readAnalyses } from '../case/records.js';
import { CaseWorkspace } from '../case/workspace.js';
import type { AnalysisWorkbook } from '../report/xlsx-tables.js';
import { analysisWorkbook } from '../report/xlsx-tables.js';

/**
 * Every analysis table of the case (the tables of `derived/analyses/*.csv`) as one Excel workbook,
 * read while no writer works on the case; the same analyses give the same bytes.
 */
export async function exportTables(dir: string): Promise<AnalysisWorkbook> {
  const results = await readWhileQuiet(dir, 'export', () => readAnalyses(CaseWorkspace.open(dir)));
  const workbook = await analysisWorkbook(results);
  if (workbook === null) throw new UserError(`${dir}: no analysis table to export yet; run soz analyze ${dir}`, 'export.no-tables', undefined, { key: 'error.export.no-tables', params: { dir } });
  return workbook;
}
