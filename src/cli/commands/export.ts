import type { Command } from 'commander';
import { writeFileAtomic } from '../../case/atomic.js';
import { exportCase } from '../../pipeline/export.js';
import { exportCsvTablesIntoCase, exportCsvTablesTo, exportTables } from '../../pipeline/export-tables.js';
import { UserError } from '../../core/errors.js';
import type { CliContext, RegisterCommands } from '../context.js';

/** `soz export CASE --format case-uco|xlsx|csv [-o FILE|DIR]`: provenance as CASE/UCO JSON-LD, or the analysis tables. */
export const registerExportCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('export')
    .argument('<dir>', 'case folder')
    .requiredOption('--format <name>', 'export format: case-uco (CASE/UCO JSON-LD), xlsx (every analysis table, a sheet each; with -o), or csv (every analysis table into reports/tables/, logged; -o DIR: into a folder outside the case)')
    .option('-o, --out <file>', 'file to write (default: standard output)')
    .option('--actor <name>', 'who exports (csv into the case)')
    .description('export the chain of custody and every investigative action')
    .action(async (dir: string, options: { format: string; out?: string; actor?: string }) => {
      if (options.format === 'xlsx') return exportWorkbook(dir, options.out, context);
      if (options.format === 'csv') return exportCsv(dir, options, context);
      const { text, document } = await exportCase(dir, options.format);
      if (options.out === undefined) {
        context.io.stdout(text);
        return;
      }
      writeFileAtomic(options.out, text);
      context.tell('export.written', { path: options.out, nodes: document['@graph'].length });
    });
};

/** `--format xlsx -o FILE`: the analysis tables as one workbook (binary, so never to the terminal). */
async function exportWorkbook(dir: string, out: string | undefined, context: CliContext): Promise<void> {
  if (out === undefined) throw new UserError('--format xlsx writes a file: give -o FILE.xlsx', 'usage.export-out', undefined, { key: 'error.export-out', params: {} });
  const workbook = await exportTables(dir);
  writeFileAtomic(out, workbook.bytes);
  context.tell('export.workbook', { path: out, count: workbook.sheets.length, sheets: workbook.sheets.join(', ') });
  if (workbook.cutCells > 0) context.tell('export.cut-cells', { count: workbook.cutCells });
}

/** `--format csv`: the tables into `reports/tables/` with a log entry, or with `-o DIR` into a folder outside the case (nothing logged). */
async function exportCsv(dir: string, options: { out?: string; actor?: string }, context: CliContext): Promise<void> {
  const files = options.out === undefined
    ? await context.writeCase(dir, 'export', (workspace) => exportCsvTablesIntoCase(workspace, { clock: context.io.now, actor: context.actorFor(options, workspace) }))
    : await exportCsvTablesTo(dir, options.out);
  for (const file of files) context.tell('export.table', { path: file.path, sha256: file.sha256 });
}
