import type { EvidenceDateOrder } from '../core/case.js';
import { UserError } from '../core/errors.js';
import type { IntakeStatement } from '../pipeline/intake.js';

/** The `soz add` flags by which the examiner states something about the files added. */
export interface IntakeFlags {
  readonly keepUnreadable?: boolean;
  readonly reason?: string;
  readonly transcribes?: string;
  readonly transcriber?: string;
  readonly dateOrder?: string;
}

/** The `--date-order` values: the order the numeric date fields are written in. */
const DATE_ORDERS: Readonly<Record<string, EvidenceDateOrder>> = { dmy: 'day-first', mdy: 'month-first' };

/** `--date-order dmy|mdy` as the order it names; anything else is a usage error. */
export function dateOrderFrom(value: string): EvidenceDateOrder {
  const order = DATE_ORDERS[value.trim().toLowerCase()];
  if (order === undefined) throw new UserError(`--date-order ${value}: give dmy (day first, 24/09/20) or mdy (month first, 09/24/20)`, 'usage.date-order', undefined, { key: 'error.date-order', params: { value } });
  return order;
}

/**
 * The intake statement of `soz add`'s flags: a damaged file is kept only with a stated reason,
 * and a transcript is linked to its media only with the name of who made it.
 */
export function intakeStatementFrom(flags: IntakeFlags): IntakeStatement {
  const transcriber = flags.transcriber?.trim();
  if ((flags.transcribes === undefined) !== (transcriber === undefined || transcriber === '')) {
    throw new UserError('soz add: --transcribes MEDIA and --transcriber "name" go together: which audio or video the transcript covers, and who made it', 'input.transcript-link', undefined, { key: 'error.transcript-link', params: {} });
  }
  const transcribes = flags.transcribes !== undefined && transcriber !== undefined ? { transcribes: { media: flags.transcribes, transcriber } } : {};
  const reason = flags.reason?.trim();
  if (flags.keepUnreadable === true && (reason === undefined || reason === '')) {
    throw new UserError('soz add: --keep-unreadable needs --reason "…" saying why the damaged file is taken in; the reason is logged and reported', 'input.no-reason', undefined, { key: 'error.keep-needs-reason', params: {} });
  }
  if (flags.keepUnreadable !== true && reason !== undefined) {
    throw new UserError('soz add: --reason is only used with --keep-unreadable', 'input.reason-without-keep', undefined, { key: 'error.reason-without-keep', params: {} });
  }
  return { ...transcribes, ...(flags.keepUnreadable === true && reason !== undefined ? { keepUnreadableReason: reason } : {}), ...(flags.dateOrder !== undefined ? { dateOrder: dateOrderFrom(flags.dateOrder) } : {}) };
}
