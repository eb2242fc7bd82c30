/**
 * The relation of each person of interest to each document and message: derived from what the
 * data says (the sender of a message, the forwarder and the original author of a forwarded one,
 * who reacted, who is a member of the chat, and for a file without any author or sender: held
 * only) and replaced where the examiner set it by hand. Pure.
 */
import type { Party, Segment, SozDocument } from '../core/document.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { PersonRecord, PersonRelation, PersonRelationKind, RelationBasis, RelationOverride } from '../core/persons.js';
import { handleKey, PERSON_RELATIONS } from '../core/persons.js';

/** Which persons an account of the export belongs to, by name or id. */
function personMatcher(persons: readonly PersonRecord[]): (party: Party | undefined) => string[] {
  const byHandle = new Map<string, string[]>();
  for (const person of persons) {
    for (const handle of person.handles) {
      const key = handleKey(handle);
      const ids = byHandle.get(key) ?? [];
      if (!ids.includes(person.id)) ids.push(person.id);
      byHandle.set(key, ids);
    }
  }
  return (party) => {
    if (!party) return [];
    const ids = [...(byHandle.get(handleKey(party.name)) ?? []), ...(party.id !== undefined ? (byHandle.get(handleKey(party.id)) ?? []) : [])];
    return [...new Set(ids)];
  };
}

const partyText = (party: Party) => (party.id !== undefined ? `${party.name} (${party.id})` : party.name);

/** Collects relations of one document once each (segments of one message share its info). */
class RelationSet {
  private readonly byKey = new Map<string, PersonRelation>();
  constructor(private readonly doc: SozDocument) {}

  add(personIds: readonly string[], relation: PersonRelationKind, messageId: string | undefined, basis: RelationBasis, segmentId?: string): void {
    for (const personId of personIds) {
      const key = `${personId}\u0000${messageId ?? ''}\u0000${segmentId ?? ''}\u0000${relation}`;
      if (this.byKey.has(key)) continue;
      this.byKey.set(key, {
        personId,
        relation,
        documentId: this.doc.id,
        evidenceName: this.doc.evidenceName,
        evidenceSha256: this.doc.evidenceSha256,
        ...(messageId !== undefined ? { messageId } : {}),
        ...(segmentId !== undefined ? { segmentId } : {}),
        by: 'data',
        basis,
      });
    }
  }

  values(): PersonRelation[] {
    return [...this.byKey.values()];
  }
}

/** Relations a chat document's messages give: authors, forwarders, original authors, reactions, members. */
function chatRelations(doc: SozDocument, personsOf: (party: Party | undefined) => string[]): PersonRelation[] {
  const found = new RelationSet(doc);
  const members = new Map<string, RelationBasis>();
  const member = (party: Party, kind: 'memberWrote' | 'memberListed') => {
    for (const id of personsOf(party)) if (!members.has(id)) members.set(id, { kind, values: { chat: chatName(doc), party: partyText(party) } });
  };
  for (const segment of doc.segments) {
    const message = segment.message;
    if (!message) continue;
    const author = personsOf(message.author);
    if (message.role !== 'reaction') member(message.author, 'memberWrote');
    if (message.role === 'reaction') {
      const emoji = doc.text.slice(segment.range[0], segment.range[1]);
      found.add(
        author,
        'reacted',
        message.reactionTo ?? message.messageId,
        message.reactionTo !== undefined
          ? { kind: 'reaction', values: { party: partyText(message.author), emoji, message: message.reactionTo } }
          : { kind: 'reactionUnlinked', values: { party: partyText(message.author), emoji } },
      );
    } else if (message.role === 'forwarded') {
      const party = partyText(message.author);
      found.add(author, 'forwarder', message.messageId, message.forwardedFrom ? { kind: 'forwardedFrom', values: { party, original: partyText(message.forwardedFrom) } } : { kind: 'forwarded', values: { party } });
      if (message.forwardedFrom) found.add(personsOf(message.forwardedFrom), 'author', message.messageId, { kind: 'originalAuthor', values: { forwarder: party } });
    } else if (message.role !== 'service' && isOwnPart(segment)) {
      found.add(author, 'author', message.messageId, { kind: 'sender', values: { party: partyText(message.author), message: message.messageId } });
    }
    for (const reaction of message.reactions ?? []) {
      for (const party of reaction.from) found.add(personsOf(party), 'reacted', message.messageId, { kind: 'reaction', values: { party: partyText(party), emoji: reaction.emoji, message: message.messageId } });
    }
  }
  const participants = doc.properties['participants'];
  if (typeof participants === 'string') for (const name of participants.split('; ').filter((value) => value !== '')) member({ name }, 'memberListed');
  for (const [personId, basis] of members) found.add([personId], 'recipient', undefined, basis);
  return found.values();
}

/** Every segment of a message is the sender's except reaction records. */
function isOwnPart(segment: Segment): boolean {
  return segment.message?.reactionTo === undefined;
}

function chatName(doc: SozDocument): string {
  return doc.segments.find((segment) => segment.message)?.message?.chatName ?? doc.evidenceName;
}

/** Natural order of ids: numbers by value (`P2` before `P10`, message `9` before `10`), else code units. */
export function compareIds(a: string, b: string): number {
  const split = (value: string) => /^(\D*)(\d+)$/u.exec(value);
  const x = split(a);
  const y = split(b);
  if (x && y && x[1] === y[1]) return Number(x[2]) - Number(y[2]) || compareCodeUnits(a, b);
  return compareCodeUnits(a, b);
}

/** The one order of relations: person, evidence, document, whole document first, message, relation. */
export function compareRelations(a: PersonRelation, b: PersonRelation): number {
  return (
    compareIds(a.personId, b.personId) ||
    compareCodeUnits(a.evidenceName, b.evidenceName) ||
    compareCodeUnits(a.documentId, b.documentId) ||
    compareIds(a.messageId ?? '', b.messageId ?? '') ||
    compareCodeUnits(a.segmentId ?? '', b.segmentId ?? '') ||
    PERSON_RELATIONS.indexOf(a.relation) - PERSON_RELATIONS.indexOf(b.relation)
  );
}

/**
 * Every relation of the persons to the documents: derived from the data, then for each person,
 * document and message the examiner set, the examiner's relation replaces the derived ones
 * (`none` removes them; a whole-document setting replaces the parts named as the person's too). A
 * document with no message (PDF, DOCX, text…) has no sender in the data: each person is its holder
 * only until the examiner says otherwise, and the author of the parts the source names as theirs
 * (transcript speakers, DOCX comment and revision authors).
 */
export function personRelations(persons: readonly PersonRecord[], documents: Iterable<SozDocument>, overrides: readonly RelationOverride[]): PersonRelation[] {
  // No person and no override: nothing to relate, and no document need be read.
  if (persons.length === 0 && overrides.length === 0) return [];
  const personsOf = personMatcher(persons);
  const derived: PersonRelation[] = [];
  const byDocument = new Map<string, Pick<SozDocument, 'id' | 'evidenceName' | 'evidenceSha256'>>();
  for (const doc of documents) {
    byDocument.set(doc.id, { id: doc.id, evidenceName: doc.evidenceName, evidenceSha256: doc.evidenceSha256 });
    if (doc.segments.some((segment) => segment.message !== undefined)) {
      derived.push(...chatRelations(doc, personsOf));
      continue;
    }
    const found = new RelationSet(doc);
    const named = doc.segments.filter((segment) => segment.author !== undefined && segment.author !== '');
    for (const segment of named) found.add(personsOf({ name: segment.author! }), 'author', undefined, { kind: 'namedPart', values: { part: segment.anchor.part, segment: segment.id, party: segment.author! } }, segment.id);
    found.add(
      persons.map((person) => person.id),
      'holder',
      undefined,
      { kind: named.length > 0 ? 'heldPartly' : 'heldOnly', values: { format: doc.format } },
    );
    derived.push(...found.values());
  }
  const sameTarget = (relation: PersonRelation, override: RelationOverride) => relation.personId === override.personId && relation.documentId === override.documentId && relation.messageId === override.messageId;
  const kept = derived.filter((relation) => !overrides.some((override) => sameTarget(relation, override)));
  const set = overrides.flatMap((override): PersonRelation[] => {
    const doc = byDocument.get(override.documentId);
    if (override.relation === 'none' || !doc) return [];
    return [
      {
        personId: override.personId,
        relation: override.relation,
        documentId: doc.id,
        evidenceName: doc.evidenceName,
        evidenceSha256: doc.evidenceSha256,
        ...(override.messageId !== undefined ? { messageId: override.messageId } : {}),
        by: 'examiner',
        reason: override.reason,
        actor: override.actor,
      },
    ];
  });
  return [...kept, ...set].sort(compareRelations);
}

/** Where a finding lies, as the per-person table needs it. */
export interface FindingLocation {
  readonly id: string;
  readonly documentId: string;
  readonly segmentId: string;
  readonly messageId: string | null;
}

/** One line of a person's table: a relation with its places and the findings in them. */
export interface PersonRow {
  readonly relation: PersonRelationKind;
  readonly relations: readonly PersonRelation[];
  /** Findings in those places, in the order given; each finding under one relation of the person only. */
  readonly findingIds: readonly string[];
}

/**
 * A person's relations grouped by kind (in `PERSON_RELATIONS` order, empty kinds left out), with the
 * findings that fall in each: a finding in a message (or a part named as the person's) goes under
 * the person's relation to it; a finding elsewhere in a document under their relation to the whole document
 * (`recipient`, `holder`). A message they reacted to is never counted as their words.
 */
export function personRows(personId: string, relations: readonly PersonRelation[], findings: readonly FindingLocation[]): PersonRow[] {
  const own = relations.filter((relation) => relation.personId === personId);
  const placed = new Map<string, PersonRelationKind>();
  for (const finding of findings) {
    const sameDocument = own.filter((relation) => relation.documentId === finding.documentId);
    const inPart = sameDocument.find((relation) => (relation.messageId !== undefined && relation.messageId === finding.messageId) || relation.segmentId === finding.segmentId);
    const inDocument = sameDocument.find((relation) => relation.messageId === undefined && relation.segmentId === undefined);
    const relation = inPart ?? inDocument;
    if (relation) placed.set(finding.id, relation.relation);
  }
  return PERSON_RELATIONS.map((relation) => ({
    relation,
    relations: own.filter((candidate) => candidate.relation === relation),
    findingIds: findings.filter((finding) => placed.get(finding.id) === relation).map((finding) => finding.id),
  })).filter((row) => row.relations.length > 0);
}
