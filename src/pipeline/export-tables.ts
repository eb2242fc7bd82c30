import { isAbsolute, join, relative as relativePath, resolve } from 'node:path';
import type { HashedFile } from '../core/case.js';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../case/atomic.js';
import { CaseFiles } from '../case/layout.js';
import { readWhileQuiet } from '../case/quiet-read.js';
import { readAnalyses, readManifest } from '../case/records.js';
import type { Clock } from '../case/workspace.js';
import { CaseWorkspace } from '../case/workspace.js';
import { caseFileSha256 } from '../case/snapshot.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import { analysisCsv, findingsCsvParts } from '../report/csv-tables.js';
import type { AnalysisWorkbook } from '../report/xlsx-tables.js';
import { analysisWorkbook } from '../report/xlsx-tables.js';

/** Log action of a CSV export into the case (`soz export --format csv`); `soz verify` reproduces its tables. */
export const TABLES_EXPORT_ACTION = 'tables.export';

/**
 * Every analysis table of the case (the tables `soz export --format csv` writes) as one Excel
 * workbook, read while no writer works on the case; the same analyses give the same bytes.
 */
export async function exportTables(dir: string): Promise<AnalysisWorkbook> {
  const results = await readWhileQuiet(dir, 'export', () => readAnalyses(CaseWorkspace.open(dir)));
  const workbook = await analysisWorkbook(results);
  if (workbook === null) throw noTables(dir);
  return workbook;
}

/** One CSV table of an analysis: its file name and its bytes in parts (a huge findings table never one string). */
interface CsvTable {
  readonly name: string;
  readonly parts: Iterable<string>;
}

/**
 * The CSV tables of analysis results (UTF-8 with a byte-order mark, CRLF, formula-neutralised
 * cells): findings one per row, statistical tables flattened — a pure function of the results,
 * so the same `.ndjson` results give the same bytes on every run.
 */
function csvTables(results: readonly AnalysisResult[]): CsvTable[] {
  return results.flatMap((result): CsvTable[] => {
    const name = `${result.analysis}.csv`;
    if (result.findings) return [{ name, parts: findingsCsvParts(result.findings) }];
    const csv = analysisCsv(result);
    return csv === null ? [] : [{ name, parts: [csv] }];
  });
}

/**
 * Writes the CSV tables of the case's analyses into `reports/tables/` with one log entry
 * (`tables.export`: the manifest as input, every table with its SHA-256 as output), so `soz verify`
 * can reproduce them from the re-run analysis. Runs under the case lock (`workspace` opened for writing).
 */
export function exportCsvTablesIntoCase(workspace: CaseWorkspace, options: { readonly clock: Clock; readonly actor: string }): HashedFile[] {
  const manifest = readManifest(workspace);
  const tables = csvTables(readAnalyses(workspace));
  if (manifest === null || tables.length === 0) throw noTables(workspace.dir);
  const outputs: HashedFile[] = [];
  const moves = tables.map((table) => {
    const relative = `${CaseFiles.tablesDir}/${table.name}`;
    const move = workspace.stageFile(relative, table.parts);
    outputs.push({ path: relative, sha256: caseFileSha256(workspace.dir, move.from)! });
    return move;
  });
  workspace.commit(options.clock, {
    actor: options.actor,
    action: TABLES_EXPORT_ACTION,
    inputs: [{ path: CaseFiles.manifest, sha256: caseFileSha256(workspace.dir, CaseFiles.manifest)! }],
    outputs,
    details: { format: 'csv', tables: tables.length },
  }, moves);
  return outputs;
}

/**
 * Writes the CSV tables of a case's analyses into a folder outside it (`-o DIR`), read while no
 * writer works on the case: the case is not changed and nothing is logged; the SHA-256 of every
 * table is returned to be printed (the same bytes `tables.export` would log).
 */
export async function exportCsvTablesTo(dir: string, folder: string): Promise<HashedFile[]> {
  const inside = relativePath(resolve(dir), resolve(folder));
  if (!inside.startsWith('..') && !isAbsolute(inside)) throw new UserError(`-o ${folder}: a folder inside the case would hold files the log does not record; leave -o out to write reports/tables/ with a log entry`, 'usage.export-inside-case', undefined, { key: 'error.export.inside-case', params: { folder } });
  const results = await readWhileQuiet(dir, 'export', () => readAnalyses(CaseWorkspace.open(dir)));
  const tables = csvTables(results);
  if (tables.length === 0) throw noTables(dir);
  return tables.map((table) => {
    const path = join(folder, table.name);
    writeFileAtomic(path, table.parts);
    return { path, sha256: caseFileSha256(folder, table.name)! };
  });
}

function noTables(dir: string): UserError {
  return new UserError(`${dir}: no analysis table to export yet; run soz analyze ${dir}`, 'export.no-tables', undefined, { key: 'error.export.no-tables', params: { dir } });
}
