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
    throw new UserError(`no passphrase: set ${PASSPHRASE_ENV} in the environment, or run the command at a terminal to type it`, 'keys.no-passphrase', undefined, { key: 'error.no-passphrase', params: { variable: PASSPHRASE_ENV } });
  }
  const first = await promptHidden(context, prompt);
  if (confirm && (await promptHidden(context, context.translator.t('keys.repeat'))) !== first) {
    throw new UserError('the two passphrases differ; run the command again', 'keys.passphrase-mismatch', undefined, { key: 'error.passphrase-mismatch', params: {} });
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
        if (ch === '\u0003') return done(new UserError('cancelled', 'keys.cancelled', undefined, { key: 'error.cancelled', params: {} }));
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
      const passphrase = await readPassphrase(context, context.translator.t('keys.passphrase'), true);
      const outcome = createKeyPair(options.out, options.name, passphrase);
      context.tell('keys.private', { path: outcome.privateKeyPath });
      context.tell('keys.public', { path: outcome.publicKeyPath });
      context.tell('seal.fingerprint', { fingerprint: outcome.fingerprint });
    });
};
