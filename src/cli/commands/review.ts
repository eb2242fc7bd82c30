import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { QuestionRecord, ReviewDecision } from '../../core/examiner.js';
import type { Finding } from '../../core/finding.js';
import { CaseWorkspace } from '../../case/workspace.js';
import { addFindingIn, readCaseFindings, readQuestions, readReview, recordReview, recordVoice } from '../../pipeline/examiner.js';
import type { DecisionRequest } from '../../sop/review.js';
import { unreviewedFindings, VOICES } from '../../sop/review.js';
import type { CliContext, RegisterCommands } from '../context.js';

/** One candidate as the examiner sees it in the terminal. */
export function findingLines(finding: Finding): string[] {
  const where = [finding.place.evidenceName, finding.place.page ? `p. ${finding.place.page}` : '', finding.place.messageId ? `message ${finding.place.messageId}` : '', `${finding.place.line}:${finding.place.column}`].filter(Boolean).join(', ');
  return [
    `${finding.id} ${finding.category}: ${finding.reason} (${where})`,
    `  …${finding.context.left}[${finding.actual}]${finding.context.right}…`,
    `  voice ${finding.voice}${finding.countervailing.length ? `; weighs against: ${finding.countervailing.join(', ')}` : ''}${finding.mainstreamMeaning ? `; ordinary meaning: ${finding.mainstreamMeaning}` : ''}`,
  ];
}

/**
 * Asks about each candidate in turn: accept (with a reason and the questions it bears on), reject
 * (with a reason), skip, or quit. Returns the decisions taken; nothing is written here.
 */
export async function interactiveReview(
  findings: readonly Finding[],
  questions: readonly QuestionRecord[],
  ask: (prompt: string) => Promise<string>,
  say: (line: string) => void,
  actor: string,
): Promise<DecisionRequest[]> {
  const requests: DecisionRequest[] = [];
  const questionIds = new Set(questions.map((question) => question.id));
  for (const [index, finding] of findings.entries()) {
    say(`— ${index + 1} of ${findings.length}`);
    for (const line of findingLines(finding)) say(line);
    let answer = '';
    while (!['a', 'r', 's', 'q'].includes(answer)) answer = (await ask('accept (a), reject (r), skip (s), quit (q)? ')).trim().toLowerCase().slice(0, 1);
    if (answer === 'q') break;
    if (answer === 's') continue;
    let reason = '';
    while (reason === '') reason = (await ask('reason: ')).trim();
    let bearsOn: string[] = [];
    if (answer === 'a' && questionIds.size > 0) {
      for (;;) {
        bearsOn = (await ask(`bears on question(s) (${[...questionIds].join(', ')}; comma-separated, empty for none): `))
          .split(/[\s,]+/)
          .filter((id) => id !== '')
          .map((id) => id.toUpperCase());
        const unknown = bearsOn.filter((id) => !questionIds.has(id));
        if (unknown.length === 0) break;
        say(`unknown question(s): ${unknown.join(', ')}`);
      }
    }
    requests.push({ findingIds: [finding.id], decision: answer === 'a' ? 'accepted' : 'rejected', reason, questionIds: bearsOn, actor });
  }
  return requests;
}

function summary(decisions: readonly ReviewDecision[], total: number): string {
  const accepted = decisions.filter((decision) => decision.decision === 'accepted').length;
  return `review: ${accepted} accepted, ${decisions.length - accepted} rejected, ${total - decisions.length} not reviewed of ${total} candidate(s)`;
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
      if (options.list || (!scripted && !process.stdin.isTTY)) {
        const workspace = CaseWorkspace.open(dir);
        const findings = readCaseFindings(workspace);
        const open = unreviewedFindings(findings, readReview(workspace));
        if (options.json) {
          context.json({ open, notReviewed: open.length, total: findings.length });
          return;
        }
        for (const finding of open) for (const line of findingLines(finding)) context.say(line);
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
    throw new UserError('add a finding with --add DOC:START-END or --add DOC#MESSAGE --quote "…", and --category NAME --reason "…" [--question Q…] [--voice VOICE] (without --accept / --reject / --finding)', 'usage.review');
  }
  const where = byRange ? { documentId: byRange[1]!, range: [Number(byRange[2]), Number(byRange[3])] as const } : { documentId: byMessage![1]!, quoted: { messageId: byMessage![2]!, quote: options.quote! } };
  const finding = addFindingIn(
    workspace,
    { ...where, category: options.category, reason: options.reason ?? '', ...(options.voice !== undefined ? { voice: options.voice } : {}) },
    (options.question ?? []).map((id) => id.toUpperCase()),
    { clock: context.io.now, actor: context.actorFor(options, workspace) },
  );
  for (const line of findingLines(finding)) context.say(line);
  context.say(`added and accepted ${finding.id} (examiner)`);
}

/** `--voice V --finding F…`: the examiner corrects whose words decided findings are; under the case lock. */
function changeVoice(workspace: CaseWorkspace, options: ReviewOptions, context: CliContext): void {
  if (options.voice === undefined || options.finding === undefined || options.accept || options.reject) throw new UserError('change a voice with --voice VOICE --finding F… --reason "…" (without --accept / --reject)', 'usage.review');
  recordVoice(workspace, options.finding, options.voice, options.reason ?? '', { clock: context.io.now, actor: context.actorFor(options, workspace) });
  context.say(`voice of ${options.finding.join(', ')}: ${options.voice} (examiner)`);
}

/** Records review decisions given by flags or asked for on the terminal; under the case lock. */
async function review(workspace: CaseWorkspace, options: ReviewOptions, context: CliContext): Promise<void> {
  const actor = context.actorFor(options, workspace);
  const findings = readCaseFindings(workspace);
  const open = unreviewedFindings(findings, readReview(workspace));
  const scripted = options.accept !== undefined || options.reject !== undefined;
  let requests: DecisionRequest[];
  if (scripted) {
    if (options.accept && options.reject) throw new UserError('give --accept or --reject in one call, not both (their reasons differ)', 'usage.review');
    if (options.reason === undefined) throw new UserError('--reason "…" is required: say why', 'usage.review');
    const decision = options.accept ? 'accepted' : 'rejected';
    requests = [{ findingIds: options.accept ?? options.reject ?? [], decision, reason: options.reason, questionIds: (options.question ?? []).map((id) => id.toUpperCase()), actor }];
  } else {
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    try {
      requests = await interactiveReview(open, readQuestions(workspace), (prompt) => terminal.question(prompt), context.say, actor);
    } finally {
      terminal.close();
    }
    if (requests.length === 0) {
      context.say('no decision recorded');
      return;
    }
  }
  const decisions = recordReview(workspace, requests, { clock: context.io.now, actor });
  context.say(summary(decisions, findings.length));
}
