import type { Command } from 'commander';
import type { ExpertsFile } from '../../core/experts.js';
import { EXPERTISE_FORMS, EXPERTISE_KINDS, GROUNDS_TYPES, SPECIALITIES } from '../../core/experts.js';
import { CaseWorkspace } from '../../case/workspace.js';
import { readExperts } from '../../pipeline/examiner.js';
import { acknowledgeExpert, addExpertIn, readCaseFacts, setCaseFacts, signExpert } from '../../pipeline/experts.js';
import { CASE_FACT_OPTIONS } from '../../sop/experts.js';
import type { CliContext, RegisterCommands } from '../context.js';
import type { Translator } from '../i18n.js';

/** The experts of a case for the terminal, one line each, with acknowledgement and signature. */
export function expertLines(file: ExpertsFile, t: Translator['t']): string[] {
  if (file.experts.length === 0) return [t('experts.none')];
  const dissenting = new Set((file.joint?.dissents ?? []).map((dissent) => dissent.expertId));
  const yesNo = (value: boolean) => t(value ? 'cli.yes' : 'cli.no');
  return [
    ...file.experts.map(
      (expert) =>
        t('experts.line', { id: expert.id, name: expert.name, speciality: expert.speciality, qualification: expert.qualification, years: expert.experienceYears, institution: expert.institution, acknowledged: yesNo(expert.acknowledgement !== undefined), signed: expert.signature ? expert.signature.partDigest.slice(0, 12) : yesNo(false) }) +
        (dissenting.has(expert.id) ? t('experts.dissents') : ''),
    ),
    file.joint ? t('experts.joint-recorded') + (file.joint.dissents.length > 0 ? t('experts.joint-dissents', { count: file.joint.dissents.length }) : '') : t('experts.joint-missing'),
  ];
}

/**
 * Who an expert's own act is logged under: `--actor`, else the expert (each acknowledges, signs
 * and dissents in their own name), else the examiner of the case.
 */
export function expertActor(context: CliContext, options: { actor?: string }, workspace: CaseWorkspace, expertId: string): string {
  return options.actor ?? readExperts(workspace).experts.find((expert) => expert.id === expertId)?.name ?? context.actorFor(options, workspace);
}

const FACT_KEYS = Object.keys(CASE_FACT_OPTIONS) as (keyof typeof CASE_FACT_OPTIONS)[];
/** The property commander gives an option: `--grounds-number` → `groundsNumber`. */
const optionProperty = (flag: string) => flag.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** `soz expert add|acknowledge|sign|list` and `soz case set|show`. */
export const registerExpertCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const expert = program.command('expert').description('the experts of a complex or commission expertise: who does which part, acknowledges and signs');
  const record = { clock: context.io.now };
  expert
    .command('add')
    .argument('<dir>', 'case folder')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--speciality <speciality>', SPECIALITIES.join(' | '))
    .requiredOption('--qualification <text>', 'degree, expert certificate and its number')
    .requiredOption('--experience <years>', 'years of experience as an expert')
    .requiredOption('--institution <name>', 'the expert institution')
    .option('--actor <name>', 'who records it (default: the examiner)')
    .description('name an expert of the case (ids E1, E2… in the order added)')
    .action(async (dir: string, options: { name: string; speciality: string; qualification: string; experience: string; institution: string; actor?: string }) => {
      const added = await context.writeCase(dir, 'expert add', (workspace) =>
        addExpertIn(workspace, { name: options.name, speciality: options.speciality, qualification: options.qualification, experienceYears: options.experience, institution: options.institution }, { ...record, actor: context.actorFor(options, workspace) }),
      );
      context.tell('experts.added', { id: added.id, name: added.name, speciality: added.speciality });
    });
  expert
    .command('acknowledge')
    .argument('<dir>', 'case folder')
    .argument('<id>', 'expert id, e.g. E2')
    .requiredOption('--note <text>', 'the signed warning of liability: document and date')
    .option('--actor <name>', 'who records it (default: the expert)')
    .description("record one expert's acknowledgement of criminal liability and declaration of independence")
    .action(async (dir: string, id: string, options: { note: string; actor?: string }) => {
      await context.writeCase(dir, 'expert acknowledge', (workspace) => acknowledgeExpert(workspace, id, options.note, { ...record, actor: expertActor(context, options, workspace, id) }));
      context.tell('experts.acknowledged', { id });
    });
  expert
    .command('sign')
    .argument('<dir>', 'case folder')
    .argument('<id>', 'expert id, e.g. E2')
    .option('--note <text>', 'e.g. where the handwritten signature is', '')
    .option('--actor <name>', 'who records it (default: the expert)')
    .description("record one expert's signature of their part (the hash of their steps, answers and the joint section)")
    .action(async (dir: string, id: string, options: { note: string; actor?: string }) => {
      const signed = await context.writeCase(dir, 'expert sign', (workspace) => signExpert(workspace, id, options.note, { ...record, actor: expertActor(context, options, workspace, id) }));
      context.tell('experts.signed', { id, digest: signed.signature!.partDigest });
    });
  expert
    .command('list')
    .argument('<dir>', 'case folder')
    .option('--json', 'print the experts and the joint section as JSON (keys and codes in English) instead of lines')
    .description('the experts, their acknowledgement and signature, and the joint section')
    .action((dir: string, options: { json?: boolean }) => {
      const experts = readExperts(CaseWorkspace.open(dir));
      if (options.json) context.json({ experts: experts.experts, joint: experts.joint ?? null });
      else for (const line of expertLines(experts, context.translator.t)) context.say(line);
    });

  const caseCommand = program.command('case').description("the facts of the conclusion's introductory part");
  caseCommand
    .command('set')
    .argument('<dir>', 'case folder')
    .option(CASE_FACT_OPTIONS.kind + ' <kind>', EXPERTISE_KINDS.join(' | '))
    .option(CASE_FACT_OPTIONS.form + ' <form>', EXPERTISE_FORMS.join(' | '))
    .option(CASE_FACT_OPTIONS.groundsType + ' <type>', `${GROUNDS_TYPES.join(' | ')} (постановление | определение)`)
    .option(CASE_FACT_OPTIONS.groundsBody + ' <body>', 'the body that ordered it (default: the ordering body of soz init)')
    .option(CASE_FACT_OPTIONS.groundsNumber + ' <number>', 'number of the order')
    .option(CASE_FACT_OPTIONS.groundsDate + ' <date>', 'date of the order, YYYY-MM-DD (default: the order date of soz init)')
    .option(CASE_FACT_OPTIONS.receivedDate + ' <date>', 'date the materials were received')
    .option(CASE_FACT_OPTIONS.startDate + ' <date>', 'date the expertise started')
    .option(CASE_FACT_OPTIONS.endDate + ' <date>', 'date it ended')
    .option(CASE_FACT_OPTIONS.materials + ' <text>', 'the materials provided')
    .option(CASE_FACT_OPTIONS.packaging + ' <text>', 'their packaging and seals on receipt')
    .option(CASE_FACT_OPTIONS.circumstances + ' <text>', 'the circumstances of the case as the order gives them')
    .option('--actor <name>', 'who records it (default: the examiner)')
    .description('record facts of the introductory part: type, grounds, dates, materials, circumstances (checked, logged)')
    .action(async (dir: string, options: Record<string, string | undefined>) => {
      const update: Record<string, string> = {};
      for (const key of FACT_KEYS) {
        const value = options[optionProperty(CASE_FACT_OPTIONS[key])];
        if (value !== undefined) update[key] = value;
      }
      const facts = await context.writeCase(dir, 'case set', (workspace) => setCaseFacts(workspace, update, { ...record, actor: context.actorFor(options, workspace) }));
      context.tell('case.facts', { facts: FACT_KEYS.filter((key) => facts[key] !== undefined).join(', ') });
    });
  caseCommand
    .command('show')
    .argument('<dir>', 'case folder')
    .option('--json', 'print the facts as JSON (null where not recorded) instead of lines')
    .description('the facts of the introductory part recorded so far')
    .action((dir: string, options: { json?: boolean }) => {
      const facts = readCaseFacts(CaseWorkspace.open(dir));
      if (options.json) {
        context.json({ facts: Object.fromEntries(FACT_KEYS.map((key) => [key, facts[key] ?? null])) });
        return;
      }
      for (const key of FACT_KEYS) context.say(`${CASE_FACT_OPTIONS[key]}: ${facts[key] ?? context.translator.t('case.not-recorded')}`);
    });
};
