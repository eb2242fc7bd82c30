/**
 * One candidate row as every format prints it, in the report's language: what it is, its place
 * (evidence file, document, page or message, line, character range), author and original author
 * as separate fields, voice, counter-indicators, the matched form and rule, notes and the
 * examiner's decision. Codes (voices, counter-indicators, categories, rule kinds) become labels;
 * a category the examiner named in their own words is printed as written. Rows of one reviewable
 * unit (a message) are grouped. Pure.
 */
import { KNOWN_MATERIAL_CATEGORY } from '../core/known-material.js';
import { LEXICON_CATEGORIES } from '../analysis/lexicon-schema.js';
import { RULE_ORIGIN_KINDS } from '../analysis/matcher.js';
import { EXAMINER_ANALYSIS } from '../sop/added.js';
import type { ConclusionLabels } from './labels.js';
import type { FindingView } from './model.js';
import type { SourceExcerpt } from './excerpts.js';
import { mediaPlaceText } from './media-summary.js';
import { imagePlaceText } from './ocr-region.js';

/** The labelled lines of one candidate; `null` where there is nothing to say. */
export interface FindingRow {
  readonly id: string;
  /** The fragment in its context. */
  readonly kwic: { readonly left: string; readonly actual: string; readonly right: string };
  /** Category (and the examiner's words for a fragment they added), the questions it bears on. */
  readonly title: string;
  readonly place: string;
  /** Author and original author (forwarded from), each named or said to be not recorded. */
  readonly people: string;
  /** Voice and counter-indicators. */
  readonly voice: string;
  readonly matched: string | null;
  /** Voice change, ordinary meaning, the lexicon's note and its citation. */
  readonly notes: readonly string[];
  /** The examiner's reason for a reviewed candidate. */
  readonly decision: string | null;
}

/** The candidates of one reviewable unit, in finding order. */
export interface FindingUnit {
  readonly unit: string;
  /** "message 7 — file" or "segment s3 — file". */
  readonly title: string;
  readonly findings: readonly FindingView[];
}

/** Label of a finding's category: the lexicon's categories have one; an examiner's word stays as written. */
export function categoryLabel(labels: ConclusionLabels, category: string): string {
  if (category === KNOWN_MATERIAL_CATEGORY) return labels.known.category;
  const known = LEXICON_CATEGORIES.find((candidate) => candidate === category);
  return known ? labels.categories[known] : category;
}

/** Category and, where the entry has one, its sub-category («лексика насилия: физический вред»). */
export function categoryWithSubcategory(labels: ConclusionLabels, category: string, subcategory: string | null): string {
  const sub = subcategory === null ? undefined : labels.subcategories[subcategory];
  return sub === undefined ? categoryLabel(labels, category) : `${categoryLabel(labels, category)}: ${sub}`;
}

/** `lemma убить` as «лемма «убить»» in the report's language; an unknown kind stays as recorded. */
export function ruleLabel(labels: ConclusionLabels, rule: string): string {
  const space = rule.indexOf(' ');
  const kind = RULE_ORIGIN_KINDS.find((candidate) => candidate === (space === -1 ? rule : rule.slice(0, space)));
  return kind ? `${labels.ruleKinds[kind]} «${rule.slice(space + 1)}»` : rule;
}

/** The labelled lines of one candidate. */
export function findingRow(finding: FindingView, labels: ConclusionLabels): FindingRow {
  const added = finding.analysis === EXAMINER_ANALYSIS;
  const category = categoryWithSubcategory(labels, finding.category, finding.subcategory);
  const bears = finding.questionIds.length > 0 ? `; ${labels.bearsOn.replace('{ids}', finding.questionIds.join(', '))}` : '';
  // Built as one string, part after part (a report of a large case makes hundreds of thousands).
  let place = `${labels.location}: ${finding.evidenceName} (${finding.documentId})`;
  if (finding.page !== null) place += `, ${labels.page} ${finding.page}`;
  if (finding.messageId !== null) place += `, ${labels.message} ${finding.messageId}`;
  if (finding.media) place += `, ${mediaPlaceText(finding.media, (key) => labels[key])}`;
  if (finding.image) place += `, ${imagePlaceText(finding.image, (key) => labels[key])}`;
  place += `, ${labels.segment} ${finding.segmentId}, ${labels.lineColumn} ${finding.line}:${finding.column}, ${labels.offsets} [${finding.range[0]}, ${finding.range[1]})`;
  const counters = finding.countervailing.length > 0 ? finding.countervailing.map((code) => labels.counterIndicators[code]).join(', ') : labels.none;
  const notes: string[] = [];
  if (finding.voiceChange) notes.push(`${labels.voiceChanged}: ${labels.voices[finding.voiceChange.from]} → ${labels.voices[finding.voice]} (${finding.voiceChange.actor}): ${finding.voiceChange.reason}`);
  if (finding.mainstreamMeaning) notes.push(entryNote(labels, 'mainstreamMeaning', finding.mainstreamMeaning));
  if (finding.note) notes.push(entryNote(labels, 'lexiconNote', finding.note));
  if (finding.citation) notes.push(entryNote(labels, 'citation', finding.citation));
  return {
    id: finding.id,
    kwic: { left: finding.left, actual: finding.actual, right: finding.right },
    title: `${category}${added ? ` (${labels.addedByExaminer}: ${finding.reason})` : ''}${bears}`,
    place,
    people: `${labels.author}: ${finding.author ?? labels.notRecorded}; ${labels.originalAuthor}: ${finding.originalAuthor ?? labels.none}`,
    voice: `${labels.voice}: ${labels.voices[finding.voice]}; ${labels.countervailing}: ${counters}`,
    matched: finding.matched ? `${labels.matchedForm}: «${finding.matched.form}»; ${labels.rule}: ${ruleLabel(labels, finding.matched.rule)} (${finding.ruleId})` : added ? null : `${labels.rule}: ${finding.ruleId}`,
    notes,
    decision: finding.decisionReason,
  };
}

/** The labels of a lexicon entry's notes, by the member of the labels that names each. */
type EntryNoteLabel = 'mainstreamMeaning' | 'lexiconNote' | 'citation';

/** Distinct notes kept per labels and kind; past this the kind starts afresh. */
const KEPT_NOTES = 4096;

/** The note lines made, by labels, kind and the entry's text. */
const entryNotes = new WeakMap<ConclusionLabels, Map<EntryNoteLabel, Map<string, string>>>();

/**
 * A lexicon entry's note with its label («Примечание словаря: …»): the same string for every
 * candidate of the entry (its text is one string for all of them), so a format escapes it once
 * (`markdownRows`) instead of on every row.
 */
function entryNote(labels: ConclusionLabels, label: EntryNoteLabel, text: string): string {
  let kinds = entryNotes.get(labels);
  if (kinds === undefined) entryNotes.set(labels, (kinds = new Map()));
  let lines = kinds.get(label);
  if (lines === undefined || lines.size >= KEPT_NOTES) kinds.set(label, (lines = new Map()));
  let line = lines.get(text);
  if (line === undefined) lines.set(text, (line = `${labels[label]}: ${text}`));
  return line;
}

/** Findings grouped by reviewable unit, units in the order they first occur. */
export function findingUnits(findings: readonly FindingView[], labels: ConclusionLabels): FindingUnit[] {
  const units = new Map<string, FindingView[]>();
  for (const finding of findings) {
    const members = units.get(finding.unit);
    if (members) members.push(finding);
    else units.set(finding.unit, [finding]);
  }
  return [...units].map(([unit, members]) => {
    const first = members[0]!;
    const where = first.messageId !== null ? `${labels.message} ${first.messageId}` : first.page !== null ? `${labels.page} ${first.page}` : `${labels.segment} ${first.segmentId}`;
    return { unit, title: `${labels.reviewUnit}: ${where} — ${first.evidenceName} (${first.documentId})`, findings: members };
  });
}

/** A source excerpt as plain text: heading, where it is, and the text with each fragment as ⟦…⟧ and its ids. */
export function excerptView(excerpt: SourceExcerpt, labels: ConclusionLabels): { title: string; meta: string; text: string } {
  const where = excerpt.messageId !== null ? `${labels.message} ${excerpt.messageId}` : excerpt.page !== null ? `${labels.page} ${excerpt.page}` : `${labels.document} ${excerpt.documentId}`;
  const people = [excerpt.author !== null ? `${labels.author}: ${excerpt.author}` : null, excerpt.originalAuthor !== null ? `${labels.originalAuthor}: ${excerpt.originalAuthor}` : null].filter((part) => part !== null);
  const body = excerpt.parts.map((part) => (part.findingIds.length > 0 ? `⟦${part.text}⟧(${part.findingIds.join(', ')})` : part.text)).join('');
  return {
    title: `${where} — ${excerpt.evidenceName}`,
    meta: [`${excerpt.documentId}, ${labels.offsets} [${excerpt.range[0]}, ${excerpt.range[1]})`, ...people].join('; '),
    text: `${excerpt.clipped.before ? `${labels.excerptClipped} ` : ''}${body}${excerpt.clipped.after ? ` ${labels.excerptClipped}` : ''}`,
  };
}

/** HTML anchor ids of a finding's row and of a unit's source excerpt (letters, digits, hyphens only). */
export const rowAnchor = (findingId: string) => `row-${findingId}`;
export const excerptAnchor = (unit: string) => `src-${unit.replace(/[^A-Za-z0-9_-]/g, (character) => `-${character.codePointAt(0)!.toString(16)}-`)}`;
