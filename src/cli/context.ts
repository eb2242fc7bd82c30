import type { Command } from 'commander';
import type { CaseWorkspace } from '../case/workspace.js';
import type { CliIo } from './io.js';
import { terminalSafe } from './io.js';

/** What every command module gets: the io, a printer and the actor rule. */
export interface CliContext {
  readonly io: CliIo;
  /** Prints one line to stdout, made terminal-safe. */
  readonly say: (line: string) => void;
  /** Who performs an action: `--actor`, else the case's examiner, else `soz`. */
  readonly actorFor: (options: { actor?: string }, workspace?: CaseWorkspace) => string;
}

/** A command module adds its commands to the program. */
export type RegisterCommands = (program: Command, context: CliContext) => void;

export function createContext(io: CliIo): CliContext {
  return {
    io,
    say: (line) => io.stdout(`${terminalSafe(line)}\n`),
    actorFor: (options, workspace) => options.actor ?? workspace?.metadata.examiner ?? 'soz',
  };
}
