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
    .option('--json', 'print the seal as JSON (keys and codes in English) instead of lines')
    .description('seal the final report(s) and manifest with an Ed25519 signature, and log it')
    .action(async (dir: string, options: { key: string; signer?: string; actor?: string; json?: boolean }) => {
      const passphrase = await readPassphrase(context, context.translator.t('seal.passphrase', { key: options.key }), false);
      const { key, name } = loadPrivateKey(options.key, passphrase);
      const outcome = await context.writeCase(dir, 'seal', (workspace) => sealCase(workspace, key, { clock: context.io.now, actor: context.actorFor(options, workspace), signer: options.signer ?? name }));
      const logHead = formatLogHead({ entries: outcome.payload.logHead.seq, hash: outcome.payload.logHead.hash });
      if (options.json) {
        context.json({ path: outcome.path, fingerprint: outcome.fingerprint, reports: outcome.payload.reports, manifest: outcome.payload.manifest, logHead, recordHead: outcome.payload.recordHead ?? null });
        return;
      }
      context.tell('seal.path', { path: outcome.path });
      context.tell('seal.fingerprint', { fingerprint: outcome.fingerprint });
      for (const report of outcome.payload.reports) context.tell('seal.report', { path: report.path, digest: report.digest });
      context.tell('seal.manifest', { path: outcome.payload.manifest.path, sha256: outcome.payload.manifest.sha256 });
      context.tell('seal.log-head', { head: logHead });
      if (outcome.payload.recordHead !== undefined) context.tell('seal.record-head', { head: outcome.payload.recordHead });
    });
};
