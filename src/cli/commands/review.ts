import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { ExitCode, UserError } from '../../core/errors.js';
import type { ReviewDecision } from '../../core/examiner.js';
import { CaseWorkspace } from '../../case/workspace.js';
import { readDerivedDocuments } from '../../case/records.js';
import { addFindingIn, readCaseFindings, readQuestions, readReview, recentReviewReasons, recordReview, recordVoice, undoReview } from '../../pipeline/examiner.js';
import { unreviewedFindings, VOICES } from '../../sop/review.js';
import type { CliContext, RegisterCommands } from '../context.js';
import type { AskLine, TerminalAnswer } from '../review-session.js';
import { runReviewSession } from '../review-session.js';
import { findingLines } from '../review-view.js';
import type { Translator } from '../i18n.js';

function summary(decisions: readonly ReviewDecision[], total: number, t: Translator['t']): string {
  const accepted = decisions.filter((decision) => decision.decision === 'accepted').length;
  return t('review.summary', { accepted, rejected: decisions.length - accepted, open: total - decisions.length, total });
}

/** The flags of `soz review`. */
interface ReviewOptions {
  accept?: string[];
  reject?: string[];
  question?: string[];
  voice?: string;
  finding?: string[];
  add?: string;
  quote?: string;
  category?: string;
  reason?: string;
  list?: boolean;
  json?: boolean;
  actor?: string;
}

/** `soz review`: interactive on a terminal, or by finding id for scripts. */
export const registerReviewCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('review')
    .argument('<dir>', 'case folder')
    .option('--accept <ids...>', 'finding ids to accept')
    .option('--reject <ids...>', 'finding ids to reject')
    .option('--question <ids...>', 'questions the accepted findings bear on')
    .option('--voice <voice>', `with --finding: whose words these are, where soz attributed them otherwise (${VOICES.join(', ')})`)
    .option('--finding <ids...>', 'with --voice: decided findings whose voice the examiner changes')
    .option('--add <DOC:START-END|DOC#MESSAGE>', 'add a fragment soz did not offer: document id (or evidence file name) and UTF-16 offsets [START, END), or a message with --quote; accepted with --reason')
    .option('--quote <words>', 'with --add DOC#MESSAGE: the words as written in the message (white space may differ); refused when they occur twice')
    .option('--category <name>', 'with --add: category of the added finding, e.g. threat')
    .option('--reason <text>', 'why (required with --accept / --reject)')
    .option('--list', 'list the candidates not yet reviewed and exit')
    .option('--json', 'with --list: print the candidates as JSON (keys and codes in English) instead of lines')
    .option('--actor <name>', 'who reviews (default: the examiner)')
    .description('accept or reject each candidate finding with a reason (interactive on a terminal)')
    .action(async (dir: string, options: ReviewOptions) => {
      if (options.add !== undefined) {
        await context.writeCase(dir, 'review', (workspace) => addFinding(workspace, options, options.add!, context));
        return;
      }
      if (options.voice !== undefined || options.finding !== undefined) {
        await context.writeCase(dir, 'review', (workspace) => changeVoice(workspace, options, context));
        return;
      }
      const scripted = options.accept !== undefined || options.reject !== undefined;
      if (options.list || (!scripted && context.io.ask === undefined && !process.stdin.isTTY)) {
        const workspace = CaseWorkspace.open(dir);
        const findings = readCaseFindings(workspace);
        const open = unreviewedFindings(findings, readReview(workspace));
        if (options.json) {
          context.json({ open, notReviewed: open.length, total: findings.length });
          return;
        }
        for (const finding of open) for (const line of findingLines(finding, context.translator.t)) context.say(line);
        context.tell('review.open', { open: open.length, total: findings.length });
        return;
      }
      await context.writeCase(dir, 'review', (workspace) => review(workspace, options, context));
    });
};

/** `--add DOC:START-END`: an examiner-added finding, accepted with the reason; under the case lock. */
function addFinding(workspace: CaseWorkspace, options: ReviewOptions, place: string, context: CliContext): void {
  const byRange = options.quote === undefined ? /^(.+):(\d+)-(\d+)$/.exec(place) : null;
  const byMessage = options.quote !== undefined ? /^(.+)#([^#]+)$/.exec(place) : null;
  if ((!byRange && !byMessage) || options.category === undefined || options.accept || options.reject || options.finding) {
    throw new UserError('add a finding with --add DOC:START-END or --add DOC#MESSAGE --quote "…", and --category NAME --reason "…" [--question Q…] [--voice VOICE] (without --accept / --reject / --finding)', 'usage.review', undefined, { key: 'error.review-add', params: {} });
  }
  const where = byRange ? { documentId: byRange[1]!, range: [Number(byRange[2]), Number(byRange[3])] as const } : { documentId: byMessage![1]!, quoted: { messageId: byMessage![2]!, quote: options.quote! } };
  const finding = addFindingIn(
    workspace,
    { ...where, category: options.category, reason: options.reason ?? '', ...(options.voice !== undefined ? { voice: options.voice } : {}) },
    (options.question ?? []).map((id) => id.toUpperCase()),
    { clock: context.io.now, actor: context.actorFor(options, workspace) },
  );
  for (const line of findingLines(finding, context.translator.t)) context.say(line);
  context.tell('review.added', { id: finding.id });
}

/** `--voice V --finding F…`: the examiner corrects whose words decided findings are; under the case lock. */
function changeVoice(workspace: CaseWorkspace, options: ReviewOptions, context: CliContext): void {
  if (options.voice === undefined || options.finding === undefined || options.accept || options.reject) throw new UserError('change a voice with --voice VOICE --finding F… --reason "…" (without --accept / --reject)', 'usage.review', undefined, { key: 'error.review-voice', params: {} });
  recordVoice(workspace, options.finding, options.voice, options.reason ?? '', { clock: context.io.now, actor: context.actorFor(options, workspace) });
  context.tell('review.voice-changed', { ids: options.finding.join(', '), voice: options.voice });
}

/** Records review decisions given by flags, or runs the terminal review; under the case lock. */
async function review(workspace: CaseWorkspace, options: ReviewOptions, context: CliContext): Promise<void> {
  const actor = context.actorFor(options, workspace);
  const record = { clock: context.io.now, actor };
  if (options.accept === undefined && options.reject === undefined) return reviewOnTerminal(workspace, actor, context);
  if (options.accept && options.reject) throw new UserError('give --accept or --reject in one call, not both (their reasons differ)', 'usage.review', undefined, { key: 'error.review-both', params: {} });
  if (options.reason === undefined) throw new UserError('--reason "…" is required: say why', 'usage.review', undefined, { key: 'error.review-reason', params: {} });
  const decision = options.accept ? 'accepted' : 'rejected';
  const decisions = recordReview(workspace, [{ findingIds: options.accept ?? options.reject ?? [], decision, reason: options.reason, questionIds: (options.question ?? []).map((id) => id.toUpperCase()), actor }], record);
  context.say(summary(decisions, readCaseFindings(workspace).length, context.translator.t));
}

/**
 * The interactive review: every decision and undo is written to the case the moment it is taken
 * (its own log entry), so `q`, Ctrl-D and Ctrl-C all keep what was decided; Ctrl-C exits 130.
 */
async function reviewOnTerminal(workspace: CaseWorkspace, actor: string, context: CliContext): Promise<void> {
  const findings = readCaseFindings(workspace);
  const existing = readReview(workspace);
  const record = { clock: context.io.now, actor };
  const terminal = context.io.ask ? { ask: context.io.ask, close: () => undefined } : processTerminal();
  let decisions = existing;
  const outcome = await runReviewSession(unreviewedFindings(findings, existing), {
    ask: terminal.ask,
    say: context.say,
    t: context.translator.t,
    actor,
    questions: readQuestions(workspace),
    documents: readDerivedDocuments(workspace),
    recentReasons: recentReviewReasons(workspace, 5),
    decisions: existing,
    record: (requests) => (decisions = recordReview(workspace, requests, record)),
    undo: (prior) => (decisions = undoReview(workspace, prior, record)),
    voice: (findingIds, voice, reason) => (decisions = recordVoice(workspace, findingIds, voice, reason, record)),
  }).finally(terminal.close);
  context.say(outcome.written === 0 ? context.translator.t('review.none-recorded') : summary(decisions, findings.length, context.translator.t));
  if (outcome.ended === 'interrupt') {
    throw new UserError(`review interrupted (Ctrl-C); ${outcome.written} decision(s) of this review are kept in the case`, 'review.interrupted', ExitCode.interrupted, { key: 'error.review-interrupted', params: { count: outcome.written } });
  }
}

/** Questions on the real terminal; Ctrl-D and Ctrl-C end the input instead of the process. */
function processTerminal(): { ask: AskLine; close: () => void } {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  let pending: ((answer: TerminalAnswer) => void) | null = null;
  let ended: 'eof' | 'interrupt' | null = null;
  const finish = (end: 'eof' | 'interrupt') => {
    ended ??= end;
    // The prompt was left open on its line: the summary after Ctrl-D / Ctrl-C starts on a new one.
    if (pending !== null) process.stdout.write('\n');
    pending?.({ end: ended });
    pending = null;
  };
  terminal.on('SIGINT', () => {
    finish('interrupt');
    terminal.close();
  });
  terminal.on('close', () => finish('eof'));
  return {
    ask: (prompt) =>
      new Promise((resolve) => {
        if (ended !== null) return resolve({ end: ended });
        pending = resolve;
        terminal.question(prompt, (answer) => {
          pending = null;
          resolve(answer);
        });
      }),
    close: () => terminal.close(),
  };
}
