import type { Command } from 'commander';
import { writeFileAtomic } from '../../case/atomic.js';
import { exportCase } from '../../pipeline/export.js';
import { exportTables } from '../../pipeline/export-tables.js';
import { UserError } from '../../core/errors.js';
import type { CliContext, RegisterCommands } from '../context.js';

/** `soz export CASE --format case-uco [-o FILE]`: provenance as CASE/UCO JSON-LD. */
export const registerExportCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('export')
    .argument('<dir>', 'case folder')
    .requiredOption('--format <name>', 'export format: case-uco (CASE/UCO JSON-LD), or xlsx (every analysis table, a sheet each; with -o)')
    .option('-o, --out <file>', 'file to write (default: standard output)')
    .description('export the chain of custody and every investigative action')
    .action(async (dir: string, options: { format: string; out?: string }) => {
      if (options.format === 'xlsx') return exportWorkbook(dir, options.out, context);
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
