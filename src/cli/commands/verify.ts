import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ExitCode, UserError } from '../../core/errors.js';
import { parsePublicKey } from '../../seal/seal.js';
import { verifyTarget } from '../../pipeline/verify.js';
import type { CliContext, RegisterCommands } from '../context.js';

/** `soz verify CASE|BUNDLE [--public-key PUB.pem…]`: exit 0 only when everything matches. */
export const registerVerifyCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('verify')
    .argument('<case>', 'case folder or bundle (.zip) made by "soz bundle"')
    .option('--public-key <file...>', "examiner's public key(s) (.pub.pem); every seal must be made with one of them")
    .description('re-hash the evidence, check the log chain, reproduce every artefact and check seals; exit 1 on any difference')
    .action(async (target: string, options: { publicKey?: string[] }) => {
      const publicKeys = (options.publicKey ?? []).map((source) => {
        if (!existsSync(source)) throw new UserError(`${source}: no such public key file; check the path`, 'input.not-found');
        return { key: parsePublicKey(readFileSync(source, 'utf8'), source), source };
      });
      const result = await verifyTarget(target, { publicKeys });
      for (const line of result.lines) context.say(line);
      if (result.differences.length > 0) {
        throw new UserError(`verify: ${target} does not match — ${result.differences.length} difference(s), the first is shown above`, 'verify.mismatch', ExitCode.mismatch);
      }
    });
};
