import type { Notice } from '../core/document.js';
import { sanitiseMetadata } from './docs/common.js';

/**
 * The notice contract for what an adapter does not extract: nothing is dropped in silence.
 * An adapter notes each part, key or element it leaves unread; `notices` turns the tally into
 * one notice per kind (code `<adapter>.not-read`), carrying kind, count and first place both in
 * words and as the structured `Notice.unread`. Kinds appear in the order first seen, which a
 * deterministic parse makes stable.
 */
export class UnreadTally {
  private readonly kinds = new Map<string, { count: number; first: string }>();

  /** Counts one unread item of `kind` (say it in the plural-neutral form, e.g. `embedded OLE object(s)`). */
  note(kind: string, place: string): void {
    const seen = this.kinds.get(kind);
    // Places quote the evidence (part names, field keywords): made safe to print, like metadata.
    if (seen) seen.count++;
    else this.kinds.set(kind, { count: 1, first: sanitiseMetadata(place) ?? '?' });
  }

  /** How many items of `kind` were noted. */
  count(kind: string): number {
    return this.kinds.get(kind)?.count ?? 0;
  }

  /** One warning per kind noted, for `fileName`, with code `${adapterId}.not-read`. */
  notices(fileName: string, adapterId: string): Notice[] {
    return [...this.kinds].map(([kind, { count, first }]) => ({
      code: `${adapterId}.not-read`,
      severity: 'warning',
      message: `${fileName}: ${count} ${kind} not extracted (first: ${first}); check them by hand`,
      unread: { kind, count, first },
    }));
  }
}
