/**
 * Grades a trainee's work on a practice case against the trainer's key. Pure: takes the key, the
 * documents and findings soz derived, and the trainee's records; returns feedback per item and a
 * score per skill. The scores measure the TRAINEE's work (did they find, attribute, avoid, guard,
 * follow the procedure), never the texts: nothing here says whether a text is anything.
 */
import type { SozDocument } from '../core/document.js';
import type { QuestionRecord, ReviewDecision, SopStepRecord } from '../core/examiner.js';
import type { Finding, Voice } from '../core/finding.js';
import type { PersonRelation, PersonRelationKind } from '../core/persons.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { MessageParams, MessageRef, Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import type { KeyFragment, KeyTrap, PracticeCase, PracticeKey } from './schema.js';
import type { KeyPlace } from './locate.js';
import { locateKeyItem, rangesOverlap } from './locate.js';

export const GRADE_SCHEMA = 'soz.practice-grade/1';

/** Skills a practice case trains; each gets `earned` of `possible` points. */
export const SKILLS = ['locating', 'voice', 'traps', 'competence', 'answers', 'procedure'] as const;
export type Skill = (typeof SKILLS)[number];

/** Points on one skill; `possible` 0 means nothing in this case (or this run) could test it. */
export interface SkillScore {
  readonly earned: number;
  readonly possible: number;
}

/** Outcome of one key item or check. */
export type ItemStatus =
  // key fragments
  | 'found'
  | 'found-other-question'
  | 'missed'
  | 'no-candidate'
  // traps
  | 'avoided'
  | 'not-reviewed'
  | 'attributed'
  | 'wrongly-accepted'
  // a forwarded or reaction trap whose relation the trainee recorded (soz person add / relation set)
  | 'relation-recorded'
  // questions
  | 'legal-handled'
  | 'legal-not-flagged'
  | 'answered'
  | 'answered-without-text'
  | 'unanswered'
  | 'declined-within-competence'
  | 'question-missing'
  // SOP steps
  | 'step-done'
  | 'step-skipped'
  | 'step-missing'
  // reviews
  | 'no-reason'
  | 'unknown-finding'
  | 'accepted-outside-key';

/** One line of feedback. `ok` is true when the trainee did what the key expects. */
export interface FeedbackItem {
  /** Key item id (K1, T2), question id (Q3), SOP step id, or finding id. */
  readonly ref: string;
  readonly kind: 'fragment' | 'trap' | 'question' | 'sop' | 'review';
  readonly status: ItemStatus;
  readonly ok: boolean;
  /** What happened, in plain words, for the trainee (English, as in `practice/grade.json`). */
  readonly message: string;
  /** The same as a catalogue message (`practice.feedback.…`), which the CLI prints in the examiner's language. */
  readonly localised: MessageRef;
  /** The trainer's note from the key. */
  readonly note?: string;
  /** Material file and quoted text of a key item. */
  readonly material?: string;
  readonly quote?: string;
  /** Findings the trainee decided on that overlap this item. */
  readonly findingIds?: readonly string[];
}

/** The whole grade of one practice case. */
export interface GradeResult {
  readonly schema: typeof GRADE_SCHEMA;
  readonly caseId: string;
  readonly title: string;
  readonly items: readonly FeedbackItem[];
  readonly skills: Readonly<Record<Skill, SkillScore>>;
  /** Things the grader could not check (e.g. a key quote not found in the derived text). */
  readonly problems: readonly string[];
}

/** What the trainee recorded in the case (the shapes of `core/examiner.ts`). */
export interface TraineeWork {
  readonly questions: readonly QuestionRecord[];
  readonly reviews: readonly ReviewDecision[];
  readonly steps: readonly SopStepRecord[];
  /** Question ids that have an answer file. */
  readonly answered: readonly string[];
  /** Relations of the persons of interest the trainee recorded (derived from the data or set by hand). */
  readonly relations: readonly PersonRelation[];
}

/** Everything grading needs; the pipeline reads it from the case and the key. */
export interface GradeInput {
  readonly practiceCase: PracticeCase;
  readonly key: PracticeKey;
  readonly documents: readonly SozDocument[];
  readonly findings: readonly Finding[];
  readonly work: TraineeWork;
}

interface Decided {
  readonly finding: Finding;
  readonly decision: ReviewDecision | undefined;
}

/** Voice the trainee stands by: their own attribution where given, else soz's. */
function effectiveVoice(finding: Finding, decision: ReviewDecision): Voice {
  return decision.voice ?? finding.voice;
}

function overlapping(place: KeyPlace, findings: readonly Finding[], decisions: ReadonlyMap<string, ReviewDecision>): Decided[] {
  return findings
    .filter((finding) => finding.place.evidenceName === place.evidenceName && finding.place.documentId === place.documentId && rangesOverlap(finding.place.range, place.range))
    .map((finding) => ({ finding, decision: decisions.get(finding.id) }));
}

const accepted = (decided: readonly Decided[]) => decided.filter((d): d is Decided & { decision: ReviewDecision } => d.decision?.decision === 'accepted');
const ids = (decided: readonly Decided[]) => decided.map((d) => d.finding.id);

/** A feedback text in English with its catalogue message `practice.feedback.<key>`. */
function told(text: string, key: string, values: MessageParams = {}): Pick<FeedbackItem, 'message' | 'localised'> {
  return { message: text, localised: { key: `practice.feedback.${key}`, params: values } };
}

function gradeFragment(item: KeyFragment, decided: Decided[]): { item: FeedbackItem; voice: SkillScore; found: boolean } {
  const base = { ref: item.id, kind: 'fragment' as const, note: item.note, material: item.material, quote: item.quote ?? `message ${item.messageId ?? '?'}`, findingIds: ids(decided) };
  if (decided.length === 0) {
    return { item: { ...base, status: 'no-candidate', ok: false, ...told(`soz raised no candidate on this fragment, so it cannot be graded here; look for it by reading ${item.material}`, 'no-candidate', { material: item.material }) }, voice: { earned: 0, possible: 0 }, found: false };
  }
  const taken = accepted(decided);
  if (taken.length === 0) {
    return { item: { ...base, status: 'missed', ok: false, ...told(`missed: no candidate on this fragment was accepted (it bears on ${item.questions.join(', ')})`, 'missed', { questions: item.questions.join(', ') }) }, voice: { earned: 0, possible: 0 }, found: false };
  }
  const voices = [...new Set(taken.map((d) => effectiveVoice(d.finding, d.decision)))].sort(compareCodeUnits);
  const voiceRight = voices.every((voice) => voice === item.voice);
  const voiceText = voiceRight ? said(`voice ${item.voice} right`, 'practice.feedback.voice-right', { voice: item.voice }) : said(`voice recorded as ${voices.join('/')}, key: ${item.voice}`, 'practice.feedback.voice-wrong', { voices: voices.join('/'), voice: item.voice });
  const underKey = taken.some((d) => d.decision.questionIds.some((q) => item.questions.includes(q)));
  const voice = { earned: voiceRight ? 1 : 0, possible: 1 };
  if (!underKey) {
    const given = [...new Set(taken.flatMap((d) => d.decision.questionIds))].sort(compareCodeUnits);
    return { item: { ...base, status: 'found-other-question', ok: false, ...told(`found, but put under ${given.join(', ') || 'no question'}; it bears on ${item.questions.join(', ')}; ${voiceText.text}`, 'found-other-question', { given: given.join(', ') || '—', questions: item.questions.join(', '), voice: voiceText.message }) }, voice, found: true };
  }
  return { item: { ...base, status: 'found', ok: voiceRight, ...told(`found under ${item.questions.join(', ')}; ${voiceText.text}`, 'found', { questions: item.questions.join(', '), voice: voiceText.message }) }, voice, found: true };
}

/** The relation that tells a trap's words are not the subject's: only forwarded, only reacted. */
const TRAP_RELATION: Partial<Record<KeyTrap['type'], PersonRelationKind>> = { forwarded: 'forwarder', reaction: 'reacted' };

/**
 * A sentence naming the person recorded with the trap's relation to its message (and not as its
 * author), or null when the trainee recorded none.
 */
function recordedRelation(item: KeyTrap, place: KeyPlace, documents: readonly SozDocument[], relations: readonly PersonRelation[]): Said | null {
  const kind = TRAP_RELATION[item.type];
  const doc = documents.find((candidate) => candidate.id === place.documentId);
  if (!kind || !doc) return null;
  const messages = new Set(doc.segments.filter((segment) => segment.message && segment.message.reactionTo === undefined && rangesOverlap(segment.range, place.range)).map((segment) => segment.message!.messageId));
  const onTrap = relations.filter((relation) => relation.documentId === doc.id && relation.messageId !== undefined && messages.has(relation.messageId));
  const hit = onTrap.find((relation) => relation.relation === kind && !onTrap.some((other) => other.personId === relation.personId && other.relation === 'author'));
  if (!hit) return null;
  const values = { person: hit.personId, relation: kind, message: hit.messageId! };
  return hit.by === 'data'
    ? said(`${hit.personId} recorded as ${kind} of message ${hit.messageId!} (from the export)`, 'practice.feedback.relation-from-export', values)
    : said(`${hit.personId} recorded as ${kind} of message ${hit.messageId!} (set by the examiner)`, 'practice.feedback.relation-by-examiner', values);
}

function gradeTrap(item: KeyTrap, decided: Decided[], relation: Said | null): { item: FeedbackItem; voice: SkillScore; trap: SkillScore } {
  const base = { ref: item.id, kind: 'trap' as const, note: item.note, material: item.material, quote: item.quote ?? `message ${item.messageId ?? '?'}`, findingIds: ids(decided) };
  const label = `trap (${item.type})`;
  const trap = (text: string, status: string, values: MessageParams = {}) => told(`${label}: ${text}`, `trap-${status}`, { type: item.type, ...values });
  if (relation !== null && accepted(decided).every((d) => effectiveVoice(d.finding, d.decision) !== item.voice)) {
    // Recording who only forwarded or reacted keeps the words from being presented as the subject's
    // in the conclusion's per-person table, whatever voice the findings carry.
    return { item: { ...base, status: 'relation-recorded', ok: true, ...trap(`passed — ${relation.text}; the conclusion does not present these words as the person's`, 'relation-recorded', { relation: relation.message }) }, voice: { earned: 0, possible: 0 }, trap: { earned: 1, possible: 1 } };
  }
  if (decided.length === 0) {
    return { item: { ...base, status: 'no-candidate', ok: true, ...trap('soz raised no candidate here, so it cannot be graded in this run', 'no-candidate') }, voice: { earned: 0, possible: 0 }, trap: { earned: 0, possible: 0 } };
  }
  const taken = accepted(decided);
  if (taken.length === 0) {
    const rejected = decided.some((d) => d.decision?.decision === 'rejected');
    return {
      item: rejected
        ? { ...base, status: 'avoided', ok: true, ...trap('avoided — rejected', 'avoided') }
        : { ...base, status: 'not-reviewed', ok: true, ...trap('not accepted, but not reviewed either; record a rejection with the reason', 'not-reviewed') },
      voice: { earned: 0, possible: 0 },
      trap: { earned: 1, possible: 1 },
    };
  }
  const voices = [...new Set(taken.map((d) => effectiveVoice(d.finding, d.decision)))].sort(compareCodeUnits);
  if (item.expected === 'reject') {
    return { item: { ...base, status: 'wrongly-accepted', ok: false, ...trap(`wrongly accepted (as ${voices.join('/')}); this fragment should be rejected`, 'should-reject', { voices: voices.join('/') }) }, voice: { earned: 0, possible: 0 }, trap: { earned: 0, possible: 1 } };
  }
  const voiceRight = voices.every((voice) => voice === item.voice);
  if (!voiceRight) {
    return { item: { ...base, status: 'wrongly-accepted', ok: false, ...trap(`wrongly accepted as ${voices.join('/')}; it may be accepted only as ${item.voice}`, 'wrong-voice', { voices: voices.join('/'), voice: item.voice }) }, voice: { earned: 0, possible: 1 }, trap: { earned: 0, possible: 1 } };
  }
  const allowed = item.questions ?? [];
  const given = [...new Set(taken.flatMap((d) => d.decision.questionIds))].sort(compareCodeUnits);
  const outside = allowed.length > 0 && !given.some((q) => allowed.includes(q));
  const voiced = `accepted with the right voice (${item.voice})`;
  const attributed = outside
    ? trap(`${voiced}; put under ${given.join(', ') || 'no question'}, it bears on ${allowed.join(', ')}`, 'attributed-elsewhere', { voice: item.voice, given: given.join(', ') || '—', questions: allowed.join(', ') })
    : trap(voiced, 'attributed', { voice: item.voice });
  return { item: { ...base, status: 'attributed', ok: !outside, ...attributed }, voice: { earned: 1, possible: 1 }, trap: { earned: 1, possible: 1 } };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function gradeQuestion(keyQuestion: PracticeKey['questions'][number], text: string, work: TraineeWork): { item: FeedbackItem; skill: 'competence' | 'answers'; earned: number } {
  const skill = keyQuestion.legal ? 'competence' : 'answers';
  const record = work.questions.find((q) => squash(q.text) === squash(text)) ?? work.questions.find((q) => q.id === keyQuestion.id);
  const base = { ref: keyQuestion.id, kind: 'question' as const, note: keyQuestion.note, quote: text };
  if (!record) return { item: { ...base, status: 'question-missing', ok: false, ...told('the question is not in the case; add every question of the order verbatim', 'question-missing') }, skill, earned: 0 };
  const status = record.disposition.status;
  if (keyQuestion.legal) {
    if (status === 'declined' || status === 'reformulated') {
      return { item: { ...base, status: 'legal-handled', ok: true, ...told(`legal qualification recognised: ${status}`, 'legal-handled', { status }) }, skill, earned: 1 };
    }
    const guard = record.guard.flagged ? 'the competence guard flagged it' : 'the competence guard did not flag it — the examiner must';
    const feedback = told(`legal question not declined or reformulated (status ${status}); ${guard}`, record.guard.flagged ? 'legal-flagged' : 'legal-not-flagged', { status });
    return { item: { ...base, status: 'legal-not-flagged', ok: false, ...feedback }, skill, earned: 0 };
  }
  if (status === 'answered') {
    return work.answered.includes(record.id)
      ? { item: { ...base, status: 'answered', ok: true, ...told('answered', 'answered') }, skill, earned: 1 }
      : { item: { ...base, status: 'answered-without-text', ok: false, ...told('marked answered, but no answer file was recorded', 'answered-without-text') }, skill, earned: 0 };
  }
  if (status === 'declined' || status === 'reformulated') {
    return { item: { ...base, status: 'declined-within-competence', ok: false, ...told(`${status}, but the question is within the examiner's competence`, 'declined-within-competence', { status }) }, skill, earned: 0 };
  }
  return { item: { ...base, status: 'unanswered', ok: false, ...told('not answered yet', 'unanswered') }, skill, earned: 0 };
}

function gradeStep(step: PracticeKey['sop'][number], work: TraineeWork): FeedbackItem {
  const record = work.steps.find((s) => s.stepId === step.stepId);
  const base = { ref: step.stepId, kind: 'sop' as const, note: step.note };
  if (!record) return { ...base, status: 'step-missing', ok: false, ...told('step not recorded', 'step-missing') };
  if (record.status === 'skipped') return { ...base, status: 'step-skipped', ok: false, ...(record.note ? told(`step skipped: ${record.note}`, 'step-skipped', { note: record.note }) : told('step skipped: (no reason given)', 'step-skipped-no-reason')) };
  return { ...base, status: 'step-done', ok: true, ...told('done', 'step-done') };
}

const add = (a: SkillScore, b: SkillScore): SkillScore => ({ earned: a.earned + b.earned, possible: a.possible + b.possible });

/** Grades the trainee's work; deterministic (same input → same result, items in key order). */
export function gradePractice(input: GradeInput): GradeResult {
  const { key, work } = input;
  const decisions = new Map(work.reviews.map((decision) => [decision.findingId, decision]));
  const findingIds = new Set(input.findings.map((finding) => finding.id));
  const items: FeedbackItem[] = [];
  const problems: string[] = [];
  const skills: Record<Skill, SkillScore> = { locating: { earned: 0, possible: 0 }, voice: { earned: 0, possible: 0 }, traps: { earned: 0, possible: 0 }, competence: { earned: 0, possible: 0 }, answers: { earned: 0, possible: 0 }, procedure: { earned: 0, possible: 0 } };
  const covered = new Set<string>();

  const place = (item: KeyFragment | KeyTrap): KeyPlace | null => {
    const located = locateKeyItem(item, input.documents);
    if (!located.found) {
      problems.push(located.problem);
      return null;
    }
    return located.place;
  };

  for (const fragment of key.fragments) {
    const where = place(fragment);
    if (!where) continue;
    const decided = overlapping(where, input.findings, decisions);
    decided.forEach((d) => covered.add(d.finding.id));
    const graded = gradeFragment(fragment, decided);
    items.push(graded.item);
    skills.voice = add(skills.voice, graded.voice);
    if (graded.item.status !== 'no-candidate') skills.locating = add(skills.locating, { earned: graded.found ? 1 : 0, possible: 1 });
  }
  for (const trap of key.traps) {
    const where = place(trap);
    if (!where) continue;
    const decided = overlapping(where, input.findings, decisions);
    decided.forEach((d) => covered.add(d.finding.id));
    const graded = gradeTrap(trap, decided, recordedRelation(trap, where, input.documents, work.relations));
    items.push(graded.item);
    skills.voice = add(skills.voice, graded.voice);
    skills.traps = add(skills.traps, graded.trap);
  }
  key.questions.forEach((keyQuestion) => {
    const text = input.practiceCase.questions.find((q) => q.id === keyQuestion.id)?.text ?? '';
    const graded = gradeQuestion(keyQuestion, text, work);
    items.push(graded.item);
    skills[graded.skill] = add(skills[graded.skill], { earned: graded.earned, possible: 1 });
  });
  for (const step of key.sop) {
    const item = gradeStep(step, work);
    items.push(item);
    skills.procedure = add(skills.procedure, { earned: item.ok ? 1 : 0, possible: 1 });
  }
  for (const decision of [...work.reviews].sort((a, b) => compareCodeUnits(a.findingId, b.findingId))) {
    const base = { ref: decision.findingId, kind: 'review' as const };
    if (!findingIds.has(decision.findingId)) items.push({ ...base, status: 'unknown-finding', ok: false, ...told('decision on a finding the current analysis does not have (re-run analysis, then review again)', 'unknown-finding') });
    else if (decision.reason.trim() === '') items.push({ ...base, status: 'no-reason', ok: false, ...told(`${decision.decision} without a reason; every decision needs one`, 'no-reason', { decision: decision.decision }) });
    else if (decision.decision === 'accepted' && !covered.has(decision.findingId)) {
      const finding = input.findings.find((f) => f.id === decision.findingId);
      items.push({ ...base, status: 'accepted-outside-key', ok: true, ...told(`accepted a candidate the key does not list (${finding?.place.evidenceName ?? '?'}: "${finding?.actual ?? ''}"); discuss with the trainer`, 'accepted-outside-key', { evidence: finding?.place.evidenceName ?? '?', text: finding?.actual ?? '' }), findingIds: [decision.findingId] });
    }
  }
  return { schema: GRADE_SCHEMA, caseId: input.practiceCase.id, title: input.practiceCase.title, items, skills, problems };
}

/** `earned/possible` as text, or `n/a` when the case could not test the skill. */
export function scoreText(score: SkillScore): string {
  return score.possible === 0 ? 'n/a' : `${score.earned}/${score.possible}`;
}
