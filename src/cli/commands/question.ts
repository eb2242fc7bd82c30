import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { QuestionDisposition, QuestionRecord } from '../../core/examiner.js';
import { CaseWorkspace } from '../../case/workspace.js';
import { addQuestion, decideQuestionIn, overrideAnswerIn, readAnswer, readQuestions, recordAnswer } from '../../pipeline/examiner.js';
import { describeMatches } from '../../sop/review.js';
import type { CliContext, RegisterCommands } from '../context.js';

function describe(question: QuestionRecord): string[] {
  const lines = [`${question.id} (${question.language}) [${question.disposition.status}] ${question.text}`];
  for (const match of question.guard.matches) lines.push(`  flagged «${match.matched}» (${match.patternId}): ${match.reason}`);
  for (const suggestion of question.guard.suggestions) lines.push(`  suggested reformulation: ${suggestion}`);
  if (question.disposition.status === 'reformulated') lines.push(`  reformulated: ${question.disposition.reformulation} (consent: ${question.disposition.consent.reference} of ${question.disposition.consent.date})`);
  if (question.disposition.status === 'declined') lines.push(`  declined: ${question.disposition.reason}`);
  if (question.answerOverride) lines.push(`  answer wording kept: ${question.answerOverride.reason} (${question.answerOverride.actor})`);
  return lines;
}

/** `soz question add | decide | answer | list`. */
export const registerQuestionCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const question = program.command('question').description("the order's questions, the competence guard and the examiner's answers");
  question
    .command('add')
    .argument('<dir>', 'case folder')
    .argument('<text>', 'the question exactly as in the order (quote it)')
    .option('--actor <name>', 'who registers the question')
    .description('store a question verbatim; flags wording that asks for a legal qualification')
    .action(async (dir: string, text: string, options: { actor?: string }) => {
      const record = await context.writeCase(dir, 'question add', (workspace) => addQuestion(workspace, text, { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      for (const line of describe(record)) context.say(line);
      if (record.guard.flagged) context.say(`  decide with: soz question decide ${dir} ${record.id} --reformulated "…" --consent-ref "№ …" --consent-date YYYY-MM-DD | --declined --reason "…"`);
    });
  question
    .command('decide')
    .argument('<dir>', 'case folder')
    .argument('<id>', 'question id, e.g. Q1')
    .option('--answered', 'the examiner answers the question as put')
    .option('--reformulated <text>', 'the wording the examiner answers instead')
    .option('--consent-ref <reference>', "number of the ordering body's letter or decision consenting to the reformulation")
    .option('--consent-date <YYYY-MM-DD>', 'date of that letter or decision')
    .option('--declined', 'the examiner declines to answer')
    .option('--reason <text>', 'why the question is declined')
    .option('--actor <name>', 'who decides')
    .description('record whether a question is answered, reformulated with consent, or declined (a flagged question cannot be answered as put)')
    .action(async (dir: string, id: string, options: { answered?: boolean; reformulated?: string; consentRef?: string; consentDate?: string; declined?: boolean; reason?: string; actor?: string }) => {
      const chosen = [options.answered, options.reformulated !== undefined, options.declined].filter(Boolean).length;
      if (chosen !== 1) throw new UserError('choose exactly one of --answered, --reformulated "…" --consent-ref "№ …" --consent-date YYYY-MM-DD, --declined --reason "…"', 'usage.decide');
      let disposition: QuestionDisposition;
      if (options.answered) disposition = { status: 'answered' };
      else if (options.reformulated !== undefined) {
        if (options.consentRef === undefined || options.consentDate === undefined) {
          throw new UserError('--reformulated needs --consent-ref "№ …" and --consent-date YYYY-MM-DD: the ordering body\'s document consenting to the new wording', 'usage.decide');
        }
        disposition = { status: 'reformulated', reformulation: options.reformulated, consent: { reference: options.consentRef, date: options.consentDate } };
      } else {
        if (options.reason === undefined) throw new UserError('--declined needs --reason "…"', 'usage.decide');
        disposition = { status: 'declined', reason: options.reason };
      }
      const record = await context.writeCase(dir, 'question decide', (workspace) => decideQuestionIn(workspace, id, disposition, { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      for (const line of describe(record)) context.say(line);
    });
  question
    .command('answer')
    .argument('<dir>', 'case folder')
    .argument('<id>', 'question id, e.g. Q1')
    .requiredOption('--file <path>', "the examiner's answer, a UTF-8 text (Markdown) file")
    .option('--expert <id>', 'the expert who answers for it (default: the only expert of the case)')
    .option('--actor <name>', 'who records the answer')
    .description("record the examiner's answer (copied to examiner/answers/<id>.md, logged with its hash)")
    .action(async (dir: string, id: string, options: { file: string; expert?: string; actor?: string }) => {
      const output = await context.writeCase(dir, 'question answer', (workspace) => recordAnswer(workspace, id, options.file, { clock: context.io.now, actor: context.actorFor(options, workspace), ...(options.expert !== undefined ? { expertId: options.expert } : {}) }));
      context.say(`answer to ${id}: ${output.path} ${output.sha256}${output.expertId ? ` (expert ${output.expertId})` : ''}`);
      if (output.legalWording.length > 0) {
        context.say(`  legal-qualification wording in the answer: ${describeMatches(output.legalWording)} — a final conclusion is refused until you revise the answer or keep the wording with soz question override ${dir} ${id} --reason "…"`);
      }
    });
  question
    .command('override')
    .argument('<dir>', 'case folder')
    .argument('<id>', 'question id, e.g. Q1')
    .requiredOption('--reason <text>', 'why the wording the guard found stays in the answer (printed in the conclusion)')
    .option('--actor <name>', 'who decides')
    .description('keep legal-qualification wording the guard found in the current answer, with a recorded reason')
    .action(async (dir: string, id: string, options: { reason: string; actor?: string }) => {
      const record = await context.writeCase(dir, 'question override', (workspace) => overrideAnswerIn(workspace, id, options.reason, { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      for (const line of describe(record)) context.say(line);
    });
  question
    .command('list')
    .argument('<dir>', 'case folder')
    .description('the questions with the guard result, the decision and whether an answer is recorded')
    .action((dir: string) => {
      const workspace = CaseWorkspace.open(dir);
      const questions = readQuestions(workspace);
      if (questions.length === 0) context.say(`no questions yet; add each with soz question add ${dir} "…"`);
      for (const record of questions) {
        for (const line of describe(record)) context.say(line);
        const answer = readAnswer(workspace, record.id);
        context.say(`  answer: ${answer ? `${answer.path} ${answer.sha256}` : 'none'}`);
      }
    });
};
