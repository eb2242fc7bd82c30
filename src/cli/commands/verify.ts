import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { ExitCode, UserError } from '../../core/errors.js';
import { parseLogHead } from '../../core/log-head.js';
import { parsePublicKey } from '../../seal/seal.js';
import { verifyTarget } from '../../pipeline/verify.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { referenceFiles } from '../options.js';

/**
 * `soz verify CASE|BUNDLE [--public-key PUB.pem…] [--expect-head N:HASH]`: exit 0 when everything
 * matches, 1 on a difference (tampering or damage), 4 when the only finding is a stale report.
 */
export const registerVerifyCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('verify')
    .argument('<case>', 'case folder or bundle (.zip) made by "soz bundle"')
    .option('--public-key <file...>', "examiner's public key(s) (.pub.pem); every seal must be made with one of them")
    .option('--reference <dir>', 'the reference corpus the analysis used (--reference of analyze); it lies outside the case')
    .option('--expect-head <N:HASH>', 'log head recorded earlier (printed by verify, written in reports and seals); the log must still contain it')
    .description('re-hash the evidence, check the log chain, reproduce every artefact and check seals; exit 1 on any difference, 4 when a report is stale')
    .action(async (target: string, options: { publicKey?: string[]; expectHead?: string; reference?: string }) => {
      const publicKeys = (options.publicKey ?? []).map((source) => {
        if (!existsSync(source)) throw new UserError(`${source}: no such public key file; check the path`, 'input.not-found');
        return { key: parsePublicKey(readFileSync(source, 'utf8'), source), source };
      });
      const expectHead = options.expectHead === undefined ? undefined : parseLogHead(options.expectHead);
      if (options.expectHead !== undefined && expectHead === undefined) {
        throw new UserError(`--expect-head ${options.expectHead}: give N:HASH as "soz verify" prints it after "log head:" (entry count, colon, 64 hex digits)`, 'usage.expect-head');
      }
      const result = await verifyTarget(target, { publicKeys, ...(expectHead ? { expectHead } : {}), ...(options.reference !== undefined ? { referenceFiles: referenceFiles(options.reference) } : {}) });
      for (const line of result.lines) context.say(line);
      if (result.differences.length > 0) {
        throw new UserError(`verify: ${target} does not match — ${result.differences.length} difference(s), the first is shown above`, 'verify.mismatch', ExitCode.mismatch);
      }
      if (result.stale.length > 0) {
        throw new UserError(
          `verify: ${target} is stale, not tampered: the examiner's records changed after the last report (entry ${result.staleSince}); re-render with soz report ${statSync(target).isFile() ? 'CASE (the case folder the bundle was made from)' : target}`,
          'verify.stale',
          ExitCode.stale,
        );
      }
    });
};
