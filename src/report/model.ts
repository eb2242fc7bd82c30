import type { SelectionView } from './selection.js';
import type { MediaSummary } from './media-summary.js';
import { withMediaSummary } from './media-summary.js';
/**
 * The conclusion model: everything the expert conclusion shows, assembled without I/O from the
 * case's records. Every renderer (Markdown, HTML, PDF, DOCX) reads only this, so the four formats
 * say the same; its canonical JSON is hashed to give the PDF/DOCX report digest. It holds no clock
 * time and no absolute path.
 */
import type { CaseMetadata, EvidenceRecord, HashedFile, ReportLanguage, RunManifest } from '../core/case.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import type { Notice, SozDocument } from '../core/document.js';
import type { QuestionDisposition, QuestionRecord, ReviewDecision } from '../core/examiner.js';
import type { Countervailing, Finding, MediaPlace, Voice } from '../core/finding.js';
import { sha256 } from '../core/hash.js';
import type { LanguageOverview } from '../analysis/language-overview.js';
import type { StepState, StepStatus } from '../sop/engine.js';
import { compareQuestionIds } from '../sop/review.js';

/** Schema tag of the model; bump when its shape changes. */
export const CONCLUSION_SCHEMA = 'soz.conclusion/1';

/** The six parts of the Rabat Plan of Action threshold test, in its order (facts only). */
export const RABAT_FIELDS = ['context', 'speaker', 'intent', 'contentForm', 'extent', 'likelihood'] as const;

/** A finding as the conclusion shows it: place, KWIC, source and, once reviewed, the decision. */
export interface FindingView {
  readonly id: string;
  readonly analysis: string;
  readonly ruleId: string;
  readonly category: string;
  readonly reason: string;
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
  readonly left: string;
  readonly actual: string;
  readonly right: string;
  readonly author: string | null;
  readonly voice: Voice;
  readonly countervailing: readonly Countervailing[];
  readonly note: string | null;
  readonly mainstreamMeaning: string | null;
  readonly citation: string | null;
  /** The examiner's reason (accepted or rejected findings). */
  readonly decisionReason: string | null;
  readonly questionIds: readonly string[];
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
  /** Accepted findings the answer rests on (ids, in finding order). */
  readonly findingIds: readonly string[];
}

/** One line of the SOP record. */
export interface SopStepView {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly kind: 'automated' | 'examiner';
  readonly state: StepState;
  readonly afterFinal: boolean;
  readonly actor: string | null;
  readonly note: string | null;
  readonly fields: readonly { readonly key: string; readonly value: string }[];
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly originalName: string }[];
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
  /** Introductory facts the examiner recorded in SOP steps; null where not recorded. */
  readonly intro: {
    readonly institution: string | null;
    readonly qualification: string | null;
    readonly experience: string | null;
    readonly place: string | null;
    readonly present: string | null;
    readonly translator: string | null;
    readonly acknowledged: boolean;
  };
  readonly tool: { readonly version: string; readonly node: string; readonly lockfileSha256: string; readonly dependencies: readonly { readonly name: string; readonly version: string }[] };
  readonly procedure: { readonly id: string; readonly version: string; readonly title: string; readonly file: HashedFile };
  readonly templates: readonly HashedFile[];
  readonly analyses: readonly { readonly analysis: string; readonly version: string; readonly findings: number }[];
  /** Which segments the analyses covered (null for cases analysed without a record of it). */
  readonly selection: SelectionView | null;
  /** Evidence in custody; `media` only where there is more to say (see `mediaSummary`). */
  readonly evidence: readonly (EvidenceRecord & { readonly media?: MediaSummary })[];
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
  /** The six Rabat parts as the examiner recorded them, or null when the step is not recorded. */
  readonly rabat: readonly { readonly key: (typeof RABAT_FIELDS)[number]; readonly value: string }[] | null;
  readonly counts: { readonly candidates: number; readonly accepted: number; readonly rejected: number; readonly unreviewed: number };
  readonly rejected: readonly FindingView[];
  readonly unreviewed: readonly FindingView[];
  readonly manifest: { readonly sha256: string; readonly data: readonly HashedFile[]; readonly inputs: readonly HashedFile[]; readonly outputs: readonly HashedFile[] };
}

/** Inputs of `assembleConclusion`: the records as read from the case folder and the installation. */
export interface ConclusionInputs {
  readonly language: ReportLanguage;
  readonly final: boolean;
  readonly metadata: CaseMetadata;
  readonly evidence: readonly EvidenceRecord[];
  readonly documents: readonly { readonly doc: SozDocument; readonly sha256: string }[];
  readonly overview: LanguageOverview | null;
  readonly analyses: readonly { readonly analysis: string; readonly version: string; readonly findings: number }[];
  /** Which segments the analyses covered (null for cases analysed without a record of it). */
  readonly selection: SelectionView | null;
  readonly profileRows: readonly { unit: string; key: string; tokens: number; rates: Readonly<Record<string, number>> }[] | null;
  readonly manifest: RunManifest;
  readonly manifestSha256: string;
  readonly procedure: { readonly id: string; readonly version: string; readonly title: Readonly<Record<ReportLanguage, string>>; readonly file: HashedFile };
  readonly templates: readonly HashedFile[];
  readonly statuses: readonly StepStatus[];
  readonly questions: readonly QuestionRecord[];
  readonly answers: Readonly<Record<string, { path: string; sha256: string; text: string }>>;
  readonly findings: readonly Finding[];
  readonly decisions: readonly ReviewDecision[];
}

function findingView(finding: Finding, decision: ReviewDecision | undefined): FindingView {
  const citation = finding.citation ? `${finding.citation.lexicon} ${finding.citation.lexiconVersion}, ${finding.citation.entryId}: ${finding.citation.source}` : null;
  return {
    id: finding.id,
    analysis: finding.analysis,
    ruleId: finding.ruleId,
    category: finding.category,
    reason: finding.reason,
    evidenceName: finding.place.evidenceName,
    evidenceSha256: finding.place.evidenceSha256,
    documentId: finding.place.documentId,
    segmentId: finding.place.segmentId,
    range: [finding.place.range[0], finding.place.range[1]],
    line: finding.place.line,
    column: finding.place.column,
    page: finding.place.page ?? null,
    messageId: finding.place.messageId ?? null,
    media: finding.place.media ?? null,
    left: finding.context.left,
    actual: finding.actual,
    right: finding.context.right,
    author: finding.author ?? null,
    voice: decision?.voice ?? finding.voice,
    countervailing: finding.countervailing,
    note: finding.note ?? null,
    mainstreamMeaning: finding.mainstreamMeaning ?? null,
    citation,
    decisionReason: decision?.reason ?? null,
    questionIds: decision?.decision === 'accepted' ? decision.questionIds : [],
  };
}

/** Builds the conclusion model; pure, so the same records always give the same conclusion. */
export function assembleConclusion(inputs: ConclusionInputs): ConclusionModel {
  const { language } = inputs;
  const decisions = new Map(inputs.decisions.map((decision) => [decision.findingId, decision]));
  const accepted: FindingView[] = [];
  const rejected: FindingView[] = [];
  const unreviewed: FindingView[] = [];
  for (const finding of inputs.findings) {
    const decision = decisions.get(finding.id);
    const view = findingView(finding, decision);
    if (!decision) unreviewed.push(view);
    else if (decision.decision === 'accepted') accepted.push(view);
    else rejected.push(view);
  }
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
  const rabatRecord = recordOf('rabat');
  const sop: SopStepView[] = inputs.statuses.map((status) => ({
    number: status.number,
    id: status.id,
    title: status.title[language],
    kind: status.kind,
    state: status.state,
    afterFinal: status.afterFinal,
    actor: status.actor ?? null,
    note: status.record?.note ?? null,
    fields: Object.keys(status.record?.fields ?? {})
      .sort(compareCodeUnits)
      .map((key) => ({ key, value: status.record!.fields[key]! })),
    files: status.record?.files ?? [],
  }));

  return {
    schema: CONCLUSION_SCHEMA,
    language,
    final: inputs.final,
    openSteps: inputs.statuses
      .filter((status) => !status.afterFinal && (status.state === 'open' || status.state === 'blocked'))
      .map((status) => ({ number: status.number, id: status.id, title: status.title[language] })),
    case: inputs.metadata,
    intro: {
      institution: field('acknowledgement', 'institution'),
      qualification: field('acknowledgement', 'qualification'),
      experience: field('acknowledgement', 'experience'),
      place: field('acknowledgement', 'place'),
      present: field('packaging', 'present'),
      translator: field('language', 'translator'),
      acknowledged: recordOf('acknowledgement')?.status === 'done',
    },
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
    documents: inputs.documents.map(({ doc, sha256: hash }) => ({ id: doc.id, evidenceName: doc.evidenceName, format: doc.format, segments: doc.segments.length, sha256: hash, notices: doc.notices })),
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
        disposition: question.disposition,
        answer: inputs.answers[question.id] ?? null,
        findingIds: accepted.filter((finding) => finding.questionIds.includes(question.id)).map((finding) => finding.id),
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
    rabat: rabatRecord && rabatRecord.status === 'done' ? RABAT_FIELDS.map((key) => ({ key, value: rabatRecord.fields[key] ?? '' })) : null,
    counts: { candidates: inputs.findings.length, accepted: accepted.length, rejected: rejected.length, unreviewed: unreviewed.length },
    rejected,
    unreviewed,
    manifest: { sha256: inputs.manifestSha256, data: inputs.manifest.data, inputs: inputs.manifest.inputs, outputs: inputs.manifest.outputs },
  };
}

/** Digest of a conclusion for formats without a text digest line (PDF, DOCX): SHA-256 of the model's canonical JSON. */
export function modelDigest(model: ConclusionModel): string {
  return sha256(canonicalJson(model));
}

/** Problems that stop a `--final` report, each naming what to do; empty when it may be final. */
export function finalProblems(model: ConclusionModel): string[] {
  const problems: string[] = [];
  if (model.openSteps.length > 0) problems.push(`open SOP steps: ${model.openSteps.map((step) => `${step.number} ${step.id}`).join(', ')} — record each with soz sop record DIR STEP --note "…" or skip it with --skip --reason "…"`);
  if (model.questions.length === 0) problems.push('no questions registered — add each with soz question add DIR "…"');
  for (const question of model.questions) {
    if (question.disposition.status === 'open') problems.push(`question ${question.id} has no decision — soz question decide DIR ${question.id} …`);
    if ((question.disposition.status === 'answered' || question.disposition.status === 'reformulated') && !question.answer) {
      problems.push(`question ${question.id} has no answer — write it and record it with soz question answer DIR ${question.id} --file ANSWER.md`);
    }
  }
  if (model.counts.unreviewed > 0) problems.push(`${model.counts.unreviewed} candidate finding(s) not reviewed — soz review DIR`);
  return problems;
}
