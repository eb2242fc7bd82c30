/**
 * The desk's own refusals: a stable code the server turns into a line of the desk's labels in its
 * language (`errorUnknownDocument` …), with the values the label names. The English message is
 * the fallback, as for every UserError.
 */
import { UserError } from '../core/errors.js';

/** A refusal of the desk's views and actions, said from `templates/<lang>/desk.yaml`. */
export class DeskError extends UserError {
  constructor(
    message: string,
    code: `desk.${string}`,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message, code);
  }
}
