/**
 * The examiner's review of candidate findings and the examiner's questions: pure updates that
 * check ids and reasons, and return the new records or a sentence saying what is wrong.
 */
import { compareCodeUnits } from '../core/canonical-json.js';
import type { QuestionDisposition, QuestionRecord, ReviewDecision } from '../core/examiner.js';
import type { Finding } from '../core/finding.js';

/** One batch of decisions, as given on the command line or interactively. */
export interface DecisionRequest {
  readonly findingIds: readonly string[];
  readonly decision: ReviewDecision['decision'];
  readonly reason: string;
  readonly questionIds: readonly string[];
  readonly actor: string;
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
): { decisions: ReviewDecision[]; problems: string[] } {
  const known = new Set(findings.map((finding) => finding.id));
  const questionIds = new Set(questions.map((question) => question.id));
  const problems: string[] = [];
  const byId = new Map(existing.map((decision) => [decision.findingId, decision]));
  for (const request of requests) {
    if (request.reason.trim() === '') problems.push(`--reason "…" is required: say why the candidate is ${request.decision}`);
    const unknown = request.findingIds.filter((id) => !known.has(id));
    if (unknown.length > 0) problems.push(`unknown finding id(s) ${unknown.join(', ')}; list the candidates with soz review DIR --list`);
    const unknownQuestions = request.questionIds.filter((id) => !questionIds.has(id));
    if (unknownQuestions.length > 0) problems.push(`unknown question id(s) ${unknownQuestions.join(', ')}; list them with soz question list DIR`);
    if (request.decision === 'rejected' && request.questionIds.length > 0) problems.push('--question applies to accepted findings only');
    for (const findingId of request.findingIds) {
      byId.set(findingId, {
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

/** Replaces the disposition of one question; problems when the id is unknown or reasons are empty. */
export function decideQuestion(questions: readonly QuestionRecord[], id: string, disposition: QuestionDisposition): { questions: QuestionRecord[]; problems: string[] } {
  const problems: string[] = [];
  if (!questions.some((question) => question.id === id)) problems.push(`unknown question ${id}; the questions are ${questions.map((question) => question.id).join(', ') || 'none yet'} (soz question list DIR)`);
  if (disposition.status === 'reformulated' && (disposition.reformulation.trim() === '' || disposition.consent.trim() === '')) {
    problems.push('--reformulated needs the new wording and --consent "…" naming the ordering body\'s consent (letter, date)');
  }
  if (disposition.status === 'declined' && disposition.reason.trim() === '') problems.push('--declined needs --reason "…"');
  return { questions: questions.map((question) => (question.id === id ? { ...question, disposition } : question)), problems };
}
