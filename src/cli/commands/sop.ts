import type { Command } from 'commander';
import type { ReportLanguage } from '../../core/case.js';
import { REPORT_LANGUAGES, isReportLanguage } from '../../core/case.js';
import { UserError } from '../../core/errors.js';
import { CaseWorkspace } from '../../case/workspace.js';
import { ITEM_RELATIONS, RABAT_FIELDS } from '../../core/examiner.js';
import { caseSopStatus, readExperts, recordRabat, recordStep, relateItem } from '../../pipeline/examiner.js';
import { recordDissentIn, recordJointIn } from '../../pipeline/experts.js';
import { withdrawStep } from '../../pipeline/sop-steps.js';
import { expertActor, expertLines } from './experts.js';
import type { StepStatus } from '../../sop/engine.js';
import type { CliContext, RegisterCommands } from '../context.js';
import type { Translator } from '../i18n.js';

/** `--field key=value` pairs into a record; a malformed pair is a UserError. */
export function parseFields(pairs: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of pairs) {
    const index = pair.indexOf('=');
    if (index <= 0) throw new UserError(`--field ${pair}: use --field name=value`, 'usage.field', undefined, { key: 'error.field', params: { value: pair } });
    fields[pair.slice(0, index).trim()] = pair.slice(index + 1);
  }
  return fields;
}

/** Language for terminal labels: `--language`, else the case's report language. */
export function languageOption(value: string | undefined, workspace: CaseWorkspace): ReportLanguage {
  if (value === undefined) return workspace.metadata.reportLanguage;
  if (!isReportLanguage(value)) throw new UserError(`--language ${value}: use one of ${REPORT_LANGUAGES.join(', ')}`, 'usage.language', undefined, { key: 'error.language', params: { value, languages: REPORT_LANGUAGES.join(', ') } });
  return value;
}

/** One checklist line for the terminal: step titles in `language`, the words around them in the translator's. */
export function statusLine(status: StepStatus, language: ReportLanguage, t: Translator['t']): string {
  const who = status.actor ? t('sop.who', { actor: status.actor, time: status.time ?? '', seq: status.logSeq ?? '' }) : '';
  const waiting = status.state === 'blocked' ? t('sop.waiting', { steps: status.waitingFor.join(', ') }) : '';
  const note = status.record?.status === 'skipped' ? t('sop.skipped', { reason: status.record.skip?.reasonId ?? t('sop.no-reason'), decidedBy: status.record.skip?.decidedBy ?? status.record.actor, note: status.record.note }) : '';
  const kind = `${t(`sop.kind.${status.kind}`)}${status.afterFinal ? t('sop.after-final') : ''}`;
  return `${String(status.number).padStart(2)} [${t(`sop.state.${status.state}`).padEnd(7)}] ${status.id} (${kind}): ${status.title[language]}${who}${waiting}${note}`;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `soz sop status` and `soz sop record`. */
export const registerSopCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const sop = program.command('sop').description('the standard operating procedure: checklist and examiner step records');
  sop
    .command('status')
    .argument('<dir>', 'case folder')
    .option(`--language <${REPORT_LANGUAGES.join('|')}>`, 'language of the step titles (default: the case language)')
    .option('--json', 'print the checklist as JSON (keys and codes in English) instead of lines')
    .description('checklist of the procedure: done / skipped / open / blocked, who did what when')
    .action((dir: string, options: { language?: string; json?: boolean }) => {
      const workspace = CaseWorkspace.open(dir);
      const language = languageOption(options.language, workspace);
      const { statuses, procedureId, procedureVersion } = caseSopStatus(workspace);
      const settled = statuses.filter((status) => status.state === 'done' || status.state === 'skipped').length;
      const experts = readExperts(workspace);
      if (options.json) {
        context.json({ procedureId, procedureVersion, steps: statuses, settled, total: statuses.length, experts: experts.experts, joint: experts.joint ?? null });
        return;
      }
      const { t } = context.translator;
      context.tell('sop.procedure', { id: procedureId, version: procedureVersion });
      for (const status of statuses) context.say(statusLine(status, language, t) + (status.record?.expertId ? t('sop.expert', { id: status.record.expertId }) : ''));
      for (const line of expertLines(experts, t)) context.say(line);
      context.tell('sop.settled', { settled, total: statuses.length });
    });
  sop
    .command('record')
    .argument('<dir>', 'case folder')
    .argument('<step>', 'step id (see soz sop status)')
    .option('--note <text>', 'what was done')
    .option('--file <path>', 'attach a file (copied read-only into examiner/files/); repeatable', collect, [])
    .option('--field <name=value>', 'a value the step asks for, e.g. --field translator="…"; repeatable', collect, [])
    .option('--skip', 'record the step as skipped (needs --reason and --note)')
    .option('--reason <id>', 'with --skip: a skip reason the step admits (listed in sop/procedure.yaml; an error names them)')
    .option('--decided-by <name>', 'with --skip: who decided the skip (required where the reason asks; default: the actor)')
    .option('--expert <id>', 'the expert whose part the step is (default for a part of a speciality: the one expert of it)')
    .option('--actor <name>', 'who performed the step (default: the examiner)')
    .description('record an examiner step (or skip a step with a reason); logged and hashed')
    .action(async (dir: string, step: string, options: { note?: string; file: string[]; field: string[]; skip?: boolean; reason?: string; decidedBy?: string; expert?: string; actor?: string }) => {
      if (!options.skip && (options.reason !== undefined || options.decidedBy !== undefined)) throw new UserError('--reason and --decided-by go with --skip; describe a done step with --note "…"', 'usage.reason', undefined, { key: 'error.reason-without-skip', params: {} });
      const record = await context.writeCase(dir, 'sop record', (workspace) => recordStep(
        workspace,
        {
          stepId: step,
          skip: options.skip ?? false,
          ...(options.reason !== undefined ? { skipReason: options.reason } : {}),
          ...(options.decidedBy !== undefined ? { decidedBy: options.decidedBy } : {}),
          note: options.note ?? '',
          fields: parseFields(options.field),
          files: options.file,
          ...(options.expert !== undefined ? { expertId: options.expert } : {}),
        },
        { clock: context.io.now, actor: context.actorFor(options, workspace) },
      ));
      const { t } = context.translator;
      context.say(t('sop.recorded', { step: record.stepId, state: t(`sop.state.${record.status}`) }) + (record.expertId ? t('sop.recorded-expert', { id: record.expertId }) : '') + (record.files.length ? t('sop.recorded-files', { count: record.files.length }) : ''));
      for (const file of record.files) context.say(`  ${file.sha256}  ${file.originalName} → ${file.path}`);
    });
  sop
    .command('withdraw')
    .argument('<dir>', 'case folder')
    .argument('<step>', 'step id (see soz sop status)')
    .requiredOption('--reason <text>', 'why the record is withdrawn (logged)')
    .option('--actor <name>', 'who withdraws it (default: the examiner)')
    .option('--json', 'print the outcome as JSON (keys and codes in English) instead of lines')
    .description('withdraw the record of a step (done or skipped): the step is open again; refused while a recorded step depends on it')
    .action(async (dir: string, step: string, options: { reason: string; actor?: string; json?: boolean }) => {
      const record = await context.writeCase(dir, 'sop withdraw', (workspace) => withdrawStep(workspace, step, options.reason, { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      if (options.json) {
        context.json({ stepId: record.stepId, withdrawn: record.status, reason: options.reason.trim() });
        return;
      }
      const { t } = context.translator;
      context.say(t('sop.withdrawn', { step: record.stepId, state: t(`sop.state.${record.status}`) }));
    });
  sop
    .command('rabat')
    .argument('<dir>', 'case folder')
    .requiredOption('--finding <ids...>', 'the accepted findings of one statement')
    .option('--field <part=facts>', `facts of one Rabat part (${RABAT_FIELDS.join(', ')}); intent and likelihood are for the court; repeatable`, collect, [])
    .option('--actor <name>', 'who records it (default: the examiner)')
    .description('record the Rabat Plan of Action worksheet of one statement: facts only, every part')
    .action(async (dir: string, options: { finding: string[]; field: string[]; actor?: string }) => {
      const sheet = await context.writeCase(dir, 'sop rabat', (workspace) => recordRabat(workspace, options.finding, parseFields(options.field), { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      context.tell('sop.rabat', { findings: sheet.findingIds.join(', ') });
    });
  sop
    .command('joint')
    .argument('<dir>', 'case folder')
    .requiredOption('--conclusions <text>', 'the conclusions the experts reached together')
    .option('--actor <name>', 'who records it (default: the examiner)')
    .description('record the joint section of a complex or commission expertise (after every part is done or skipped)')
    .action(async (dir: string, options: { conclusions: string; actor?: string }) => {
      await context.writeCase(dir, 'sop joint', (workspace) => recordJointIn(workspace, options.conclusions, { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      context.tell('sop.joint');
    });
  sop
    .command('dissent')
    .argument('<dir>', 'case folder')
    .requiredOption('--expert <id>', 'the expert who dissents')
    .requiredOption('--text <text>', 'the dissent, in the expert\'s own words')
    .option('--actor <name>', 'who records it (default: the expert)')
    .description('record one expert\'s dissent from the joint section')
    .action(async (dir: string, options: { expert: string; text: string; actor?: string }) => {
      await context.writeCase(dir, 'sop dissent', (workspace) => recordDissentIn(workspace, options.expert, options.text, { clock: context.io.now, actor: expertActor(context, options, workspace, options.expert) }));
      context.tell('sop.dissent', { expert: options.expert });
    });
  sop
    .command('relate')
    .argument('<dir>', 'case folder')
    .argument('<item>', 'evidence item: its original file name, or at least 8 leading hex digits of its SHA-256')
    .requiredOption('--relation <relation>', `how the person concerned relates to the item: ${ITEM_RELATIONS.join(', ')}`)
    .option('--note <text>', 'what the relation rests on (required)')
    .option('--actor <name>', 'who records it (default: the examiner)')
    .description('record the relation of the person concerned to an evidence item (the context step needs one per item)')
    .action(async (dir: string, item: string, options: { relation: string; note?: string; actor?: string }) => {
      const record = await context.writeCase(dir, 'sop relate', (workspace) => relateItem(workspace, item, options.relation, options.note ?? '', { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      context.say(`${record.evidenceName}: ${record.relation}`);
    });
};
