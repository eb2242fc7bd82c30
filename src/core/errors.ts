import type { MessageRef, MessageValue } from './messages.js';

/** Exit codes of the CLI; documented in the README. */
export const ExitCode = {
  ok: 0,
  /** `soz verify` found a difference, or a check the user asked for did not pass. */
  mismatch: 1,
  /** Bad input or bad usage: the message says what to do. The case is unchanged. */
  userError: 2,
  /** A bug in soz: the message asks for a report. */
  internalError: 3,
  /** `soz verify`: everything matches, but the examiner's records changed after the last report; re-render. */
  stale: 4,
  /** Ended by Ctrl-C (128 + SIGINT), after keeping what was already written. */
  interrupted: 130,
} as const;

/**
 * An error the user can fix: bad input, a missing file, a limit reached. The message names the
 * file and what to do; it is printed on one line without a stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    /** Stable code, e.g. `input.not-found`, `pdf.corrupt`, `limit.file-size`. */
    readonly code: string,
    readonly exitCode: number = ExitCode.userError,
    /** The message as a catalogue key and values, printed in the examiner's language; `message` is its English fallback. */
    readonly localised?: MessageRef,
  ) {
    super(message);
  }
}

/** A broken invariant inside soz; printed with a request to report it. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/**
 * What went wrong, as a value for a message's placeholder: a `UserError`'s catalogue message (its
 * English text as the fallback), said in the examiner's language; else the error's own text.
 */
export function problemOf(error: unknown): MessageValue {
  return error instanceof UserError && error.localised ? { ...error.localised, fallback: error.message } : messageOf(error);
}

/** Narrows unknown thrown values to a message without assuming they are Errors. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
