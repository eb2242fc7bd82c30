import type { AskLine } from './review-session.js';

/** What the CLI may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock for log entries; the only time soz records. */
  readonly now: () => Date;
  /** True when stderr is a terminal someone watches (progress is shown only then). */
  readonly stderrIsTerminal?: boolean;
  /**
   * Answers to the interactive review's prompts instead of the process terminal (tests script
   * them); a `{ end }` answer is Ctrl-D or Ctrl-C.
   */
  readonly ask?: AskLine;
}

/**
 * The real process's io. When the reader of stdout goes away (`soz … | head`), further output is
 * dropped and the command still finishes its work and its log entry: a closed pipe must not
 * interrupt a write to the case halfway.
 */
export function processIo(): CliIo {
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    stderrIsTerminal: process.stderr.isTTY,
  };
}

/**
 * Makes evidence-derived text safe for a terminal: control characters and bidi overrides are
 * shown as `\u{…}` so a file name cannot move the cursor, reverse what the examiner reads or
 * start a new line that looks like soz's own output.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}
