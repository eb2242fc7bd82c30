import type { Command } from 'commander';
import { setDateOrder } from '../../pipeline/intake.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { dateOrderFrom } from '../intake-flags.js';

/** `soz evidence date-order`: what the examiner states about an item already in custody. */
export const registerEvidenceCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const evidence = program.command('evidence').description('statements about evidence items already in custody');
  evidence
    .command('date-order')
    .argument('<dir>', 'case folder')
    .argument('<item>', 'the WhatsApp export: its file name or at least 8 leading hex digits of its SHA-256')
    .argument('<order>', 'dmy (day first) or mdy (month first)')
    .option('--actor <name>', 'who decides (default: the examiner)')
    .option('--json', 'print the outcome as JSON (keys and codes in English) instead of lines')
    .description('set the day/month order of a WhatsApp export whose dates the file cannot settle (logged; used by the next soz analyze and reported)')
    .action(async (dir: string, item: string, order: string, options: { actor?: string; json?: boolean }) => {
      const dateOrder = dateOrderFrom(order);
      const record = await context.writeCase(dir, 'evidence', (workspace) => setDateOrder(workspace, item, dateOrder, { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      if (options.json) context.json({ sha256: record.sha256, originalName: record.originalName, dateOrder });
      else context.tell('evidence.date-order', { name: record.originalName, order: dateOrder, dir });
    });
};
