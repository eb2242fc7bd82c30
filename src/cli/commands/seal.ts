import type { Command } from 'commander';
import { formatLogHead } from '../../core/log-head.js';
import { loadPrivateKey, sealCase } from '../../pipeline/seal.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { readPassphrase } from './keys.js';

/** `soz seal CASE --key PRIVATE.pem`: signs the final report(s), manifest and log head. */
export const registerSealCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('seal')
    .argument('<dir>', 'case folder')
    .requiredOption('--key <file>', 'private key (.key.pem) made by "soz keys new"')
    .option('--signer <name>', 'name recorded in the seal (default: the name kept with the key, else the examiner)')
    .option('--actor <name>', 'who seals')
    .description('seal the final report(s) and manifest with an Ed25519 signature, and log it')
    .action(async (dir: string, options: { key: string; signer?: string; actor?: string }) => {
      const passphrase = await readPassphrase(context, `passphrase for ${options.key}: `, false);
      const { key, name } = loadPrivateKey(options.key, passphrase);
      const outcome = await context.writeCase(dir, 'seal', (workspace) => sealCase(workspace, key, { clock: context.io.now, actor: context.actorFor(options, workspace), signer: options.signer ?? name ?? workspace.metadata.examiner }));
      context.say(`seal: ${outcome.path}`);
      context.say(`fingerprint: ${outcome.fingerprint}`);
      for (const report of outcome.payload.reports) context.say(`sealed ${report.path}: report digest ${report.digest}`);
      context.say(`sealed ${outcome.payload.manifest.path}: ${outcome.payload.manifest.sha256}`);
      context.say(`sealed log head: ${formatLogHead({ entries: outcome.payload.logHead.seq, hash: outcome.payload.logHead.hash })} (check later with soz verify --expect-head)`);
      if (outcome.payload.recordHead !== undefined) context.say(`sealed record head: ${outcome.payload.recordHead} (the same without times, as the reports print it)`);
    });
};
