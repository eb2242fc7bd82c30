import type { Command } from 'commander';
import { CaseWorkspace, DEFAULT_LOCK_WAIT_MS } from '../case/workspace.js';
import { defaultActor } from '../core/case.js';
import { UserError } from '../core/errors.js';
import { canonicalJson } from '../core/canonical-json.js';
import type { MessageParams } from '../core/messages.js';
import type { CliIo } from './io.js';
import { terminalSafe } from './io.js';
import type { Translator } from './i18n.js';
import { translatorFor } from './i18n.js';
import { readCliCatalogue } from '../pipeline/cli-catalogue.js';

/** What every command module gets: the io, a printer and the actor rule. */
export interface CliContext {
  readonly io: CliIo;
  /** Prints one line to stdout, made terminal-safe. */
  readonly say: (line: string) => void;
  /** The CLI's texts in the examiner's language (`--lang`, `SOZ_LANG`, the locale). */
  readonly translator: Translator;
  /** Prints the catalogue message `key` in the examiner's language: `say(t(key, params))`. */
  readonly tell: (key: string, params?: MessageParams) => void;
  /** Prints a command's `--json` result: canonical JSON (sorted keys), never localised. */
  readonly json: (value: unknown) => void;
  /** Who performs an action: `--actor`, else the case's examiner, else `soz`. */
  readonly actorFor: (options: { actor?: string }, workspace?: CaseWorkspace) => string;
  /**
   * Runs `write` on a case opened for writing: holds the case lock (named after `command`) until
   * it returns, and first prints on stderr what recovery did. Readers use `CaseWorkspace.open`.
   */
  readonly writeCase: <T>(dir: string, command: string, write: (workspace: CaseWorkspace) => T | Promise<T>) => Promise<T>;
}

/** A command module adds its commands to the program. */
export type RegisterCommands = (program: Command, context: CliContext) => void;

/** The context of one CLI run; English unless a translator is given. */
export function createContext(io: CliIo, translator: Translator = translatorFor(readCliCatalogue('en'))): CliContext {
  const say = (line: string) => io.stdout(`${terminalSafe(line)}\n`);
  return {
    io,
    say,
    translator,
    tell: (key, params) => say(translator.t(key, params)),
    json: (value) => io.stdout(canonicalJson(value, true)),
    actorFor: (options, workspace) => options.actor ?? defaultActor(workspace?.metadata),
    writeCase: async (dir, command, write) => {
      const { workspace, notices } = CaseWorkspace.openForWriting(dir, { command, now: io.now, waitMs: lockWaitMs(io) });
      try {
        for (const notice of notices) io.stderr(`${translator.t('cli.recovery', { notice: terminalSafe(notice) })}\n`);
        return await write(workspace);
      } finally {
        workspace.close();
      }
    },
  };
}

/** `SOZ_LOCK_WAIT_SECONDS`: how long a writer waits for another command's case lock. */
function lockWaitMs(io: CliIo): number {
  const raw = io.env['SOZ_LOCK_WAIT_SECONDS'];
  if (raw === undefined || raw === '') return DEFAULT_LOCK_WAIT_MS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UserError(`SOZ_LOCK_WAIT_SECONDS=${raw}: give a number of seconds (0 or more)`, 'usage.lock-wait', undefined, { key: 'error.lock-wait', params: { value: raw } });
  return seconds * 1000;
}
