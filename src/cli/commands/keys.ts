import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { createKeyPair } from '../../pipeline/seal.js';
import type { CliContext, RegisterCommands } from '../context.js';

/** Environment variable that gives the key passphrase to scripts (never a command-line argument). */
export const PASSPHRASE_ENV = 'SOZ_KEY_PASSPHRASE';

/**
 * The passphrase: from `SOZ_KEY_PASSPHRASE`, else typed at a terminal without echo (twice when
 * `confirm`). Without either → `UserError` saying how to give it.
 */
export async function readPassphrase(context: CliContext, prompt: string, confirm: boolean): Promise<string> {
  const fromEnv = context.io.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UserError(`no passphrase: set ${PASSPHRASE_ENV} in the environment, or run the command at a terminal to type it`, 'keys.no-passphrase');
  }
  const first = await promptHidden(context, prompt);
  if (confirm && (await promptHidden(context, 'repeat the passphrase: ')) !== first) {
    throw new UserError('the two passphrases differ; run the command again', 'keys.passphrase-mismatch');
  }
  return first;
}

/** Reads one line from the terminal with echo off (raw mode); Ctrl-C aborts. */
function promptHidden(context: CliContext, prompt: string): Promise<string> {
  const stdin = process.stdin;
  context.io.stderr(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      context.io.stderr('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UserError('cancelled', 'keys.cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** `soz keys new --out DIR --name "…"`: an examiner's Ed25519 key pair. */
export const registerKeysCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const keys = program.command('keys').description("examiner's signing keys (Ed25519)");
  keys
    .command('new')
    .requiredOption('--out <dir>', 'folder for the key files')
    .requiredOption('--name <text>', "examiner's name, recorded beside the key")
    .description(`create a key pair; the passphrase comes from ${PASSPHRASE_ENV} or is typed without echo`)
    .action(async (options: { out: string; name: string }) => {
      const passphrase = await readPassphrase(context, 'passphrase for the new private key: ', true);
      const outcome = createKeyPair(options.out, options.name, passphrase);
      context.say(`private key: ${outcome.privateKeyPath} (encrypted, mode 0600 — keep it secret)`);
      context.say(`public key:  ${outcome.publicKeyPath} (give this to whoever checks your seals)`);
      context.say(`fingerprint: ${outcome.fingerprint}`);
    });
};
