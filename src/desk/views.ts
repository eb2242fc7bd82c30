/**
 * What the desk shows, read from the case with the same functions as the CLI: the case summary,
 * documents with their segments, candidates with the examiner's decisions, the procedure, and a
 * concordance. Readers only: nothing here writes to the case.
 */
import type { ReportLanguage } from '../core/case.js';
import { UserError } from '../core/errors.js';
import { formatMessage } from '../core/messages.js';
import type { MessageRef } from '../core/messages.js';
import { readCliCatalogue } from '../pipeline/cli-catalogue.js';
import { DeskError } from './errors.js';
import type { SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { CaseWorkspace } from '../case/workspace.js';
import { readDerivedDocuments } from '../case/records.js';
import { collocates, corpusUnits, kwic } from '../analysis/corpus.js';
import { ITEM_RELATIONS, RABAT_FIELDS } from '../core/examiner.js';
import type { QuestionDisposition } from '../core/examiner.js';
import { answerLegalWording, caseSopStatus, readAnswer, readExperts, readRabat, uncoveredStatements, readCaseFindings, readItemRelations, readPersonRelations, readQuestions, readReview } from '../pipeline/examiner.js';
import { stepForms } from '../pipeline/sop-steps.js';
import { wholePicture } from '../pipeline/ocr-crops.js';
import { pdfPagePicture, pdfPageRegion } from '../pipeline/pdf-page.js';
import { buildConclusion, readLabels } from '../pipeline/report.js';
import { expertDigests, readCaseFacts } from '../pipeline/experts.js';
import { CASE_FACT_KEYS, CASE_FACTS_REQUIRED } from '../core/experts.js';
import type { CaseFacts } from '../core/experts.js';
import type { CaseFact, Candidate, CaseSummary, Concordance, DocumentSummary, DocumentView, PageRegion, Procedure } from './wire.js';

/** The case at a glance. */
export function caseSummary(workspace: CaseWorkspace): CaseSummary {
  const candidates = candidateViews(workspace);
  return {
    caseNumber: workspace.metadata.caseNumber,
    examiner: workspace.metadata.examiner,
    reportLanguage: workspace.metadata.reportLanguage,
    documents: readDerivedDocuments(workspace).length,
    candidates: candidates.length,
    reviewed: candidates.filter((candidate) => candidate.status !== 'open').length,
    // What an accepted finding may bear on (the conclusion lists accepted findings under these).
    questions: readQuestions(workspace).map((question) => ({ id: question.id, text: question.text })),
  };
}

/**
 * Every candidate of the case in the findings' stable order, with its review status, the date of
 * its message (for the date filter) and, for text read by OCR, the box of each of its words.
 */
export function candidateViews(workspace: CaseWorkspace): Candidate[] {
  const decisions = new Map(readReview(workspace).map((decision) => [decision.findingId, decision]));
  const segments = new Map(readDerivedDocuments(workspace).flatMap((doc) => doc.segments.map((segment) => [`${doc.id}\n${segment.id}`, segment] as const)));
  return readCaseFindings(workspace).map((finding) => {
    const decision = decisions.get(finding.id);
    const segment = segments.get(`${finding.place.documentId}\n${finding.place.segmentId}`);
    const date = segment?.message?.timestamp.iso ?? undefined;
    const [start, end] = finding.place.range;
    const wordBoxes = finding.place.image ? (segment?.words ?? []).filter((word) => word.range[0] < end && start < word.range[1]).map((word) => word.box) : [];
    const place = { ...(date !== undefined ? { date } : {}), ...(wordBoxes.length > 0 ? { wordBoxes } : {}) };
    if (!decision) return { finding, status: 'open', questionIds: [], ...place };
    return {
      finding,
      status: decision.decision,
      reason: decision.reason,
      questionIds: decision.questionIds,
      ...(decision.voice ? { examinerVoice: decision.voice, voiceReason: decision.voiceReason ?? '' } : {}),
      ...place,
    };
  });
}

/** The documents of the case without their text: id, evidence file, size, segment count. */
export function documentList(workspace: CaseWorkspace): DocumentSummary[] {
  return readDerivedDocuments(workspace).map((doc) => ({ id: doc.id, evidenceName: doc.evidenceName, characters: doc.text.length, segments: doc.segments.length }));
}

/**
 * One document's text and its segments with what the examiner needs beside a chat message:
 * author, time, role, the message it replies to, and forward origin.
 */
export function documentView(workspace: CaseWorkspace, id: string): DocumentView {
  const doc = readDerivedDocuments(workspace).find((candidate) => candidate.id === id);
  if (!doc) throw new DeskError(`no document ${id} in the case`, 'desk.unknown-document', { id });
  return {
    id: doc.id,
    evidenceName: doc.evidenceName,
    text: doc.text,
    segments: doc.segments.map((segment) => ({
      id: segment.id,
      range: segment.range,
      ...(segment.anchor.page !== undefined ? { page: segment.anchor.page } : {}),
      ...(segment.author !== undefined ? { author: segment.author } : {}),
      ...(segment.message
        ? {
            messageId: segment.message.messageId,
            author: segment.message.author.name,
            time: segment.message.timestamp.iso ?? segment.message.timestamp.raw,
            role: segment.message.role,
            ...(segment.message.replyTo !== undefined ? { replyTo: segment.message.replyTo } : {}),
            ...(segment.message.forwardedFrom ? { forwardedFrom: segment.message.forwardedFrom.name } : {}),
          }
        : {}),
    })),
  };
}

/**
 * The procedure panel: the SOP checklist (titles in `language`), the questions with the guard's
 * result and the examiner's decision, and what still blocks a final conclusion (the same check
 * `soz report --final` makes; empty when a final could be rendered).
 */
export function procedureView(workspace: CaseWorkspace, language: ReportLanguage): Procedure {
  const { statuses, procedureId, procedureVersion } = caseSopStatus(workspace);
  const forms = new Map(stepForms(language).map((form) => [form.id, form]));
  const questions = readQuestions(workspace).map((question) => {
    const answer = readAnswer(workspace, question.id);
    return {
      id: question.id,
      text: question.text,
      flagged: question.guard.flagged,
      guardMatches: question.guard.matches.map((match) => match.matched),
      disposition: question.disposition.status,
      ...dispositionDetail(question.disposition),
      ...(answer ? { answer: answer.text, answerSha256: answer.sha256 } : {}),
      answerLegalWording: answerLegalWording(answer).map((match) => match.matched),
      ...(question.answerOverride ? { answerOverride: question.answerOverride.reason } : {}),
    };
  });
  return {
    procedure: `${procedureId} ${procedureVersion}`,
    steps: statuses.map((status) => {
      const form = forms.get(status.id)!;
      return {
        number: status.number,
        id: status.id,
        title: status.title[language],
        kind: status.kind,
        state: status.state,
        requiredForFinal: status.requiredForFinal,
        afterFinal: status.afterFinal,
        waitingFor: status.waitingFor,
        fields: form.fields,
        optionalFields: form.optionalFields,
        skipReasons: form.skipReasons,
        ...(status.actor !== undefined ? { actor: status.actor } : {}),
        ...(status.record
          ? { record: { note: status.record.note, fields: status.record.fields, files: status.record.files.map(({ originalName, sha256 }) => ({ originalName, sha256 })), ...(status.record.skip ? { skipReason: status.record.skip.reasonId } : {}) } }
          : {}),
      };
    }),
    questions,
    items: itemRelations(workspace),
    relations: ITEM_RELATIONS,
    facts: caseFacts(workspace, language),
    ...expertsOf(workspace, language),
    rabat: rabatOf(workspace, language),
    blocksFinal: finalBlockers(workspace, language),
  };
}

/** The experts with their acknowledgement and whether their signature is current, the joint section, the specialities named. */
function expertsOf(workspace: CaseWorkspace, language: ReportLanguage): Pick<Procedure, 'experts' | 'joint' | 'specialities'> {
  const file = readExperts(workspace);
  const digests = expertDigests(workspace, file);
  const experts = file.experts.map(({ acknowledgement, signature, ...who }) => ({
    ...who,
    ...(acknowledgement ? { acknowledgement: acknowledgement.note } : {}),
    signature: !signature ? ('none' as const) : signature.partDigest === digests[who.id] ? ('current' as const) : ('stale' as const),
  }));
  const joint = file.joint ? { conclusions: file.joint.conclusions, dissents: file.joint.dissents.map((dissent) => ({ expertId: dissent.expertId, text: dissent.text })) } : null;
  return { experts, joint, specialities: Object.entries(readLabels(language).specialities).map(([value, name]) => ({ value, name })) };
}

/** The Rabat worksheets with the parts named in `language`, and which accepted findings none covers. */
function rabatOf(workspace: CaseWorkspace, language: ReportLanguage): Procedure['rabat'] {
  const labels = readLabels(language);
  const uncovered = uncoveredStatements(workspace);
  return {
    heading: labels.rabatHeading,
    intro: labels.rabatIntro,
    parts: RABAT_FIELDS.map((key) => ({ key, name: labels[`rabat_${key}`] })),
    worksheets: readRabat(workspace).map((sheet) => ({ findingIds: sheet.findingIds, parts: sheet.parts })),
    accepted: readReview(workspace).filter((decision) => decision.decision === 'accepted').map((decision) => decision.findingId).sort(compareCodeUnits),
    uncovered,
  };
}

/** The introductory part's facts as recorded, each choice with its names in the conclusion's language. */
function caseFacts(workspace: CaseWorkspace, language: ReportLanguage): CaseFact[] {
  const recorded = readCaseFacts(workspace);
  const labels = readLabels(language);
  const choices: Partial<Record<keyof CaseFacts, Readonly<Record<string, string>>>> = { kind: labels.expertiseKinds, form: labels.expertiseForms, groundsType: labels.groundsTypes };
  const required: readonly string[] = CASE_FACTS_REQUIRED;
  return CASE_FACT_KEYS.map((key) => {
    const names = choices[key];
    return {
      key,
      ...(recorded[key] !== undefined ? { value: recorded[key] } : {}),
      required: required.includes(key),
      date: key.endsWith('Date'),
      ...(names ? { choices: Object.entries(names).map(([value, name]) => ({ value, name })) } : {}),
    };
  });
}

/** What the examiner decided beyond the status: the new wording and consent, or why declined. */
function dispositionDetail(disposition: QuestionDisposition): { detail?: string } {
  if (disposition.status === 'reformulated') return { detail: `${disposition.reformulation} (${disposition.consent.reference}, ${disposition.consent.date})` };
  if (disposition.status === 'declined') return { detail: disposition.reason };
  return {};
}

/** Every evidence item with the relation of the person concerned: recorded by the examiner, else derived from the persons of interest. */
function itemRelations(workspace: CaseWorkspace): Procedure['items'] {
  const recorded = new Map(readItemRelations(workspace).map((record) => [record.evidenceSha256, record]));
  const derived = new Map(readPersonRelations(workspace).map((relation) => [relation.evidenceSha256, relation]));
  return workspace.evidence().map((item) => {
    const record = recorded.get(item.sha256);
    const relation = record?.relation ?? derived.get(item.sha256)?.relation;
    return { sha256: item.sha256, name: item.originalName, ...(relation !== undefined ? { relation } : {}), ...(record ? { note: record.note } : {}) };
  });
}

/** What `soz report --final` would refuse for, one item each, in the desk's language (the CLI's catalogue). */
function finalBlockers(workspace: CaseWorkspace, language: ReportLanguage): string[] {
  try {
    buildConclusion(workspace, language, true);
    return [];
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const catalogue = language === 'en' ? {} : readCliCatalogue(language).messages;
    const lookup = (key: string): string | undefined => catalogue[key];
    const problems = error.localised?.params['problems'];
    if (Array.isArray(problems)) return problems.map((problem: MessageRef) => formatMessage('{problem}', { problem }, lookup));
    return [error.localised ? formatMessage(lookup(error.localised.key) ?? error.localised.fallback ?? error.message, error.localised.params, lookup) : error.message];
  }
}

/**
 * Concordance of a word across the case: KWIC lines (document order), collocates, and where each
 * occurrence lies in its document (for the dispersion plot). `lemma` compares stems.
 */
export function concordance(workspace: CaseWorkspace, word: string, lemma: boolean): Concordance {
  if (word.trim() === '') throw new DeskError('give a word for the concordance', 'desk.empty-query');
  const documents = readDerivedDocuments(workspace);
  const units = corpusUnits(
    documents.flatMap((doc) => doc.segments.map((segment) => ({ doc, segment }))),
    { lemma },
  );
  const lines = kwic(units, word.trim(), { lemma });
  const byId = new Map<string, SozDocument>(documents.map((doc) => [doc.id, doc]));
  const points: Concordance['dispersion']['points'] = lines.map((line) => {
    const doc = byId.get(line.documentId)!;
    const segment = doc.segments.find((candidate) => candidate.id === line.segmentId);
    const time = segment?.message?.timestamp.iso ?? undefined;
    return { documentId: line.documentId, offset: line.range[0], length: doc.text.length, ...(time ? { time } : {}) };
  });
  return {
    word: word.trim(),
    lemma,
    lines,
    collocates: collocates(units, word.trim(), { lemma, limit: 20 }).rows,
    dispersion: { documents: documents.map((doc) => ({ id: doc.id, evidenceName: doc.evidenceName, length: doc.text.length })).sort((a, b) => compareCodeUnits(a.id, b.id)), points },
  };
}

/** A candidate of the case by id; the desk's own refusal when there is none. */
function findingOf(workspace: CaseWorkspace, findingId: string): Finding {
  const finding = readCaseFindings(workspace).find((candidate) => candidate.id === findingId);
  if (!finding) throw new DeskError(`unknown finding ${findingId}`, 'desk.unknown-finding', { id: findingId });
  return finding;
}

/**
 * The picture a candidate lies on: for text read by OCR the picture it was read from (the evidence
 * picture, the posted photo, or the scanned PDF page rendered again at the OCR resolution); for a
 * PDF page with a text layer the page rendered at `PDF_PAGE_VIEW_DPI`. Undefined when it has none
 * or it cannot be rendered here.
 */
export async function findingPicture(workspace: CaseWorkspace, findingId: string): Promise<{ bytes: Buffer; mediaType: string } | undefined> {
  const finding = findingOf(workspace, findingId);
  if (finding.place.image) return wholePicture(workspace, finding.place.evidenceSha256, finding.place.image);
  const page = await pdfPagePicture(workspace, finding);
  return page ? { bytes: page, mediaType: 'image/png' } : undefined;
}

/** Where a candidate on a PDF page with a text layer lies on that page; the desk's refusal when it is not on one. */
export async function pageRegion(workspace: CaseWorkspace, findingId: string): Promise<PageRegion> {
  const region = await pdfPageRegion(workspace, findingOf(workspace, findingId));
  if (!region) throw new DeskError(`candidate ${findingId} is not on a PDF page with a text layer`, 'desk.not-on-page', { id: findingId });
  return region;
}
