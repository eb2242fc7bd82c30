import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { CaseWorkspace } from '../../case/workspace.js';
import { startDesk } from '../../desk/server.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { languageOption } from './sop.js';

/** The flags of `soz desk`. */
interface DeskFlags {
  port: string;
  open: boolean;
  language?: string;
  actor?: string;
}

/**
 * `soz desk CASE`: the examiner's desk in the browser, served on 127.0.0.1 until Ctrl-C. Prints
 * the address with its one-time token; opens the system's browser unless `--no-open`.
 */
export const registerDeskCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('desk')
    .argument('<dir>', 'case folder')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free port the system picks)', '0')
    .option('--no-open', 'print the address only; do not open a browser')
    .option('--language <ru|ky|en>', 'language of the desk (default: the case language)')
    .option('--actor <name>', 'who reviews (default: the examiner)')
    .description('review the case in the browser: candidates, documents, concordance, procedure (local, token-protected)')
    .action(async (dir: string, flags: DeskFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${flags.port}: give a port number 0–65535 (0: any free port)`, 'usage.port', undefined, { key: 'error.port', params: { value: flags.port } });
      const workspace = CaseWorkspace.open(dir);
      const desk = await startDesk({ caseDir: dir, port, language: languageOption(flags.language, workspace), clock: context.io.now, actor: flags.actor ?? '' });
      context.tell('desk.url', { url: desk.url });
      context.tell('desk.open');
      if (flags.open) openBrowser(desk.url);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await desk.close();
      context.tell('desk.stopped');
    });
};

/** Asks the system to open the address; a missing opener is no error (the address is printed). */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // The printed address is the way in; opening is a convenience.
  }
}

