/**
 * The examiner's review of candidate findings and the examiner's questions: pure updates that
 * check ids and reasons, and return the new records or sentences saying what is wrong (`Said`: English
 * text and catalogue key, printed in the examiner's language).
 */
import { compareCodeUnits } from '../core/canonical-json.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import type { GuardMatch, QuestionDisposition, QuestionRecord, ReviewDecision } from '../core/examiner.js';
import type { Finding, Voice } from '../core/finding.js';
import { VOICES } from '../core/finding.js';
import { guardQuestion } from './guard.js';
import type { GuardFile } from './schema.js';

/** Every voice a finding can have, for validating the examiner's attribution. */
export { VOICES };

/** One batch of decisions, as given on the command line or interactively. */
export interface DecisionRequest {
  readonly findingIds: readonly string[];
  readonly decision: ReviewDecision['decision'];
  readonly reason: string;
  readonly questionIds: readonly string[];
  readonly actor: string;
}

/** Finding ids the case does not hold. */
export function unknownFindings(ids: readonly string[]): Said {
  return said(`unknown finding id(s) ${ids.join(', ')}; list the candidates with soz review DIR --list`, 'problem.review.unknown-findings', { ids: ids.join(', ') });
}

/** Question ids the case does not hold. */
export function unknownQuestionIds(ids: readonly string[]): Said {
  return said(`unknown question id(s) ${ids.join(', ')}; list them with soz question list DIR`, 'problem.review.unknown-questions', { ids: ids.join(', ') });
}

/** A voice soz does not know, with the ones it does. */
export function unknownVoice(voice: string): Said {
  return said(`--voice ${voice}: use one of ${VOICES.join(', ')}`, 'problem.review.voice', { voice, voices: VOICES.join(', ') });
}

/** A question id the case does not hold, with the ones it does. */
function unknownQuestion(id: string, questions: readonly QuestionRecord[]): Said {
  const ids = questions.map((candidate) => candidate.id).join(', ');
  return ids === ''
    ? said(`unknown question ${id}; there are no questions yet (soz question list DIR)`, 'problem.question.unknown-none', { id })
    : said(`unknown question ${id}; the questions are ${ids} (soz question list DIR)`, 'problem.question.unknown', { id, ids });
}

/**
 * Applies decisions to the existing ones (a later decision on the same finding replaces the
 * earlier; the log keeps both). Returns the decisions sorted by finding id, or problems.
 */
export function applyDecisions(
  existing: readonly ReviewDecision[],
  requests: readonly DecisionRequest[],
  findings: readonly Finding[],
  questions: readonly QuestionRecord[],
): { decisions: ReviewDecision[]; problems: Said[] } {
  const known = new Set(findings.map((finding) => finding.id));
  const questionIds = new Set(questions.map((question) => question.id));
  const problems: Said[] = [];
  const byId = new Map(existing.map((decision) => [decision.findingId, decision]));
  for (const request of requests) {
    if (request.reason.trim() === '') problems.push(said(`--reason "…" is required: say why the candidate is ${request.decision}`, request.decision === 'accepted' ? 'problem.review.reason-accepted' : 'problem.review.reason-rejected'));
    const unknown = request.findingIds.filter((id) => !known.has(id));
    if (unknown.length > 0) problems.push(unknownFindings(unknown));
    const unknownQuestions = request.questionIds.filter((id) => !questionIds.has(id));
    if (unknownQuestions.length > 0) problems.push(unknownQuestionIds(unknownQuestions));
    if (request.decision === 'rejected' && request.questionIds.length > 0) problems.push(said('--question applies to accepted findings only', 'problem.review.question-rejected'));
    for (const findingId of request.findingIds) {
      const previous = byId.get(findingId);
      byId.set(findingId, {
        ...(previous?.voice ? { voice: previous.voice, voiceReason: previous.voiceReason ?? '' } : {}),
        findingId,
        decision: request.decision,
        reason: request.reason.trim(),
        questionIds: [...new Set(request.questionIds)].sort(compareQuestionIds),
        actor: request.actor,
      });
    }
  }
  const decisions = [...byId.values()].sort((a, b) => compareCodeUnits(a.findingId, b.findingId));
  return { decisions, problems };
}

/**
 * The examiner's attribution of voice for decided findings, with a reason (shown in the
 * conclusion beside soz's own attribution). Setting soz's voice again removes the change.
 */
export function changeVoice(existing: readonly ReviewDecision[], findingIds: readonly string[], voice: string, reason: string, findings: readonly Finding[]): { decisions: ReviewDecision[]; problems: Said[] } {
  const problems: Said[] = [];
  if (!(VOICES as readonly string[]).includes(voice)) problems.push(unknownVoice(voice));
  if (reason.trim() === '') problems.push(said('--reason "…" is required: say why the words are not what soz attributed', 'problem.review.voice-reason'));
  const byId = new Map(existing.map((decision) => [decision.findingId, decision]));
  const sozVoice = new Map(findings.map((finding) => [finding.id, finding.voice]));
  const unknown = findingIds.filter((id) => !sozVoice.has(id));
  if (unknown.length > 0) problems.push(unknownFindings(unknown));
  const undecided = findingIds.filter((id) => sozVoice.has(id) && !byId.has(id));
  if (undecided.length > 0) problems.push(said(`finding(s) ${undecided.join(', ')} not yet accepted or rejected; decide them first with soz review DIR --accept|--reject … --reason "…"`, 'problem.review.undecided', { ids: undecided.join(', ') }));
  if (problems.length > 0) return { decisions: [...existing], problems };
  for (const id of findingIds) {
    const { voice: _voice, voiceReason: _reason, ...decision } = byId.get(id)!;
    byId.set(id, voice === sozVoice.get(id) ? decision : { ...decision, voice: voice as Voice, voiceReason: reason.trim() });
  }
  return { decisions: [...byId.values()].sort((a, b) => compareCodeUnits(a.findingId, b.findingId)), problems };
}

/** What one finding's review was before a decision: the earlier decision, or none (undecided). */
export interface PriorDecision {
  readonly findingId: string;
  readonly decision: ReviewDecision | null;
}

/**
 * Puts findings back to what they were before a decision (undo): the earlier decision where there
 * was one, undecided where there was none. The log keeps the undone decision and the undo.
 */
export function restoreDecisions(existing: readonly ReviewDecision[], prior: readonly PriorDecision[]): ReviewDecision[] {
  const byId = new Map(existing.map((decision) => [decision.findingId, decision]));
  for (const { findingId, decision } of prior) {
    if (decision === null) byId.delete(findingId);
    else byId.set(findingId, decision);
  }
  return [...byId.values()].sort((a, b) => compareCodeUnits(a.findingId, b.findingId));
}

/** Question ids in numeric order: Q2 before Q10. */
export function compareQuestionIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || compareCodeUnits(a, b);
}

/** Candidate findings without a decision, in the findings' order. */
export function unreviewedFindings(findings: readonly Finding[], decisions: readonly ReviewDecision[]): Finding[] {
  const decided = new Set(decisions.map((decision) => decision.findingId));
  return findings.filter((finding) => !decided.has(finding.id));
}

/** A new question record, id `Q<n>` with n = existing count + 1. */
export function newQuestion(existing: readonly QuestionRecord[], text: string, language: string, guard: QuestionRecord['guard']): QuestionRecord {
  return { id: `Q${existing.length + 1}`, text, language, guard, disposition: { status: 'open' } };
}

/** `YYYY-MM-DD` naming a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}

/** `«matched»` (pattern id) for each match, for one-line messages. */
export function describeMatches(matches: readonly GuardMatch[]): string {
  return matches.map((match) => `«${match.matched}» (${match.patternId})`).join(', ');
}

/**
 * Replaces the disposition of one question; problems when the id is unknown, reasons are empty,
 * a flagged question is to be answered as put, the consent is not a dated document, or the
 * reformulation still asks for a legal qualification (screened by the same guard).
 */
export function decideQuestion(questions: readonly QuestionRecord[], id: string, disposition: QuestionDisposition, guards: readonly GuardFile[]): { questions: QuestionRecord[]; problems: Said[] } {
  const question = questions.find((candidate) => candidate.id === id);
  if (!question) return { questions: [...questions], problems: [unknownQuestion(id, questions)] };
  const problems: Said[] = [];
  if (disposition.status === 'answered' && question.guard.flagged) {
    const matches = describeMatches(question.guard.matches);
    problems.push(
      said(`${id} asks for a legal qualification (${matches}); it cannot be answered as put — reformulate it with the ordering body's consent (--reformulated "…" --consent-ref "№ …" --consent-date YYYY-MM-DD) or decline it (--declined --reason "…")`, 'problem.question.legal', { id, matches }),
    );
  }
  if (disposition.status === 'reformulated') {
    if (disposition.reformulation.trim() === '') problems.push(said('--reformulated needs the new wording', 'problem.question.reformulation-empty'));
    if (!/\p{Nd}/u.test(disposition.consent.reference)) problems.push(said(`--consent-ref "${disposition.consent.reference}" is not a document reference; give the number of the ordering body's letter or decision (e.g. "№ 12/345")`, 'problem.question.consent-ref', { reference: disposition.consent.reference }));
    if (!isCalendarDate(disposition.consent.date)) problems.push(said(`--consent-date "${disposition.consent.date}" is not a date; give the date of that document as YYYY-MM-DD`, 'problem.question.consent-date', { date: disposition.consent.date }));
    const screened = guardQuestion(disposition.reformulation, guards);
    if (screened.flagged) problems.push(said(`the reformulation still asks for a legal qualification (${describeMatches(screened.matches)}); word it in linguistic terms, e.g. «${screened.suggestions[0]}»`, 'problem.question.still-legal', { matches: describeMatches(screened.matches), suggestion: screened.suggestions[0] ?? '' }));
  }
  if (disposition.status === 'declined' && disposition.reason.trim() === '') problems.push(said('--declined needs --reason "…"', 'problem.question.declined-reason'));
  return { questions: questions.map((candidate) => (candidate.id === id ? { ...candidate, disposition: trimmed(disposition) } : candidate)), problems };
}

function trimmed(disposition: QuestionDisposition): QuestionDisposition {
  switch (disposition.status) {
    case 'reformulated':
      return { status: 'reformulated', reformulation: disposition.reformulation.trim(), consent: { reference: disposition.consent.reference.trim(), date: disposition.consent.date } };
    case 'declined':
      return { status: 'declined', reason: disposition.reason.trim() };
    default:
      return disposition;
  }
}

/**
 * Records that the examiner keeps the wording the guard found in the current answer, with a
 * reason; problems when there is no answer, nothing was found in it, or the reason is empty.
 */
export function overrideAnswer(questions: readonly QuestionRecord[], id: string, answer: { sha256: string; matches: readonly GuardMatch[] } | null, reason: string, actor: string): { questions: QuestionRecord[]; problems: Said[] } {
  const problems: Said[] = [];
  if (!questions.some((question) => question.id === id)) problems.push(unknownQuestion(id, questions));
  else if (!answer) problems.push(said(`${id} has no answer yet; record it with soz question answer DIR ${id} --file ANSWER.md`, 'problem.question.no-answer', { id }));
  else if (answer.matches.length === 0) problems.push(said(`the answer to ${id} holds no legal-qualification wording; there is nothing to override`, 'problem.question.nothing-to-override', { id }));
  if (reason.trim() === '') problems.push(said('--reason "…" is required: say why the wording stays (it is printed in the conclusion)', 'problem.question.override-reason'));
  if (problems.length > 0 || !answer) return { questions: [...questions], problems };
  const answerOverride = { answerSha256: answer.sha256, reason: reason.trim(), actor };
  return { questions: questions.map((question) => (question.id === id ? { ...question, answerOverride } : question)), problems };
}
