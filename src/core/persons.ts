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

/**
 * What a relation derived from the data rests on, by kind, with the names of the values each kind
 * carries. The report words each kind in its language (`relationBases` of the label files, where
 * `{name}` stands for a value); the values are data (names and ids as in the export, an emoji, a
 * message id, a chat name, a format or part code) and are never translated.
 * - `reaction`: `party` put `emoji` on `message`;
 * - `reactionUnlinked`: a reaction line `emoji` by `party` the export does not tie to a message;
 * - `forwarded` / `forwardedFrom`: `party` forwarded the message (from `original`);
 * - `originalAuthor`: the original author of a message `forwarder` forwarded;
 * - `sender`: `party` sent `message`;
 * - `memberWrote` / `memberListed`: member of the chat `chat` as `party` wrote in it / is listed among its participants;
 * - `namedPart`: part `segment` (of kind `part`) is named by the source as by `party`;
 * - `heldPartly` / `heldOnly`: a `format` file where only named parts have an author / with no author or sender at all.
 */
export const RELATION_BASES = {
  reaction: ['party', 'emoji', 'message'],
  reactionUnlinked: ['party', 'emoji'],
  forwarded: ['party'],
  forwardedFrom: ['party', 'original'],
  originalAuthor: ['forwarder'],
  sender: ['party', 'message'],
  memberWrote: ['chat', 'party'],
  memberListed: ['chat', 'party'],
  namedPart: ['part', 'segment', 'party'],
  heldPartly: ['format'],
  heldOnly: ['format'],
} as const satisfies Record<string, readonly string[]>;
export type RelationBasisKind = keyof typeof RELATION_BASES;
export const RELATION_BASIS_KINDS = Object.keys(RELATION_BASES) as RelationBasisKind[];

/** The basis of a derived relation: its kind and every value that kind names. */
export type RelationBasis = { [K in RelationBasisKind]: { readonly kind: K; readonly values: { readonly [V in (typeof RELATION_BASES)[K][number]]: string } } }[RelationBasisKind];

/** Where a relation lies and to what; common to derived and hand-set relations. */
interface RelationPlace {
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
}

/**
 * One relation of a person to a document or a message: derived from the data (`by: 'data'`, with
 * the structured `basis`), or set by the examiner (`by: 'examiner'`, with their free-text `reason`
 * and who set it in `actor`).
 */
export type PersonRelation = RelationPlace & ({ readonly by: 'data'; readonly basis: RelationBasis } | { readonly by: 'examiner'; readonly reason: string; readonly actor: string });

/** A handle or account name compared as written: NFC, spaces collapsed, case folded, a leading `@` dropped. */
export function handleKey(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/^@/u, '').toLowerCase();
}
