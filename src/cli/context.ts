import type { Command } from 'commander';
import { CaseWorkspace, DEFAULT_LOCK_WAIT_MS } from '../case/workspace.js';
import { UserError } from '../core/errors.js';
import type { CliIo } from './io.js';
import { terminalSafe } from './io.js';

/** What every command module gets: the io, a printer and the actor rule. */
export interface CliContext {
  readonly io: CliIo;
  /** Prints one line to stdout, made terminal-safe. */
  readonly say: (line: string) => void;
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

export function createContext(io: CliIo): CliContext {
  return {
    io,
    say: (line) => io.stdout(`${terminalSafe(line)}\n`),
    actorFor: (options, workspace) => options.actor ?? workspace?.metadata.examiner ?? 'soz',
    writeCase: async (dir, command, write) => {
      const { workspace, notices } = CaseWorkspace.openForWriting(dir, { command, now: io.now, waitMs: lockWaitMs(io) });
      try {
        for (const notice of notices) io.stderr(`soz: recovery: ${terminalSafe(notice)}\n`);
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
  if (!Number.isFinite(seconds) || seconds < 0) throw new UserError(`SOZ_LOCK_WAIT_SECONDS=${raw}: give a number of seconds (0 or more)`, 'usage.lock-wait');
  return seconds * 1000;
}
