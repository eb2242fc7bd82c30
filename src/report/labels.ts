/**
 * The labels of a conclusion (`templates/<lang>/conclusion.yaml`): one schema every language file
 * must satisfy — every key present and non-empty, no other key — and the TypeScript type of the
 * labels derived from it. Groups keyed by a code list of soz (voices, counter-indicators,
 * categories, profile categories and units, rule kinds) follow that list, so a new code without its label
 * in every language fails `soz data validate`. Pure: reading the files is the pipeline's.
 */
import { z } from 'zod';
import { COUNTERVAILING, VOICES } from '../core/finding.js';
import { ALL_SUBCATEGORIES, LEXICON_CATEGORIES } from '../analysis/lexicon-schema.js';
import { RULE_ORIGIN_KINDS } from '../analysis/matcher.js';
import { PROFILE_CATEGORIES, PROFILE_UNITS } from '../analysis/profile.js';
import { PERSON_RELATIONS, RELATION_BASES, RELATION_BASIS_KINDS } from '../core/persons.js';
import type { RelationBasisKind } from '../core/persons.js';
import { SEGMENT_PARTS } from '../core/document.js';
import { EXPERTISE_FORMS, EXPERTISE_KINDS, GROUNDS_TYPES, SPECIALITIES } from '../core/experts.js';
import { PLACEHOLDER } from './basis-text.js';

const text = z.string().trim().min(1, 'must not be empty');

/** A template of a relation basis: text whose `{name}` placeholders are all values that kind carries. */
function basisTemplate(kind: RelationBasisKind) {
  const names: readonly string[] = RELATION_BASES[kind];
  return text.superRefine((value, context) => {
    for (const [, name] of value.matchAll(PLACEHOLDER)) {
      if (!names.includes(name!)) context.addIssue({ code: 'custom', message: `{${name!}} is not a value of this basis (use ${names.map((known) => `{${known}}`).join(', ')})` });
    }
  });
}

/** Schema of one language's label file. Adding a label: one line here, one line per language file. */
export const conclusionLabelsSchema = z.strictObject({
  title: text,
  draft: text,
  draftExplanation: text,
  openStepsHeading: text,
  finalMark: text,
  finalExplanation: text,
  toolNotice: text,
  introSection: text,
  caseNumber: text,
  grounds: text,
  examinationDate: text,
  place: text,
  institution: text,
  examiner: text,
  qualification: text,
  experience: text,
  present: text,
  translator: text,
  notRecorded: text,
  liabilityHeading: text,
  questionsHeading: text,
  guardFlag: text,
  suggestion: text,
  noQuestions: text,
  objectsHeading: text,
  fileName: text,
  mediaType: text,
  size: text,
  mediaAt: text,
  ocrRegion: text,
  mediaDuration: text,
  mediaTranscript: text,
  mediaTranscriber: text,
  mediaTranscriptOf: text,
  mediaNotInCustody: text,
  mediaKeptUnreadable: text,
  mediaDateOrderDayFirst: text,
  mediaDateOrderMonthFirst: text,
  researchSection: text,
  methodsHeading: text,
  lockfile: text,
  procedure: text,
  analysisLabel: text,
  candidatesUnit: text,
  ngramCapNotReached: text,
  ngramCapReached: text,
  documentsHeading: text,
  document: text,
  format: text,
  segments: text,
  derivedSha256: text,
  characters: text,
  words: text,
  language: text,
  findingsHeading: text,
  bearsOn: text,
  kwic: text,
  source: text,
  segment: text,
  page: text,
  message: text,
  lineColumn: text,
  offsets: text,
  voice: text,
  countervailing: text,
  originalAuthor: text,
  author: text,
  mainstreamMeaning: text,
  citation: text,
  examinerReason: text,
  noAccepted: text,
  profileHeading: text,
  profileIntro: text,
  unit: text,
  tokens: text,
  rates: text,
  sopHeading: text,
  step: text,
  kind: text,
  state: text,
  by: text,
  record: text,
  kindAutomated: text,
  kindExaminer: text,
  stateDone: text,
  stateSkipped: text,
  stateOpen: text,
  stateBlocked: text,
  rabatHeading: text,
  rabatIntro: text,
  rabatPart: text,
  rabatFacts: text,
  rabatMissing: text,
  rabat_context: text,
  rabat_speaker: text,
  rabat_intent: text,
  rabat_contentForm: text,
  rabat_extent: text,
  rabat_likelihood: text,
  conclusionsSection: text,
  question: text,
  declined: text,
  reformulated: text,
  consent: text,
  answerFile: text,
  unanswered: text,
  restsOn: text,
  none: text,
  limitationsSection: text,
  limitationsText: text,
  unreviewedWarning: text,
  signatureSection: text,
  signatureText: text,
  signature: text,
  date: text,
  appendixA: text,
  copy: text,
  appendixB: text,
  manifestDigest: text,
  recordHead: text,
  file: text,
  appendixC: text,
  finding: text,
  noneRejected: text,
  appendixD: text,
  category: text,
  digestExplanation: text,
  reportDigest: text,
  pageOf: text,
  answerPlaceholder: text,
  htmlDigestNote: text,
  selectionLabel: text,
  selectionNone: text,
  selectionKept: text,
  selectionLeftOut: text,
  byAuthor: text,
  byRole: text,
  outsideDates: text,
  unknownTime: text,
  methodsIntro: text,
  stepDone: text,
  stepDoneBySoz: text,
  stepSkipped: text,
  stepNotDone: text,
  skipReasonMissing: text,
  reviewSummary: text,
  reviewStepDone: text,
  reviewStepMissing: text,
  voiceChanges: text,
  voiceChanged: text,
  liabilityWarned: text,
  liabilityRights: text,
  liabilityIndependence: text,
  liabilityRecord: text,
  liabilityMissing: text,
  articleRef: text,
  labFill: text,
  liabilityData: text,
  translatorWarned: text,
  translatorNotWarned: text,
  logEntry: text,
  skipReason: text,
  decidedBy: text,
  answerLegalWording: text,
  answerOverride: text,
  missingDecision: text,
  missingReformulation: text,
  missingAnswer: text,
  missingAnswerRevision: text,
  alsoMissing: text,
  addedByExaminer: text,
  addedSummary: text,
  relationsHeading: text,
  relation: text,
  relation_authored: text,
  relation_forwarded: text,
  relation_reaction: text,
  relation_stored: text,
  relation_unknown: text,
  relationNotRecorded: text,
  rabatStatement: text,
  personsHeading: text,
  personsIntro: text,
  personsNone: text,
  personHandles: text,
  personCount: text,
  personPlaces: text,
  personFindings: text,
  personNotTheirWords: text,
  personSetByExaminer: text,
  /** A person's relation to an item or message (`PersonRelationKind`). */
  personRelations: z.record(z.enum(PERSON_RELATIONS), text),
  /** What part of a document a segment is (`SegmentPart`: comment, transcript cue…), as a relation basis names it. */
  segmentParts: z.record(z.enum(SEGMENT_PARTS), text),
  /** What a derived relation rests on (`RelationBasis`), with `{name}` for each value of the kind. */
  relationBases: z.strictObject(Object.fromEntries(RELATION_BASIS_KINDS.map((kind) => [kind, basisTemplate(kind)])) as Record<RelationBasisKind, ReturnType<typeof basisTemplate>>),
  location: text,
  matchedForm: text,
  rule: text,
  lexiconNote: text,
  reviewUnit: text,
  digestLine: text,
  tocHeading: text,
  appendixE: text,
  toExcerpt: text,
  excerptClipped: text,
  fragmentsInExcerpt: text,
  // Several experts, the joint section and the introductory facts (soz expert, soz sop joint, soz case set).
  expertiseKind: text,
  groundsDocument: text,
  groundsValue: text,
  receivedDate: text,
  startDate: text,
  endDate: text,
  materials: text,
  packaging: text,
  circumstances: text,
  factsRecorded: text,
  actRef: text,
  expertsHeading: text,
  expertLine: text,
  jointHeading: text,
  jointRecorded: text,
  dissentRecorded: text,
  noDissent: text,
  jointMissing: text,
  signatureRecorded: text,
  signatureStale: text,
  signatureMissing: text,
  liabilityExpert: text,
  liabilityExpertMissing: text,
  stepDoneByExpert: text,
  answeredBy: text,
  jointPart: text,
  missingFacts: text,
  /** Type of expertise: first, additional, repeat. */
  expertiseKinds: z.record(z.enum(EXPERTISE_KINDS), text),
  /** Single, complex, commission. */
  expertiseForms: z.record(z.enum(EXPERTISE_FORMS), text),
  /** The act that ordered the expertise: decision (постановление), ruling (определение). */
  groundsTypes: z.record(z.enum(GROUNDS_TYPES), text),
  /** Specialities of the experts. */
  specialities: z.record(z.enum(SPECIALITIES), text),
  /** Whose words a fragment is (`Voice`). */
  voices: z.record(z.enum(VOICES), text),
  /** What weighs against reading a fragment as own assertion (`Countervailing`). */
  counterIndicators: z.record(z.enum(COUNTERVAILING), text),
  /** Lexicon categories of candidate findings. */
  categories: z.record(z.enum(LEXICON_CATEGORIES), text),
  /** Sub-categories of lexicon entries (violence → physical harm, weapon, threat). */
  subcategories: z.record(z.enum(ALL_SUBCATEGORIES), text),
  /** Categories of the psycholinguistic profile. */
  profileCategories: z.record(z.enum(PROFILE_CATEGORIES), text),
  /** What a profile row counts: an author's own words, what they forwarded or quoted, a document. */
  profileUnits: z.record(z.enum(PROFILE_UNITS), text),
  /** Which part of a lexicon entry matched (lemma, variant, form, pattern). */
  ruleKinds: z.record(z.enum(RULE_ORIGIN_KINDS), text),
  /** The known-material section (`soz compare`); `{name}` placeholders are filled by `report/known-rows.ts`. */
  known: z.strictObject({
    heading: text,
    intro: text,
    library: text,
    none: text,
    reproduces: text,
    decision: text,
    shares: text,
    passage: text,
    evidenceSide: text,
    librarySide: text,
    words: text,
    marks: text,
    accepted: text,
    rejected: text,
    unreviewed: text,
    category: text,
  }),
  /** The lab's lists of organisations the names were checked against, and the warning for an empty one. */
  labLists: z.strictObject({ heading: text, line: text, empty: text, none: text }),
});

/** Labels of one language, as validated. */
export type ConclusionLabels = z.infer<typeof conclusionLabelsSchema>;

/** Keys of the plain-text labels (not the groups). */
export type LabelKey = { [K in keyof ConclusionLabels]: ConclusionLabels[K] extends string ? K : never }[keyof ConclusionLabels];

/**
 * Problems of one parsed label file, each naming the file, the key and the fix; empty when it
 * fits the schema.
 */
export function labelProblems(path: string, raw: unknown): string[] {
  const parsed = conclusionLabelsSchema.safeParse(raw);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.') || '(root)';
    if (issue.code === 'unrecognized_keys') return `${path}: ${where}: key(s) ${issue.keys.join(', ')} not in the label schema; remove them, or add each to src/report/labels.ts and to every language`;
    return `${path}: ${where}: ${issue.message}; give the label in this language`;
  });
}
