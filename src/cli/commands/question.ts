import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { QuestionDisposition, QuestionRecord } from '../../core/examiner.js';
import { CaseWorkspace } from '../../case/workspace.js';
import { addQuestion, decideQuestionIn, overrideAnswerIn, readAnswer, readQuestions, recordAnswer } from '../../pipeline/examiner.js';
import { describeMatches } from '../../sop/review.js';
import type { CliContext, RegisterCommands } from '../context.js';
import type { Translator } from '../i18n.js';

/** A question for the terminal: its words verbatim, the guard's reasons as the guard gives them, the rest in the translator's language. */
function describe(question: QuestionRecord, t: Translator['t']): string[] {
  const lines = [`${question.id} (${question.language}) [${t(`question.status.${question.disposition.status}`)}] ${question.text}`];
  for (const match of question.guard.matches) lines.push(t('question.flagged', { matched: match.matched, pattern: match.patternId, reason: match.reason }));
  for (const suggestion of question.guard.suggestions) lines.push(t('question.suggested', { suggestion }));
  if (question.disposition.status === 'reformulated') lines.push(t('question.reformulated', { text: question.disposition.reformulation, reference: question.disposition.consent.reference, date: question.disposition.consent.date }));
  if (question.disposition.status === 'declined') lines.push(t('question.declined', { reason: question.disposition.reason }));
  if (question.answerOverride) lines.push(t('question.override', { reason: question.answerOverride.reason, actor: question.answerOverride.actor }));
  return lines;
}

/** `soz question add | decide | answer | list`. */
export const registerQuestionCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const { t } = context.translator;
  const sayQuestion = (record: QuestionRecord) => {
    for (const line of describe(record, t)) context.say(line);
  };
  const question = program.command('question').description("the order's questions, the competence guard and the examiner's answers");
  question
    .command('add')
    .argument('<dir>', 'case folder')
    .argument('<text>', 'the question exactly as in the order (quote it)')
    .option('--actor <name>', 'who registers the question')
    .description('store a question verbatim; flags wording that asks for a legal qualification')
    .action(async (dir: string, text: string, options: { actor?: string }) => {
      const record = await context.writeCase(dir, 'question add', (workspace) => addQuestion(workspace, text, { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      sayQuestion(record);
      if (record.guard.flagged) context.tell('question.decide-with', { dir, id: record.id });
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
      if (chosen !== 1) throw new UserError('choose exactly one of --answered, --reformulated "…" --consent-ref "№ …" --consent-date YYYY-MM-DD, --declined --reason "…"', 'usage.decide', undefined, { key: 'error.decide-one', params: {} });
      let disposition: QuestionDisposition;
      if (options.answered) disposition = { status: 'answered' };
      else if (options.reformulated !== undefined) {
        if (options.consentRef === undefined || options.consentDate === undefined) {
          throw new UserError('--reformulated needs --consent-ref "№ …" and --consent-date YYYY-MM-DD: the ordering body\'s document consenting to the new wording', 'usage.decide', undefined, { key: 'error.decide-consent', params: {} });
        }
        disposition = { status: 'reformulated', reformulation: options.reformulated, consent: { reference: options.consentRef, date: options.consentDate } };
      } else {
        if (options.reason === undefined) throw new UserError('--declined needs --reason "…"', 'usage.decide', undefined, { key: 'error.decide-reason', params: {} });
        disposition = { status: 'declined', reason: options.reason };
      }
      sayQuestion(await context.writeCase(dir, 'question decide', (workspace) => decideQuestionIn(workspace, id, disposition, { clock: context.io.now, actor: context.actorFor(options, workspace) })));
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
      context.say(t('question.answer-recorded', { id, path: output.path, sha256: output.sha256 }) + (output.expertId ? t('sop.recorded-expert', { id: output.expertId }) : ''));
      if (output.legalWording.length > 0) context.tell('question.legal-wording', { matches: describeMatches(output.legalWording), dir, id });
    });
  question
    .command('override')
    .argument('<dir>', 'case folder')
    .argument('<id>', 'question id, e.g. Q1')
    .requiredOption('--reason <text>', 'why the wording the guard found stays in the answer (printed in the conclusion)')
    .option('--actor <name>', 'who decides')
    .description('keep legal-qualification wording the guard found in the current answer, with a recorded reason')
    .action(async (dir: string, id: string, options: { reason: string; actor?: string }) => {
      sayQuestion(await context.writeCase(dir, 'question override', (workspace) => overrideAnswerIn(workspace, id, options.reason, { clock: context.io.now, actor: context.actorFor(options, workspace) })));
    });
  question
    .command('list')
    .argument('<dir>', 'case folder')
    .option('--json', 'print the questions as JSON (keys and codes in English) instead of lines')
    .description('the questions with the guard result, the decision and whether an answer is recorded')
    .action((dir: string, options: { json?: boolean }) => {
      const workspace = CaseWorkspace.open(dir);
      const questions = readQuestions(workspace).map((record) => ({ record, answer: readAnswer(workspace, record.id) }));
      if (options.json) {
        context.json({ questions: questions.map(({ record, answer }) => ({ ...record, answer: answer ? { path: answer.path, sha256: answer.sha256 } : null })) });
        return;
      }
      if (questions.length === 0) context.tell('question.none', { dir });
      for (const { record, answer } of questions) {
        sayQuestion(record);
        context.tell('question.answer', { answer: answer ? `${answer.path} ${answer.sha256}` : t('question.no-answer') });
      }
    });
};
