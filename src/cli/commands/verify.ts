import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ExitCode, UserError } from '../../core/errors.js';
import { parseLogHead } from '../../core/log-head.js';
import { parsePublicKey } from '../../seal/seal.js';
import type { VerifyLine } from '../../pipeline/verify.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { MAX_HEAP_OPTION, referenceFiles, WORKERS_OPTION } from '../options.js';
import { verifyTargetKind } from '../../case/bundle-folder.js';

/** A line of `soz verify` in the examiner's language; a difference with its own message is translated inside its frame. */
function verifyLineText(line: VerifyLine, context: CliContext): string {
  if (line.message === undefined) return line.text;
  const { message } = context.translator;
  const params = line.detail === undefined ? line.message.params : { ...line.message.params, difference: message(line.detail, String(line.message.params['difference'])) };
  return message({ key: line.message.key, params }, line.text);
}
import { progressDisplay } from '../progress.js';

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
    .option('--json', 'print the result as JSON (keys and codes in English) instead of lines; the exit code is the same')
    .option('--quiet', 'no progress on the terminal')
    .option(...WORKERS_OPTION)
    .option(...MAX_HEAP_OPTION)
    .description('re-hash the evidence, check the log chain, reproduce every artefact and check seals; exit 1 on any difference, 4 when a report is stale')
    .action(async (target: string, options: { publicKey?: string[]; expectHead?: string; reference?: string; json?: boolean; quiet?: boolean; workers?: number; maxHeapMb?: number }) => {
      const publicKeys = (options.publicKey ?? []).map((source) => {
        if (!existsSync(source)) throw new UserError(`${source}: no such public key file; check the path`, 'input.not-found', undefined, { key: 'error.no-public-key', params: { path: source } });
        return { key: parsePublicKey(readFileSync(source, 'utf8'), source), source };
      });
      const expectHead = options.expectHead === undefined ? undefined : parseLogHead(options.expectHead);
      if (options.expectHead !== undefined && expectHead === undefined) {
        throw new UserError(`--expect-head ${options.expectHead}: give N:HASH as "soz verify" prints it after "log head:" (entry count, colon, 64 hex digits)`, 'usage.expect-head', undefined, { key: 'error.expect-head', params: { value: options.expectHead } });
      }
      const progress = progressDisplay(context.io, 'verify', options.quiet === true, context.translator.t);
      // Loaded when verify runs: its help needs none of the pipeline (re-run, reports, seals).
      const { verifyTarget } = await import('../../pipeline/verify.js');
      const result = await verifyTarget(target, {
        publicKeys,
        ...(expectHead ? { expectHead } : {}),
        ...(options.reference !== undefined ? { referenceFiles: referenceFiles(options.reference) } : {}),
        ...(progress.listener ? { onProgress: progress.listener } : {}),
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        ...(options.maxHeapMb !== undefined ? { workerLimits: { heapMb: options.maxHeapMb } } : {}),
      }).finally(progress.end);
      const outcome = result.differences.length > 0 ? 'mismatch' : result.stale.length > 0 ? 'stale' : 'match';
      if (options.json) context.json({ target, outcome, checks: result.checks, differences: result.differences, stale: result.stale, staleSince: result.staleSince ?? null, lines: result.lines.map((line) => line.text) });
      else for (const line of result.lines) context.say(verifyLineText(line, context));
      if (outcome === 'mismatch') {
        throw new UserError(`verify: ${target} does not match — ${result.differences.length} difference(s), the first is shown above`, 'verify.mismatch', ExitCode.mismatch, { key: 'error.verify-mismatch', params: { target, count: result.differences.length } });
      }
      if (outcome === 'stale') {
        const rerender = verifyTargetKind(target) === 'file' ? context.translator.t('verify.bundle-case') : target;
        throw new UserError(
          `verify: ${target} is stale, not tampered: the examiner's records changed after the last report (entry ${result.staleSince}); re-render with soz report ${rerender}`,
          'verify.stale',
          ExitCode.stale,
          { key: 'error.verify-stale', params: { target, entry: result.staleSince ?? '?', rerender } },
        );
      }
    });
};
