import type { Notice } from '../core/document.js';

/** Keys named in the notice; a crafted file can invent any number, the rest are counted. */
const MAX_KEYS_NAMED = 20;

/**
 * Keys of chat message objects that an adapter neither reads nor ignores on purpose: their values
 * may hold text, so nothing is dropped in silence. Counts, per key, the messages that have it and
 * the first of them; `notice` reports them all in one warning, keys in order of first appearance.
 */
export class UnreadKeyTally {
  private readonly keys = new Map<string, { count: number; firstId: string }>();

  /** Counts `key` once for the message `messageId`. */
  add(key: string, messageId: string): void {
    const seen = this.keys.get(key);
    if (seen === undefined) this.keys.set(key, { count: 1, firstId: messageId });
    else seen.count++;
  }

  /** One warning with code `code` (e.g. `telegram.unread-key`), or undefined when no key was counted. */
  notice(code: string): Notice | undefined {
    if (this.keys.size === 0) return undefined;
    const listed = [...this.keys].slice(0, MAX_KEYS_NAMED).map(([key, { count, firstId }]) => `${JSON.stringify(key)} in ${count} message(s), first in message ${firstId}`);
    if (this.keys.size > MAX_KEYS_NAMED) listed.push(`and ${this.keys.size - MAX_KEYS_NAMED} more key(s)`);
    const first = this.keys.values().next().value as { firstId: string };
    return { code, severity: 'warning', message: `message keys soz does not read were left out (their values are in the evidence file): ${listed.join('; ')}`, anchor: { messageId: first.firstId } };
  }
}
