/**
 * The terminal review loop: one candidate after another, each decision handed to `record` the
 * moment it is taken (the caller writes it to the case with its own log entry), so quitting,
 * Ctrl-D or Ctrl-C keep everything decided so far.
 */
import type { QuestionRecord, ReviewDecision } from '../core/examiner.js';
import type { SozDocument } from '../core/document.js';
import type { Finding, Voice } from '../core/finding.js';
import { VOICES } from '../core/finding.js';
import type { DecisionRequest, PriorDecision } from '../sop/review.js';
import { findingLines, moreContextLines, reviewKey, threadLines } from './review-view.js';
import type { Translator } from './i18n.js';

/** The end of the terminal's input: Ctrl-D (`eof`) or Ctrl-C (`interrupt`). */
export interface TerminalEnd {
  readonly end: 'eof' | 'interrupt';
}

/** One answer typed at a prompt, or the end of input. */
export type TerminalAnswer = string | TerminalEnd;

/** Asks one question on the terminal. */
export type AskLine = (prompt: string) => Promise<TerminalAnswer>;

/** Everything the loop needs; writing to the case happens only through `record` and `undo`. */
export interface ReviewSessionDeps {
  readonly ask: AskLine;
  readonly say: (line: string) => void;
  /** The review's words in the examiner's language. */
  readonly t: Translator['t'];
  readonly actor: string;
  readonly questions: readonly QuestionRecord[];
  readonly documents: readonly SozDocument[];
  /** Reasons given before, most recent first: offered for reuse by number. */
  readonly recentReasons: readonly string[];
  /** The decisions in the case now (to know what an undo restores). */
  readonly decisions: readonly ReviewDecision[];
  /** Writes the requests to the case (one log entry) and returns the decisions now in the case. */
  readonly record: (requests: readonly DecisionRequest[]) => ReviewDecision[];
  /** Puts findings back as they were (one `review.undo` log entry); returns the decisions now in the case. */
  readonly undo: (prior: readonly PriorDecision[]) => ReviewDecision[];
  /** Sets the examiner's voice of decided findings (one `review.voice` log entry); returns the decisions now in the case. */
  readonly voice: (findingIds: readonly string[], voice: Voice, reason: string) => ReviewDecision[];
}

/** How the review ended and how many decisions (and undos) it wrote. */
export interface ReviewSessionOutcome {
  readonly ended: 'done' | 'quit' | 'eof' | 'interrupt';
  readonly written: number;
}

/** Ended by the terminal, not by an answer. */
class InputEnded extends Error {
  constructor(readonly end: TerminalEnd['end']) {
    super(`input ended (${end})`);
  }
}

const REUSABLE_REASONS = 5;

/** Runs the review of `open` (undecided candidates, in order). */
export async function runReviewSession(open: readonly Finding[], deps: ReviewSessionDeps): Promise<ReviewSessionOutcome> {
  const session = new ReviewSession(open, deps);
  try {
    return { ended: await session.run(), written: session.written };
  } catch (error) {
    if (error instanceof InputEnded) return { ended: error.end, written: session.written };
    throw error;
  }
}

class ReviewSession {
  written = 0;
  private decisions: Map<string, ReviewDecision>;
  private readonly reasons: string[];
  /** Prior state of each decision taken in this session, newest last: what `u` restores. */
  private readonly undoStack: { prior: PriorDecision[]; position: number }[] = [];
  private readonly questionIds: Set<string>;

  constructor(
    private readonly open: readonly Finding[],
    private readonly deps: ReviewSessionDeps,
  ) {
    this.decisions = new Map(deps.decisions.map((decision) => [decision.findingId, decision]));
    this.reasons = [...deps.recentReasons];
    this.questionIds = new Set(deps.questions.map((question) => question.id));
  }

  async run(): Promise<ReviewSessionOutcome['ended']> {
    let position = 0;
    while (position < this.open.length) {
      const finding = this.open[position]!;
      if (this.decisions.has(finding.id)) {
        position++;
        continue;
      }
      this.show(finding, position);
      const key = await this.askKey();
      if (key === 'q') return 'quit';
      if (key === 's') position++;
      else if (key === 'm') for (const line of moreContextLines(finding, this.deps.documents, this.deps.t)) this.deps.say(line);
      else if (key === 'u') position = this.undoLast(position);
      else if (key === 'a' || key === 'r') await this.decide([finding], key, position);
      else if (key === 'e') await this.decideByEntry(finding, position);
      else if (key === 'v') await this.changeLastVoice();
    }
    return 'done';
  }

  private show(finding: Finding, position: number): void {
    const { t, say } = this.deps;
    say(t('review.position', { position: position + 1, total: this.open.length }));
    for (const line of findingLines(finding, t)) say(line);
    for (const line of threadLines(finding, this.deps.documents, t)) say(line);
  }

  private async line(prompt: string): Promise<string> {
    const answer = await this.deps.ask(prompt);
    if (typeof answer !== 'string') throw new InputEnded(answer.end);
    return answer;
  }

  private async askKey(): Promise<string> {
    for (;;) {
      const key = reviewKey(await this.line(this.deps.t('review.keys')));
      if ('arsemvuq'.includes(key) && key !== '') return key;
    }
  }

  /** A reason typed, or a number picking one of the recent reasons. */
  private async askReason(): Promise<string> {
    const offered = this.reasons.slice(0, REUSABLE_REASONS);
    if (offered.length > 0) {
      this.deps.say(this.deps.t('review.recent-reasons'));
      offered.forEach((reason, index) => this.deps.say(`  ${index + 1}) ${reason}`));
    }
    for (;;) {
      const typed = (await this.line(this.deps.t('review.reason'))).trim();
      const picked = /^\d+$/.test(typed) ? offered[Number(typed) - 1] : undefined;
      const reason = picked ?? (/^\d+$/.test(typed) ? '' : typed);
      if (reason === '') continue;
      const earlier = this.reasons.indexOf(reason);
      if (earlier >= 0) this.reasons.splice(earlier, 1);
      this.reasons.unshift(reason);
      return reason;
    }
  }

  private async askQuestions(): Promise<string[]> {
    if (this.questionIds.size === 0) return [];
    for (;;) {
      const ids = (await this.line(this.deps.t('review.questions', { questions: [...this.questionIds].join(', ') })))
        .split(/[\s,]+/)
        .filter((id) => id !== '')
        .map((id) => id.toUpperCase());
      const unknown = ids.filter((id) => !this.questionIds.has(id));
      if (unknown.length === 0) return ids;
      this.deps.say(this.deps.t('review.unknown-questions', { ids: unknown.join(', ') }));
    }
  }

  /** Decides `findings` alike with one reason, written at once; each finding gets its own decision. */
  private async decide(findings: readonly Finding[], key: 'a' | 'r', position: number): Promise<void> {
    const reason = await this.askReason();
    const questionIds = key === 'a' ? await this.askQuestions() : [];
    const decision = key === 'a' ? 'accepted' : 'rejected';
    const prior = findings.map((finding) => ({ findingId: finding.id, decision: this.decisions.get(finding.id) ?? null }));
    this.sync(this.deps.record(findings.map((finding) => ({ findingIds: [finding.id], decision, reason, questionIds, actor: this.deps.actor }))));
    this.undoStack.push({ prior, position });
    this.deps.say(this.deps.t(`review.decided.${decision}`, { ids: findings.map((finding) => finding.id).join(', ') }));
  }

  /** `e`: every undecided candidate of the same lexicon entry in the same document, with one reason. */
  private async decideByEntry(finding: Finding, position: number): Promise<void> {
    const alike = this.open.filter((other) => !this.decisions.has(other.id) && other.analysis === finding.analysis && other.ruleId === finding.ruleId && other.place.documentId === finding.place.documentId);
    this.deps.say(this.deps.t('review.entry-candidates', { count: alike.length, rule: finding.ruleId, name: finding.place.evidenceName, ids: alike.map((other) => other.id).join(', ') }));
    for (;;) {
      const key = reviewKey(await this.line(this.deps.t('review.entry-keys')));
      if (key === 'b') return;
      if (key === 'a' || key === 'r') return this.decide(alike, key, position);
    }
  }

  /**
   * `v`: the examiner's attribution of voice for the findings of the last decision (whose words
   * they are, where soz said otherwise), with a reason; `u` undoes it like a decision.
   */
  private async changeLastVoice(): Promise<void> {
    const last = this.undoStack.at(-1);
    if (!last) {
      this.deps.say(this.deps.t('review.voice-first'));
      return;
    }
    const ids = last.prior.map((entry) => entry.findingId);
    let voice = '';
    while (!(VOICES as readonly string[]).includes(voice)) voice = (await this.line(this.deps.t('review.voice-prompt', { ids: ids.join(', '), voices: VOICES.join(', ') }))).trim().toLowerCase();
    const reason = await this.askReason();
    const prior = ids.map((findingId) => ({ findingId, decision: this.decisions.get(findingId) ?? null }));
    this.sync(this.deps.voice(ids, voice as Voice, reason));
    this.undoStack.push({ prior, position: last.position });
    this.deps.say(this.deps.t('review.voice-recorded', { ids: ids.join(', '), voice }));
  }

  /** `u`: the last decision of this session undone by a new log entry; back to its candidate. */
  private undoLast(position: number): number {
    const last = this.undoStack.pop();
    if (!last) {
      this.deps.say(this.deps.t('review.nothing-to-undo'));
      return position;
    }
    this.sync(this.deps.undo(last.prior));
    this.deps.say(this.deps.t('review.undone', { items: last.prior.map((entry) => `${entry.findingId} ${this.deps.t(`review.state.${entry.decision?.decision ?? 'undecided'}`)}`).join(', ') }));
    return last.position;
  }

  private sync(decisions: readonly ReviewDecision[]): void {
    this.decisions = new Map(decisions.map((decision) => [decision.findingId, decision]));
    this.written++;
  }
}
