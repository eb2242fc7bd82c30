import { UserError } from '../core/errors.js';
import type { IntakeStatement } from '../pipeline/intake.js';

/** The `soz add` flags by which the examiner states something about the files added. */
export interface UnreadableFlags {
  readonly keepUnreadable?: boolean;
  readonly reason?: string;
}

/** The intake statement of `soz add`'s flags; a damaged file is kept only with a stated reason. */
export function intakeStatementFrom(flags: UnreadableFlags): IntakeStatement {
  const reason = flags.reason?.trim();
  if (flags.keepUnreadable === true && (reason === undefined || reason === '')) {
    throw new UserError('soz add: --keep-unreadable needs --reason "…" saying why the damaged file is taken in; the reason is logged and reported', 'input.no-reason');
  }
  if (flags.keepUnreadable !== true && reason !== undefined) {
    throw new UserError('soz add: --reason is only used with --keep-unreadable', 'input.reason-without-keep');
  }
  return flags.keepUnreadable === true && reason !== undefined ? { keepUnreadableReason: reason } : {};
}
