import type { Command } from 'commander';
import { writeFileAtomic } from '../../case/atomic.js';
import { exportCase } from '../../pipeline/export.js';
import type { CliContext, RegisterCommands } from '../context.js';

/** `soz export CASE --format case-uco [-o FILE]`: provenance as CASE/UCO JSON-LD. */
export const registerExportCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('export')
    .argument('<dir>', 'case folder')
    .requiredOption('--format <name>', 'export format: case-uco (CASE/UCO JSON-LD)')
    .option('-o, --out <file>', 'file to write (default: standard output)')
    .description('export the chain of custody and every investigative action')
    .action(async (dir: string, options: { format: string; out?: string }) => {
      const { text, document } = await exportCase(dir, options.format);
      if (options.out === undefined) {
        context.io.stdout(text);
        return;
      }
      writeFileAtomic(options.out, text);
      context.tell('export.written', { path: options.out, nodes: document['@graph'].length });
    });
};
