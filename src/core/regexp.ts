/** A literal string as a regular-expression source that matches exactly it (every syntax character escaped). */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
