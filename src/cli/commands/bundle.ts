import type { Command } from 'commander';
import { createBundle } from '../../pipeline/bundle.js';
import type { CliContext, RegisterCommands } from '../context.js';

/** `soz bundle CASE -o FILE.zip`: one deterministic file for the defence or the court. */
export const registerBundleCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('bundle')
    .argument('<dir>', 'case folder')
    .requiredOption('-o, --out <file>', 'bundle file to write (.zip)')
    .description('pack the case (evidence copies, log, derived data, reports, seals) with a README into one ZIP')
    .action(async (dir: string, options: { out: string }) => {
      const outcome = await createBundle(dir, options.out);
      context.tell('bundle.path', { path: outcome.path, entries: outcome.entries, bytes: outcome.bytes });
      context.tell('bundle.sha256', { sha256: outcome.sha256 });
      context.tell('bundle.check', { path: outcome.path });
    });
};
