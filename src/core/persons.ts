/**
 * Persons of interest and their relation to each item or message: who wrote it, who forwarded it,
 * who only reacted to it, who received it as a member of the chat and who only held the file.
 * Courts have convicted people for a "like" and for merely storing material; the conclusion must
 * keep these apart. Pure types and the one matching rule; stored as canonical JSON under
 * `examiner/` (`persons.json`, `relations.json`).
 */

/**
 * How a person relates to an item or message:
 * - `author`: wrote it (the sender of a message, or the original author of a forwarded one);
 * - `forwarder`: passed on another's message (the words are not theirs);
 * - `reacted`: put a reaction (like, emoji) on a message someone else wrote;
 * - `recipient`: member of the chat the message was posted in;
 * - `holder`: held the file; the data does not say who wrote it.
 */
export const PERSON_RELATIONS = ['author', 'forwarder', 'reacted', 'recipient', 'holder'] as const;
export type PersonRelationKind = (typeof PERSON_RELATIONS)[number];

/** What the examiner may set by hand: a relation, or `none` (no relation, e.g. a file not seized from them). */
export const SETTABLE_RELATIONS = [...PERSON_RELATIONS, 'none'] as const;
export type SettableRelation = (typeof SETTABLE_RELATIONS)[number];

/** A person of interest as the examiner recorded them (`examiner/persons.json`). */
export interface PersonRecord {
  /** `P1`, `P2`… in the order they were added (numbering starts at 1). */
  readonly id: string;
  /** The name as the ordering body gives it. */
  readonly name: string;
  /** Accounts, handles, ids and phone-book names that are theirs in the evidence (as written there). */
  readonly handles: readonly string[];
  /** What the attribution of the handles rests on (the order, a protocol…). */
  readonly note: string;
  readonly actor: string;
}

/** The examiner's relation for one person and one document or message (`examiner/relations.json`). */
export interface RelationOverride {
  readonly personId: string;
  readonly documentId: string;
  /** A message of a chat document; absent for the whole document. */
  readonly messageId?: string;
  readonly relation: SettableRelation;
  readonly reason: string;
  readonly actor: string;
}

/** One relation of a person to a document or a message, derived from the data or set by the examiner. */
export interface PersonRelation {
  readonly personId: string;
  readonly relation: PersonRelationKind;
  readonly documentId: string;
  readonly evidenceName: string;
  readonly evidenceSha256: string;
  /** The message concerned (for `reacted`: the message reacted to); absent for the whole document. */
  readonly messageId?: string;
  /**
   * A part of a document the source names as this person's (a transcript cue's speaker, a DOCX
   * comment or revision author); absent otherwise.
   */
  readonly segmentId?: string;
  /** What the relation rests on: the export's field and value, or the examiner's reason. */
  readonly basis: string;
  /** `data` when derived from the export; `examiner` when set by hand (who in `actor`). */
  readonly by: 'data' | 'examiner';
  readonly actor?: string;
}

/** A handle or account name compared as written: NFC, spaces collapsed, case folded, a leading `@` dropped. */
export function handleKey(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/^@/u, '').toLowerCase();
}
