import type { SelectionView } from './selection.js';
import type { MediaSummary } from './media-summary.js';
import { withMediaSummary } from './media-summary.js';
import type { ExcerptDocument, SourceExcerpt } from './excerpts.js';
import { sourceExcerpts } from './excerpts.js';
/**
 * The conclusion model: everything the expert conclusion shows, assembled without I/O from the
 * case's records. Every renderer (Markdown, HTML, PDF, DOCX) reads only this, so the four formats
 * say the same; its canonical JSON is hashed to give the PDF/DOCX report digest. It holds no clock
 * time and no absolute path.
 */
import type { CaseMetadata, EvidenceRecord, HashedFile, LogEntry, ReportLanguage, RunManifest } from '../core/case.js';
import type { CaseFacts, ExpertsFile } from '../core/experts.js';
import type { ExpertView, JointView, StructureView } from './experts-view.js';
import { expertsView } from './experts-view.js';
import type { JsonShape } from '../core/canonical-json.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import { FINDING_VIEW_SHAPE, SOURCE_EXCERPT_SHAPE } from './view-shapes.js';
import type { DocumentHeader, Notice } from '../core/document.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import type { GuardMatch, ItemRelation, ItemRelationRecord, QuestionDisposition, QuestionRecord, RabatCourtPart, RabatField, RabatWorksheet, ReviewDecision } from '../core/examiner.js';
import { RABAT_COURT_PARTS, RABAT_FIELDS } from '../core/examiner.js';
import type { Countervailing, Finding, ImagePlace, MediaPlace, Voice } from '../core/finding.js';
import { sha256, sha256Hasher } from '../core/hash.js';
import type { LogHead } from '../core/log-head.js';
import { formatLogHead } from '../core/log-head.js';
import type { LanguageOverview } from '../analysis/language-overview.js';
import type { StepState, StepStatus } from '../sop/engine.js';
import type { LiabilityFile, StatuteRole } from '../sop/schema.js';
import { compareQuestionIds, isCalendarDate } from '../sop/review.js';
import type { PersonRecord, PersonRelation, PersonRelationKind, RelationBasis } from '../core/persons.js';
import { personRows } from '../sop/relations.js';
import type { CompareResult } from '../core/known-material.js';
import type { KnownMaterialView } from './known-view.js';
import type { OrgListData } from '../analysis/registry.js';
import { knownMaterialView } from './known-view.js';

/** Schema tag of the model; bump when its shape changes. */
export const CONCLUSION_SCHEMA = 'soz.conclusion/3';

/** Value of the `translator` field of the language step that says no translator took part. */
export const NO_TRANSLATOR = '-';


/** A finding as the conclusion shows it: place, KWIC, source and, once reviewed, the decision. */
export interface FindingView {
  readonly id: string;
  readonly analysis: string;
  readonly ruleId: string;
  readonly category: string;
  readonly reason: string;
  /** The lexicon entry's sub-category code, shown with the category in the report's language. */
  readonly subcategory: string | null;
  readonly evidenceName: string;
  readonly evidenceSha256: string;
  readonly documentId: string;
  readonly segmentId: string;
  /** `[start, end)` UTF-16 offsets into the document text. */
  readonly range: readonly [number, number];
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  readonly page: number | null;
  readonly messageId: string | null;
  /** For a transcript: the media file, its hash and the cue's time code. */
  readonly media: MediaPlace | null;
  /** For text read by OCR: the picture and the box of the finding's words (absent otherwise, so other findings keep their shape). */
  readonly image?: ImagePlace;
  readonly left: string;
  readonly actual: string;
  readonly right: string;
  readonly author: string | null;
  /** Forwarded material: who wrote it originally (`author` is then the holder who forwarded it). */
  readonly originalAuthor: string | null;
  /** The voice the conclusion states: the examiner's where they changed it, else soz's. */
  readonly voice: Voice;
  /** soz's voice and the examiner's reason, where the examiner changed it in review. */
  readonly voiceChange: { readonly from: Voice; readonly reason: string; readonly actor: string } | null;
  readonly countervailing: readonly Countervailing[];
  readonly note: string | null;
  readonly mainstreamMeaning: string | null;
  readonly citation: string | null;
  /** The examiner's reason (accepted or rejected findings). */
  readonly decisionReason: string | null;
  readonly questionIds: readonly string[];
  /** Which word form matched and by which rule of the lexicon entry (`kind text`), where known. */
  readonly matched: { readonly form: string; readonly rule: string } | null;
  /** Reviewable unit (one message, else one segment): the key of its source excerpt. */
  readonly unit: string;
}

/** One question with everything the conclusion says about it. */
export interface QuestionView {
  readonly id: string;
  /** 1-based position. */
  readonly number: number;
  readonly text: string;
  readonly language: string;
  readonly flagged: boolean;
  readonly guardMatches: readonly { readonly matched: string; readonly reason: string; readonly sources: readonly string[] }[];
  readonly suggestions: readonly string[];
  readonly disposition: QuestionDisposition;
  /** The examiner's own answer file, verbatim, or null when none is written yet. */
  readonly answer: { readonly path: string; readonly sha256: string; readonly text: string } | null;
  /** Legal-qualification wording the competence guard found in the answer. */
  readonly answerLegalWording: readonly { readonly matched: string; readonly patternId: string; readonly reason: string }[];
  /** The examiner's recorded reason for keeping that wording (for the current answer only). */
  readonly answerOverride: { readonly reason: string; readonly actor: string } | null;
  /** Accepted findings the answer rests on (ids, in finding order). */
  readonly findingIds: readonly string[];
  /** The expert who answers for the answer (`E1 name`), in a case naming experts. */
  readonly answeredBy: string | null;
}

/**
 * One place of a person's relation: the structured basis of a derived relation (worded in the
 * report's language), or the examiner's reason and name for one set by hand.
 */
export type PersonPlaceView = { readonly evidenceName: string; readonly documentId: string; readonly messageId: string | null; readonly segmentId: string | null } & (
  | { readonly by: 'data'; readonly basis: RelationBasis }
  | { readonly by: 'examiner'; readonly reason: string; readonly actor: string }
);

/**
 * One person of interest with what they authored, forwarded, reacted to, received and only held:
 * each relation with its places and the accepted findings that fall in them.
 */
export interface PersonView {
  readonly id: string;
  readonly name: string;
  readonly handles: readonly string[];
  readonly note: string;
  readonly rows: readonly {
    readonly relation: PersonRelationKind;
    readonly count: number;
    readonly places: readonly PersonPlaceView[];
    readonly findingIds: readonly string[];
    /** True for every relation but `author`: the findings in these places are not the person's words. */
    readonly notTheirWords: boolean;
  }[];
}

/** One line of the SOP record. */
export interface SopStepView {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly kind: 'automated' | 'examiner';
  readonly state: StepState;
  readonly afterFinal: boolean;
  readonly requiredForFinal: boolean;
  readonly actor: string | null;
  /** Sequence number (from 1) of the log entry that settled the step; the log holds its time. */
  readonly logSeq: number | null;
  /** For a skipped step: the admitted reason (id and title) and who decided it. */
  readonly skip: { readonly reasonId: string; readonly reason: string; readonly decidedBy: string } | null;
  readonly note: string | null;
  readonly fields: readonly { readonly key: string; readonly value: string }[];
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly originalName: string }[];
  /** The expert whose part the step is (`E1`…), in a case naming experts. */
  readonly expertId: string | null;
}

/** Everything a conclusion shows. */
export interface ConclusionModel {
  readonly schema: typeof CONCLUSION_SCHEMA;
  readonly language: ReportLanguage;
  /** True for a `--final` report (every step before the conclusion done or skipped). */
  readonly final: boolean;
  /** Steps still open (state open or blocked), excluding steps that follow the conclusion. */
  readonly openSteps: readonly { readonly number: number; readonly id: string; readonly title: string }[];
  readonly case: CaseMetadata;
  /** Type, grounds, dates, materials and circumstances of the expertise (`soz case set`). */
  readonly structure: StructureView;
  /** The experts named in the case (empty: a single examiner, `case.examiner`). */
  readonly experts: readonly ExpertView[];
  /** The joint section of a complex or commission expertise, or null while not recorded. */
  readonly joint: JointView | null;
  /** Introductory facts the examiner recorded in SOP steps; null where not recorded. */
  readonly intro: {
    readonly institution: string | null;
    readonly qualification: string | null;
    readonly experience: string | null;
    readonly place: string | null;
    readonly present: string | null;
    readonly translator: string | null;
  };
  /** The liability block: composed from the acknowledgement record and the lab's statute data. */
  readonly liability: {
    /** The acknowledgement step as the log holds it, or null while it is not recorded. */
    readonly acknowledgement: { readonly examiner: string | null; readonly recordedBy: string | null; readonly logSeq: number } | null;
    /** One reference per role, in the report's language; `article` null where the lab has not filled it. */
    readonly statutes: readonly { readonly id: string; readonly role: StatuteRole; readonly act: string; readonly article: string | null; readonly heading: string; readonly source: string }[];
    readonly version: string;
    readonly file: HashedFile;
    /** A named translator (language step) and the record of their warning, when named. */
    readonly translator: { readonly name: string; readonly warning: string | null } | null;
  };
  readonly tool: { readonly version: string; readonly node: string; readonly lockfileSha256: string; readonly dependencies: readonly { readonly name: string; readonly version: string }[] };
  readonly procedure: { readonly id: string; readonly version: string; readonly title: string; readonly file: HashedFile };
  readonly templates: readonly HashedFile[];
  readonly analyses: readonly { readonly analysis: string; readonly version: string; readonly findings: number }[];
  /** Which segments the analyses covered (null for cases analysed without a record of it). */
  readonly selection: SelectionView | null;
  /** Evidence in custody; `media` only where there is more to say (see `mediaSummary`). */
  readonly evidence: readonly (EvidenceRecord & { readonly media?: MediaSummary })[];
  /** The relation of the person concerned to each evidence item (evidence order); null where not recorded. */
  readonly relations: readonly { readonly evidenceName: string; readonly evidenceSha256: string; readonly relation: ItemRelation | null; readonly note: string | null; readonly actor: string | null }[];
  /** The persons of interest (in the order added) and their relation to each item and message. */
  readonly persons: readonly PersonView[];
  readonly documents: readonly {
    readonly id: string;
    readonly evidenceName: string;
    readonly format: string;
    readonly segments: number;
    readonly sha256: string;
    readonly notices: readonly Notice[];
  }[];
  readonly overview: LanguageOverview | null;
  readonly questions: readonly QuestionView[];
  /** Accepted findings grouped per evidence file (evidence order). */
  readonly objects: readonly { readonly evidenceName: string; readonly evidenceSha256: string; readonly findings: readonly FindingView[] }[];
  readonly profile: readonly { readonly unit: string; readonly key: string; readonly tokens: number; readonly rates: readonly { readonly category: string; readonly rate: number }[] }[] | null;
  readonly sop: readonly SopStepView[];
  /** One Rabat worksheet per statement: the findings it covers and the six parts (empty: none recorded). */
  /** One worksheet per statement; `intent` / `likelihood` only in worksheets of an earlier soz. */
  readonly rabat: readonly { readonly findingIds: readonly string[]; readonly parts: readonly { readonly key: RabatField | RabatCourtPart; readonly value: string }[] }[];
  readonly counts: { readonly candidates: number; readonly accepted: number; readonly rejected: number; readonly unreviewed: number };
  readonly rejected: readonly FindingView[];
  readonly unreviewed: readonly FindingView[];
  /** What `soz compare` found reproducing the lab's reference library; null when the case was not compared. */
  readonly knownMaterial: KnownMaterialView | null;
  /** The lab's list of banned organisations the analysis searched (`soz lists import`); null when none was given. */
  /** The n-gram tables' cap and whether it was reached (a line of the methods section). */
  readonly ngramCap: NgramCapView | null;
  readonly labList: OrgListData | null;
  /** The source of every reviewable unit a candidate lies in, with the candidates marked (finding order). */
  readonly excerpts: readonly SourceExcerpt[];
  readonly manifest: { readonly sha256: string; readonly data: readonly HashedFile[]; readonly inputs: readonly HashedFile[]; readonly outputs: readonly HashedFile[] };
  /** The custody log's record head (`N:HASH`, no times: see `core/log-head.ts`) when the report was rendered. */
  readonly recordHead: string;
}

/**
 * The cap on distinct n-grams a run holds per size (`NGRAM_CAP`), and each size where it was
 * reached: past it the rarest were dropped, so a row may be low by up to `atOrBelow`.
 */
export interface NgramCapView {
  readonly cap: number;
  readonly reached: readonly { readonly n: number; readonly atOrBelow: number }[];
}

/** Inputs of `assembleConclusion`: the records as read from the case folder and the installation. */
export interface ConclusionInputs {
  readonly language: ReportLanguage;
  readonly final: boolean;
  readonly metadata: CaseMetadata;
  readonly evidence: readonly EvidenceRecord[];
  /** The derived documents in reading order, without their text and segments, with each file's SHA-256. */
  readonly documents: readonly { readonly doc: DocumentHeader; readonly sha256: string }[];
  /** A document's text and segments by id, asked for once per document that holds a candidate (source excerpts). */
  readonly documentText: (documentId: string) => ExcerptDocument | undefined;
  readonly overview: LanguageOverview | null;
  readonly analyses: readonly { readonly analysis: string; readonly version: string; readonly findings: number }[];
  /** Which segments the analyses covered (null for cases analysed without a record of it). */
  readonly selection: SelectionView | null;
  readonly profileRows: readonly { unit: string; key: string; tokens: number; rates: Readonly<Record<string, number>> }[] | null;
  readonly manifest: RunManifest;
  readonly manifestSha256: string;
  /** The record head of the custody log as it stands before this render. */
  readonly recordHead: LogHead;
  readonly procedure: {
    readonly id: string;
    readonly version: string;
    readonly title: Readonly<Record<ReportLanguage, string>>;
    readonly file: HashedFile;
    readonly skipReasons: readonly { readonly id: string; readonly title: Readonly<Record<ReportLanguage, string>> }[];
  };
  readonly liability: { readonly data: LiabilityFile; readonly file: HashedFile };
  readonly templates: readonly HashedFile[];
  readonly statuses: readonly StepStatus[];
  readonly questions: readonly QuestionRecord[];
  /** Each recorded answer with the legal-qualification wording the guard found in it. */
  readonly answers: Readonly<Record<string, { path: string; sha256: string; text: string; legalWording: readonly GuardMatch[] }>>;
  /** The candidates in finding order (`compareFindings`), iterated once per pass: the head, then each streamed list as it is rendered. */
  readonly findings: Iterable<Finding>;
  readonly decisions: readonly ReviewDecision[];
  /** The last comparison with the reference library (`compare/matches.json`), or null. */
  readonly comparison: CompareResult | null;
  /** What the `org-list` analysis recorded about the lab's list, or null when none was given. */
  readonly labList: OrgListData | null;
  /** The n-gram tables' cap on distinct n-grams per size and, per size, where it pruned; null when the case has no n-gram tables. */
  readonly ngramCap: NgramCapView | null;
  readonly itemRelations: readonly ItemRelationRecord[];
  readonly persons: readonly PersonRecord[];
  /** Relations of the persons: derived from the documents, the examiner's replacing them. */
  readonly personRelations: readonly PersonRelation[];
  readonly rabat: readonly RabatWorksheet[];
  readonly experts: ExpertsFile;
  readonly caseFacts: CaseFacts;
  /** The current part digest of each expert (what a signature must still match). */
  readonly expertDigests: Readonly<Record<string, string>>;
  /** The custody log, where each expert act and `case.set` is found by its entry. */
  readonly log: readonly LogEntry[];
  /**
   * Where the streamed lists are kept when given (a spill to disk): each is then made once, as
   * `keepList` consumes it, and replayed for every later pass; without it, each pass makes them afresh.
   */
  readonly keepList?: <T>(chunks: Iterable<readonly T[]>, itemShape?: JsonShape) => KeptChunks<T>;
  /**
   * Where two lists made together are kept, chunk beside chunk, in one pass: with no decision
   * recorded, the unreviewed candidates and their excerpts (each run's made as it passes).
   */
  readonly keepPairs?: (pairs: Iterable<readonly [readonly FindingView[], readonly SourceExcerpt[]]>, shapes: readonly [JsonShape, JsonShape]) => readonly [KeptChunks<FindingView>, KeptChunks<SourceExcerpt>];
  /**
   * With no decision recorded: the two lists made and kept already, from `findings` in parts
   * ({@link candidateRunsWithExcerpts} over each part, the report's list threads), with the number
   * of candidates; `findings` is then not read.
   */
  readonly madeLists?: MadeLists;
}

/** The unreviewed candidates and their excerpts, kept, and how many candidates there are (see `ConclusionInputs.madeLists`). */
export interface MadeLists {
  readonly candidates: number;
  readonly unreviewed: KeptChunks<FindingView>;
  readonly excerpts: KeptChunks<SourceExcerpt>;
}

/**
 * The citation line of each citation read: the findings of one lexicon entry share its citation
 * (one object, from their analysis file's header), so its line is one string for all of them, made
 * once, and a format that escapes it escapes it once (`findingRow`, `markdownRows`).
 */
const citationLines = new WeakMap<NonNullable<Finding['citation']>, string>();

function citationLine(citation: NonNullable<Finding['citation']>): string {
  const made = () => `${citation.lexicon} ${citation.lexiconVersion}, ${citation.entryId}: ${citation.source}`;
  // A citation that is not an object (an analysis file written by hand) is worded as always, and not kept.
  if (typeof citation !== 'object') return made();
  let line = citationLines.get(citation);
  if (line === undefined) citationLines.set(citation, (line = made()));
  return line;
}

function findingView(finding: Finding, decision: ReviewDecision | undefined): FindingView {
  const citation = finding.citation ? citationLine(finding.citation) : null;
  // Members in code-unit order, as canonical JSON writes them: the kept lists write a view as it is, without a reordered copy.
  return {
    actual: finding.actual,
    analysis: finding.analysis,
    author: finding.author ?? null,
    category: finding.category,
    citation,
    column: finding.place.column,
    countervailing: finding.countervailing,
    decisionReason: decision?.reason ?? null,
    documentId: finding.place.documentId,
    evidenceName: finding.place.evidenceName,
    evidenceSha256: finding.place.evidenceSha256,
    id: finding.id,
    ...(finding.place.image ? { image: finding.place.image } : {}),
    left: finding.context.left,
    line: finding.place.line,
    mainstreamMeaning: finding.mainstreamMeaning ?? null,
    matched: finding.matched ?? null,
    media: finding.place.media ?? null,
    messageId: finding.place.messageId ?? null,
    note: finding.note ?? null,
    originalAuthor: finding.originalAuthor ?? null,
    page: finding.place.page ?? null,
    questionIds: decision?.decision === 'accepted' ? decision.questionIds : [],
    range: [finding.place.range[0], finding.place.range[1]],
    reason: finding.reason,
    right: finding.context.right,
    ruleId: finding.ruleId,
    segmentId: finding.place.segmentId,
    subcategory: finding.subcategory ?? null,
    unit: finding.unit ?? `${finding.place.documentId}#${finding.place.messageId ?? finding.place.segmentId}`,
    voice: decision?.voice ?? finding.voice,
    voiceChange: decision?.voice && decision.voice !== finding.voice ? { actor: decision.actor, from: finding.voice, reason: decision.voiceReason ?? decision.reason } : null,
  };
}

/** A streamed list kept by `keepList`: its chunks afresh on every call, and each chunk's canonical JSON as kept (for the digest). */
export interface KeptChunks<T> {
  readonly chunks: () => Iterable<readonly T[]>;
  /** Each chunk's canonical JSON (a JSON array), UTF-8, in the order of `chunks`. */
  readonly canonicalChunks: () => Iterable<Uint8Array>;
}

/** The model's lists that grow with the case: rendered in parts, one document's chunk at a time, never held whole. */
export const STREAMED_LISTS = ['unreviewed', 'excerpts'] as const;
export type StreamedList = (typeof STREAMED_LISTS)[number];

/** Everything a conclusion shows but the lists that grow with the case. */
export type ConclusionHead = Omit<ConclusionModel, StreamedList>;

/**
 * The conclusion in parts: the head (held: it grows with the examiner's records, not the case)
 * and the streamed lists, each a function that yields its items afresh, chunk by chunk, in the
 * order of the whole model's list.
 */
export interface ConclusionParts {
  readonly head: ConclusionHead;
  /** The unreviewed candidates, in finding order, one run of one document's at a time. */
  readonly unreviewed: () => Iterable<readonly FindingView[]>;
  /** The source excerpts: first those of the units holding a reviewed candidate, then one document's others at a time. */
  readonly excerpts: () => Iterable<readonly SourceExcerpt[]>;
  /** When the lists were kept (`keepList`): each one's chunks as canonical JSON, so the digest hashes them without making them again. */
  readonly canonical?: Readonly<Record<StreamedList, () => Iterable<Uint8Array>>>;
}

/** The whole model of parts (PDF, DOCX and the tests hold it; the text formats render in parts). */
export function wholeModel(parts: ConclusionParts): ConclusionModel {
  return { ...parts.head, unreviewed: [...parts.unreviewed()].flat(), excerpts: [...parts.excerpts()].flat() };
}

/** Parts of a whole model: each streamed list cut where its document changes, as `assembleConclusionParts` cuts it. */
export function partsOfModel(model: ConclusionModel): ConclusionParts {
  const { unreviewed, excerpts, ...head } = model;
  return { head, unreviewed: () => runsByDocument(unreviewed), excerpts: () => runsByDocument(excerpts) };
}

/** A list cut into runs of one document's items (items that hold the document id). */
function* runsByDocument<T extends { readonly documentId: string }>(items: Iterable<T>): Generator<T[]> {
  let run: T[] = [];
  for (const item of items) {
    if (run.length > 0 && run[0]!.documentId !== item.documentId) {
      yield run;
      run = [];
    }
    run.push(item);
  }
  if (run.length > 0) yield run;
}

/** Builds the conclusion model; pure, so the same records always give the same conclusion. */
export function assembleConclusion(inputs: ConclusionInputs): ConclusionModel {
  return wholeModel(assembleConclusionParts(inputs));
}

/**
 * Builds the conclusion in parts; pure. The unreviewed candidates and the excerpts are made from
 * `inputs.findings` (in finding order, so one document's are together) one document at a time,
 * each time they are asked for; `documentText` is asked for a document once per pass.
 */
export function assembleConclusionParts(inputs: ConclusionInputs): ConclusionParts {
  const { language } = inputs;
  const decisions = new Map(inputs.decisions.map((decision) => [decision.findingId, decision]));
  const accepted: FindingView[] = [];
  const rejected: FindingView[] = [];
  let candidates = 0;
  let unreviewedCount = 0;
  /** The one pass over the findings the head needs; it makes the unreviewed candidates' views as it goes. */
  function* headPass(): Generator<FindingView> {
    for (const finding of inputs.findings) {
      candidates += 1;
      const decision = decisions.get(finding.id);
      if (!decision) {
        unreviewedCount += 1;
        yield findingView(finding, undefined);
      } else if (decision.decision === 'accepted') accepted.push(findingView(finding, decision));
      else rejected.push(findingView(finding, decision));
    }
  }
  const runs = runsByDocument(headPass());
  const made = inputs.decisions.length === 0 ? inputs.madeLists : undefined;
  if (made) candidates = unreviewedCount = made.candidates;
  // With no decision recorded no unit holds a reviewed candidate, so each run's excerpts are its
  // own: made as the run passes, not in a second pass over the kept candidates.
  const keptTogether = made ? ([made.unreviewed, made.excerpts] as const) : inputs.keepPairs && inputs.decisions.length === 0 ? inputs.keepPairs(withExcerpts(runs, inputs.documentText), [FINDING_VIEW_SHAPE, SOURCE_EXCERPT_SHAPE]) : undefined;
  const keptUnreviewed = keptTogether?.[0] ?? inputs.keepList?.(runs, FINDING_VIEW_SHAPE);
  const unreviewed = keptUnreviewed ? keptUnreviewed.chunks : afterPass(headPass(), () => runsByDocument(unreviewedViews(inputs.findings, decisions)));
  const objects = inputs.evidence
    .map((record) => ({ evidenceName: record.originalName, evidenceSha256: record.sha256, findings: accepted.filter((finding) => finding.evidenceSha256 === record.sha256) }))
    .filter((object) => object.findings.length > 0);
  const orphans = accepted.filter((finding) => !inputs.evidence.some((record) => record.sha256 === finding.evidenceSha256));
  if (orphans.length > 0) objects.push({ evidenceName: orphans[0]!.evidenceName, evidenceSha256: orphans[0]!.evidenceSha256, findings: orphans });

  const recordOf = (id: string) => inputs.statuses.find((status) => status.id === id)?.record;
  const field = (step: string, key: string) => {
    const value = recordOf(step)?.fields[key];
    return recordOf(step)?.status === 'done' && value !== undefined && value !== '' ? value : null;
  };
  const sop: SopStepView[] = inputs.statuses.map((status) => ({
    number: status.number,
    id: status.id,
    title: status.title[language],
    kind: status.kind,
    state: status.state,
    afterFinal: status.afterFinal,
    requiredForFinal: status.requiredForFinal,
    actor: status.actor ?? null,
    logSeq: status.logSeq ?? null,
    skip:
      status.state === 'skipped' && status.record?.skip
        ? { reasonId: status.record.skip.reasonId, reason: inputs.procedure.skipReasons.find((reason) => reason.id === status.record!.skip!.reasonId)?.title[language] ?? status.record.skip.reasonId, decidedBy: status.record.skip.decidedBy }
        : null,
    note: status.record?.note ?? null,
    fields: Object.keys(status.record?.fields ?? {})
      .sort(compareCodeUnits)
      .map((key) => ({ key, value: status.record!.fields[key]! })),
    files: status.record?.files ?? [],
    expertId: status.record?.expertId ?? null,
  }));

  const head: ConclusionHead = {
    schema: CONCLUSION_SCHEMA,
    language,
    final: inputs.final,
    openSteps: inputs.statuses
      .filter((status) => !status.afterFinal && (status.state === 'open' || status.state === 'blocked'))
      .map((status) => ({ number: status.number, id: status.id, title: status.title[language] })),
    case: inputs.metadata,
    ...expertsView({
      experts: inputs.experts,
      caseFacts: inputs.caseFacts,
      expertDigests: inputs.expertDigests,
      log: inputs.log,
      orderingBody: inputs.metadata.orderingBody,
      orderDate: inputs.metadata.orderDate,
      steps: inputs.statuses.map((status) => ({ title: status.title[language], ...(status.record ? { record: status.record } : {}) })),
      questions: inputs.questions,
    }),
    intro: {
      institution: field('acknowledgement', 'institution'),
      qualification: field('acknowledgement', 'qualification'),
      experience: field('acknowledgement', 'experience'),
      place: field('acknowledgement', 'place'),
      present: field('packaging', 'present'),
      translator: field('language', 'translator'),
    },
    liability: liabilityView(inputs, language, sop),
    tool: {
      version: inputs.manifest.tool.version,
      node: inputs.manifest.runtime.node,
      lockfileSha256: inputs.manifest.lockfileSha256,
      dependencies: Object.keys(inputs.manifest.dependencies)
        .sort(compareCodeUnits)
        .map((name) => ({ name, version: inputs.manifest.dependencies[name]! })),
    },
    procedure: { id: inputs.procedure.id, version: inputs.procedure.version, title: inputs.procedure.title[language], file: inputs.procedure.file },
    templates: inputs.templates.filter((file) => !inputs.manifest.data.some((data) => data.path === file.path && data.sha256 === file.sha256)),
    analyses: inputs.analyses,
    selection: inputs.selection,
    evidence: inputs.evidence.map((record) => withMediaSummary(record, inputs.evidence, inputs.documents.map(({ doc }) => doc))),
    relations: inputs.evidence.map((record) => {
      const related = inputs.itemRelations.find((candidate) => candidate.evidenceSha256 === record.sha256);
      return { evidenceName: record.originalName, evidenceSha256: record.sha256, relation: related?.relation ?? null, note: related?.note ?? null, actor: related?.actor ?? null };
    }),
    persons: personViews(inputs, accepted),
    documents: inputs.documents.map(({ doc, sha256: hash }) => ({ id: doc.id, evidenceName: doc.evidenceName, format: doc.format, segments: doc.segmentCount, sha256: hash, notices: doc.notices })),
    overview: inputs.overview,
    questions: [...inputs.questions]
      .sort((a, b) => compareQuestionIds(a.id, b.id))
      .map((question, index) => ({
        id: question.id,
        number: index + 1,
        text: question.text,
        language: question.language,
        flagged: question.guard.flagged,
        guardMatches: question.guard.matches.map((match) => ({ matched: match.matched, reason: match.reason, sources: match.sources })),
        suggestions: question.guard.suggestions,
        disposition: dispositionView(question.disposition),
        answer: answerOf(inputs, question.id),
        answerLegalWording: (inputs.answers[question.id]?.legalWording ?? []).map((match) => ({ matched: match.matched, patternId: match.patternId, reason: match.reason })),
        answerOverride:
          question.answerOverride && question.answerOverride.answerSha256 === inputs.answers[question.id]?.sha256 ? { reason: question.answerOverride.reason, actor: question.answerOverride.actor } : null,
        findingIds: accepted.filter((finding) => finding.questionIds.includes(question.id)).map((finding) => finding.id),
        answeredBy: expertName(inputs.experts, question.answeredBy),
      })),
    objects,
    profile: inputs.profileRows
      ? inputs.profileRows.map((row) => ({
          unit: row.unit,
          key: row.key,
          tokens: row.tokens,
          rates: Object.keys(row.rates)
            .sort(compareCodeUnits)
            .filter((category) => (row.rates[category] ?? 0) !== 0)
            .map((category) => ({ category, rate: row.rates[category]! })),
        }))
      : null,
    sop,
    // Worksheets of an earlier soz may hold the court's parts: shown as recorded, never dropped.
    rabat: inputs.rabat.map((sheet) => ({ findingIds: sheet.findingIds, parts: [...RABAT_FIELDS, ...RABAT_COURT_PARTS].filter((key) => sheet.parts[key] !== undefined).map((key) => ({ key, value: sheet.parts[key]! })) })),
    counts: { candidates, accepted: accepted.length, rejected: rejected.length, unreviewed: unreviewedCount },
    rejected,
    knownMaterial: knownMaterialView(inputs.comparison, inputs.evidence, inputs.decisions),
    labList: inputs.labList,
    ngramCap: inputs.ngramCap,
    manifest: { sha256: inputs.manifestSha256, data: inputs.manifest.data, inputs: inputs.manifest.inputs, outputs: inputs.manifest.outputs },
    recordHead: formatLogHead(inputs.recordHead),
  };
  if (keptTogether) return { head, unreviewed, excerpts: keptTogether[1].chunks, canonical: { unreviewed: keptTogether[0].canonicalChunks, excerpts: keptTogether[1].canonicalChunks } };
  const reviewed = [...accepted, ...rejected];
  if (!keptUnreviewed || !inputs.keepList) return { head, unreviewed, excerpts: () => excerptsInParts(inputs.documentText, reviewed, unreviewed) };
  const keptExcerpts = inputs.keepList(excerptsInParts(inputs.documentText, reviewed, unreviewed), SOURCE_EXCERPT_SHAPE);
  return { head, unreviewed, excerpts: keptExcerpts.chunks, canonical: { unreviewed: keptUnreviewed.canonicalChunks, excerpts: keptExcerpts.canonicalChunks } };
}

/**
 * With no decision recorded: the candidates' views one document's run at a time, each with the
 * excerpts of its units — the pairs the two lists are kept from (`keepPairs`); for a part of the
 * findings in finding order, the pairs of that part (the report's list threads make one part each).
 */
export function candidateRunsWithExcerpts(findings: Iterable<Finding>, documentText: ConclusionInputs['documentText']): Iterable<[FindingView[], SourceExcerpt[]]> {
  return withExcerpts(runsByDocument(unreviewedViews(findings, new Map())), documentText);
}

/** Each run of unreviewed candidates with the excerpts of its units (every candidate in them unreviewed). */
function* withExcerpts(runs: Iterable<FindingView[]>, documentText: ConclusionInputs['documentText']): Generator<[FindingView[], SourceExcerpt[]]> {
  for (const run of runs) yield [run, sourceExcerpts(documentText, run)];
}

/** Runs `pass` to its end (for what it gathers on the way), then gives `list`. */
function afterPass<T, L>(pass: Iterable<T>, list: L): L {
  const iterator = pass[Symbol.iterator]();
  while (iterator.next().done !== true) continue;
  return list;
}

/** The views of the candidates no decision covers, one at a time. */
function* unreviewedViews(findings: Iterable<Finding>, decisions: ReadonlyMap<string, ReviewDecision>): Generator<FindingView> {
  for (const finding of findings) if (!decisions.has(finding.id)) yield findingView(finding, undefined);
}

/**
 * The excerpts of `sourceExcerpts(documentText, [...reviewed, ...unreviewed])`, in its order, in
 * parts: the units a reviewed candidate lies in come first (with every candidate in them), then
 * the other units one document's run at a time.
 */
function* excerptsInParts(documentText: ConclusionInputs['documentText'], reviewed: readonly FindingView[], unreviewed: () => Iterable<readonly FindingView[]>): Generator<SourceExcerpt[]> {
  const reviewedUnits = new Set(reviewed.map((finding) => finding.unit));
  const inReviewedUnits: FindingView[] = [];
  if (reviewedUnits.size > 0) for (const run of unreviewed()) inReviewedUnits.push(...run.filter((finding) => reviewedUnits.has(finding.unit)));
  yield sourceExcerpts(documentText, [...reviewed, ...inReviewedUnits]);
  for (const run of unreviewed()) {
    const others = run.filter((finding) => !reviewedUnits.has(finding.unit));
    if (others.length > 0) yield sourceExcerpts(documentText, others);
  }
}

/** The per-person table: each person's relations grouped by kind, with the accepted findings in each. */
function personViews(inputs: ConclusionInputs, accepted: readonly FindingView[]): PersonView[] {
  const locations = accepted.map((finding) => ({ id: finding.id, documentId: finding.documentId, segmentId: finding.segmentId, messageId: finding.messageId }));
  return inputs.persons.map((person) => ({
    id: person.id,
    name: person.name,
    handles: person.handles,
    note: person.note,
    rows: personRows(person.id, inputs.personRelations, locations).map((row) => ({
      relation: row.relation,
      count: row.relations.length,
      places: row.relations.map((relation): PersonPlaceView => {
        const where = { evidenceName: relation.evidenceName, documentId: relation.documentId, messageId: relation.messageId ?? null, segmentId: relation.segmentId ?? null };
        return relation.by === 'data' ? { ...where, by: 'data', basis: relation.basis } : { ...where, by: 'examiner', reason: relation.reason, actor: relation.actor };
      }),
      findingIds: row.findingIds,
      notTheirWords: row.relation !== 'author',
    })),
  }));
}

/** `E1 name` of an expert id, or null. */
function expertName(experts: ExpertsFile, id: string | undefined): string | null {
  if (id === undefined) return null;
  const expert = experts.experts.find((candidate) => candidate.id === id);
  return expert ? `${expert.id} ${expert.name}` : id;
}

/**
 * A disposition as the conclusion shows it. Cases recorded before consent was a document kept it
 * as free text: it is shown as the reference with no date, which `finalProblems` does not accept.
 */
function dispositionView(disposition: QuestionDisposition): QuestionDisposition {
  if (disposition.status !== 'reformulated' || typeof disposition.consent === 'object') return disposition;
  return { ...disposition, consent: { reference: String(disposition.consent), date: '' } };
}

function answerOf(inputs: ConclusionInputs, questionId: string): QuestionView['answer'] {
  const answer = inputs.answers[questionId];
  return answer ? { path: answer.path, sha256: answer.sha256, text: answer.text } : null;
}

/** The liability block's facts: the acknowledgement as logged, the lab's statutes, the translator. */
function liabilityView(inputs: ConclusionInputs, language: ReportLanguage, sop: readonly SopStepView[]): ConclusionModel['liability'] {
  const acknowledgement = sop.find((step) => step.id === 'acknowledgement');
  const languageStep = inputs.statuses.find((status) => status.id === 'language');
  const translator = languageStep?.record?.status === 'done' ? (languageStep.record.fields['translator'] ?? '').trim() : '';
  const warning = languageStep?.record?.fields['translatorWarning']?.trim() ?? '';
  return {
    acknowledgement:
      acknowledgement && acknowledgement.state === 'done' && acknowledgement.logSeq !== null
        ? { examiner: inputs.metadata.examiner, recordedBy: acknowledgement.actor ?? inputs.metadata.examiner, logSeq: acknowledgement.logSeq }
        : null,
    statutes: inputs.liability.data.statutes.map((statute) => ({
      id: statute.id,
      role: statute.role,
      act: statute.act[language],
      article: statute.article.trim() === '' ? null : statute.article.trim(),
      heading: statute.heading[language],
      source: statute.source[language],
    })),
    version: inputs.liability.data.version,
    file: inputs.liability.file,
    translator: translator !== '' && translator !== NO_TRANSLATOR ? { name: translator, warning: warning === '' ? null : warning } : null,
  };
}

/** Digest of a conclusion for formats without a text digest line (PDF, DOCX): SHA-256 of the model's canonical JSON. */
export function modelDigest(model: ConclusionModel): string {
  return sha256(canonicalJson(model));
}

/**
 * `modelDigest` of the whole model, from its parts: the canonical JSON is hashed as it is
 * written, each streamed list in a pass over it — over the canonical JSON the lists were kept as
 * when they were (`parts.canonical`: no item is parsed or serialised again), else item by item.
 */
export function partsDigest(parts: ConclusionParts): string {
  const hash = sha256Hasher();
  const head = parts.head as Readonly<Record<string, unknown>>;
  const keys = [...Object.keys(head).filter((key) => head[key] !== undefined), ...STREAMED_LISTS].sort(compareCodeUnits);
  hash.update('{');
  keys.forEach((key, index) => {
    hash.update(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`);
    const list = STREAMED_LISTS.find((name) => name === key);
    if (list === undefined) {
      hash.update(canonicalJson(head[key]));
      return;
    }
    hash.update('[');
    hashListItems(hash, parts.canonical?.[list]() ?? canonicalOfChunks(parts[list]()));
    hash.update(']');
  });
  hash.update('}');
  return hash.hex();
}

/** Each chunk's canonical JSON, made from its items. */
function* canonicalOfChunks(chunks: Iterable<readonly unknown[]>): Generator<string> {
  for (const chunk of chunks) yield canonicalJson(chunk);
}

/** Hashes the items of JSON arrays (`[a,b]`, `[c]`) as the one array's items (`a,b,c`). */
function hashListItems(hash: ReturnType<typeof sha256Hasher>, chunks: Iterable<string | Uint8Array>): void {
  let separator = '';
  for (const chunk of chunks) {
    if (chunk.length <= 2) continue;
    hash.update(separator);
    hash.update(typeof chunk === 'string' ? chunk.slice(1, -1) : chunk.subarray(1, chunk.length - 1));
    separator = ',';
  }
}

/**
 * Problems of the questions, answers and review that stop a `--final` report, each naming what to
 * do; empty when they allow it. (Unmet SOP steps are checked by `unmetForFinal` in `src/sop/`.)
 */
export function finalProblems(model: ConclusionHead): Said[] {
  const problems: Said[] = [];
  if (model.questions.length === 0) problems.push(said('no questions registered — add each with soz question add DIR "…"', 'final.no-questions'));
  for (const question of model.questions) {
    const { id } = question;
    const { status } = question.disposition;
    if (status === 'open') problems.push(said(`question ${id} has no decision — soz question decide DIR ${id} …`, 'final.question-open', { id }));
    if (status === 'answered' && question.flagged) {
      problems.push(said(`question ${id} asks for a legal qualification and is marked answered as put — reformulate it with consent (soz question decide DIR ${id} --reformulated "…" --consent-ref "№ …" --consent-date YYYY-MM-DD) or decline it`, 'final.question-legal', { id }));
    }
    if (question.disposition.status === 'reformulated' && !(/\p{Nd}/u.test(question.disposition.consent.reference) && isCalendarDate(question.disposition.consent.date))) {
      problems.push(said(`question ${id} is reformulated without a dated consent document — soz question decide DIR ${id} --reformulated "…" --consent-ref "№ …" --consent-date YYYY-MM-DD`, 'final.question-no-consent', { id }));
    }
    if ((status === 'answered' || status === 'reformulated') && !question.answer) {
      problems.push(said(`question ${id} has no answer — write it and record it with soz question answer DIR ${id} --file ANSWER.md`, 'final.question-no-answer', { id }));
    }
    if (question.answer && question.answerLegalWording.length > 0 && !question.answerOverride) {
      const wording = question.answerLegalWording.map((match) => `«${match.matched}» ${match.patternId}`).join(', ');
      problems.push(
        said(`the answer to ${id} contains legal-qualification wording (${wording}) — revise it (soz question answer DIR ${id} --file …) or keep it with soz question override DIR ${id} --reason "…"`, 'final.answer-legal-wording', { id, wording }),
      );
    }
  }
  if (model.counts.unreviewed > 0) problems.push(said(`${model.counts.unreviewed} candidate finding(s) not reviewed — soz review DIR`, 'final.unreviewed', { count: model.counts.unreviewed }));
  if (model.liability.translator && !model.liability.translator.warning) {
    const { name } = model.liability.translator;
    problems.push(said(`translator ${name} is named but their warning of liability is not recorded — soz sop record DIR language --note "…" --field translator=… --field translatorWarning="signed warning, date"`, 'final.translator-not-warned', { name }));
  }
  return problems;
}
