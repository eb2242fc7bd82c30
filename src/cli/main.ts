import { Command, CommanderError } from 'commander';
import type { CaseMetadata } from '../core/case.js';
import { CASE_SCHEMA, REPORT_LANGUAGES, defaultActor, isReportLanguage } from '../core/case.js';
import { ExitCode, InternalError, UserError, messageOf, problemOf } from '../core/errors.js';
import { CaseWorkspace, isCaseDir } from '../case/workspace.js';
import { newerCaseError } from '../case/newer-case.js';
import { discardCaseWithoutEvidence } from '../case/discard.js';
import { installFacts } from '../pipeline/install.js';
import type { CliIo } from './io.js';
import { terminalSafe } from './io.js';
import { analysisFrom, limitsFrom, withAnalysisOptions, withLimitOptions } from './options.js';
import type { AnalysisFlags } from './options.js';
import { dateOrderFrom, intakeStatementFrom } from './intake-flags.js';
import { ocrLimitsFrom, withOcrOptions } from './ocr-flags.js';
import type { OcrFlags } from './ocr-flags.js';
import type { IntakeFlags } from './intake-flags.js';
import type { CliContext, RegisterCommands } from './context.js';
import { createContext } from './context.js';
import type { Translator } from './i18n.js';
import { cliLanguage, translatorFor } from './i18n.js';
import { helpCoverageProblems, localiseCommanderError, localiseHelp } from './help-i18n.js';
import { readCliCatalogue } from '../pipeline/cli-catalogue.js';
import type { MessageRef } from '../core/messages.js';
import { noticeLine, progressDisplay } from './progress.js';
import { useHeapPolicy } from './heap-policy.js';
import { demoLines } from './practice-lines.js';
import { tallyNotices } from '../core/progress.js';

/**
 * A command module of `cli/commands/` (SOP, review, verification…): the top-level commands it
 * registers, and its register function, imported only when a run needs it (see `commandModulesFor`).
 */
interface CommandModule {
  readonly commands: readonly string[];
  readonly load: () => Promise<RegisterCommands>;
}

const COMMAND_MODULES: readonly CommandModule[] = [
  { commands: ['verify'], load: async () => (await import('./commands/verify.js')).registerVerifyCommands },
  { commands: ['keys'], load: async () => (await import('./commands/keys.js')).registerKeysCommands },
  { commands: ['seal'], load: async () => (await import('./commands/seal.js')).registerSealCommands },
  { commands: ['bundle'], load: async () => (await import('./commands/bundle.js')).registerBundleCommands },
  { commands: ['export'], load: async () => (await import('./commands/export.js')).registerExportCommands },
  { commands: ['practice'], load: async () => (await import('./commands/practice.js')).registerPracticeCommands },
  { commands: ['sop'], load: async () => (await import('./commands/sop.js')).registerSopCommands },
  { commands: ['question'], load: async () => (await import('./commands/question.js')).registerQuestionCommands },
  { commands: ['review'], load: async () => (await import('./commands/review.js')).registerReviewCommands },
  { commands: ['report'], load: async () => (await import('./commands/report.js')).registerReportCommands },
  { commands: ['library'], load: async () => (await import('./commands/library.js')).registerLibraryCommands },
  { commands: ['lists'], load: async () => (await import('./commands/lists.js')).registerListsCommands },
  { commands: ['person'], load: async () => (await import('./commands/persons.js')).registerPersonCommands },
  { commands: ['expert', 'case'], load: async () => (await import('./commands/experts.js')).registerExpertCommands },
  { commands: ['evidence'], load: async () => (await import('./commands/evidence.js')).registerEvidenceCommands },
  { commands: ['desk'], load: async () => (await import('./commands/desk.js')).registerDeskCommands },
];

/** The commands `buildProgram` defines itself (their pipeline modules are imported when they run). */
const BUILT_IN_COMMANDS: readonly string[] = ['init', 'add', 'analyze', 'run', 'data', 'demo'];

/** Every command module, loaded (the whole program: help of every command, `soz data validate`, tests). */
export function allCommandModules(): Promise<RegisterCommands[]> {
  return Promise.all(COMMAND_MODULES.map((module) => module.load()));
}

/**
 * The command modules a run needs, so a command does not pay for loading every other command's
 * modules at start: the first argument that names a top-level command decides — a built-in
 * command needs none (but `data`, whose `validate` checks every command's help), a module's
 * command needs its module. `--version` alone needs none; anything else (`--help`, `help`, no or an
 * unknown command) needs them all, so commander lists and suggests every command as before.
 */
export function commandModulesFor(argv: readonly string[]): Promise<RegisterCommands[]> {
  const named = argv.find((arg) => BUILT_IN_COMMANDS.includes(arg) || COMMAND_MODULES.some((module) => module.commands.includes(arg)));
  const owner = COMMAND_MODULES.find((module) => named !== undefined && module.commands.includes(named));
  if (owner !== undefined) return Promise.all([owner.load()]);
  if ((named !== undefined && named !== 'data') || (named === undefined && argv.some((arg) => arg === '--version' || arg === '-V'))) return Promise.resolve([]);
  return allCommandModules();
}

import type { Limits } from '../ingest/adapter.js';

interface CaseOptions {
  caseNumber?: string;
  orderingBody?: string;
  orderDate?: string;
  examiner?: string;
  examinationDate?: string;
  language: string;
}

function metadataFrom(options: CaseOptions): CaseMetadata {
  const language = options.language;
  if (!isReportLanguage(language)) {
    throw new UserError(`--language ${options.language}: reports are written in ${REPORT_LANGUAGES.join(', ')}`, 'usage.language', undefined, { key: 'error.report-language', params: { value: options.language, languages: REPORT_LANGUAGES.join(', ') } });
  }
  return {
    schema: CASE_SCHEMA,
    caseNumber: options.caseNumber ?? null,
    orderingBody: options.orderingBody ?? null,
    orderDate: options.orderDate ?? null,
    examiner: options.examiner ?? null,
    examinationDate: options.examinationDate ?? null,
    reportLanguage: language,
  };
}

/** The facts of the order; `soz run` leaves out what is not given (recorded as absent, `null`). */
function withCaseOptions(command: Command, required: boolean): Command {
  const add = (flag: string, description: string) => (required ? command.requiredOption(flag, description) : command.option(flag, description));
  add('--case-number <text>', 'case number as on the order');
  add('--ordering-body <text>', 'body that ordered the expertise');
  command.option('--order-date <YYYY-MM-DD>', 'date of the order');
  add('--examiner <name>', 'examiner: name, position');
  command.option('--examination-date <YYYY-MM-DD>', 'date of the examination');
  command.option(`--language <${REPORT_LANGUAGES.join('|')}>`, 'language of the report', 'ru');
  return command;
}

/**
 * The program with every command. Its `--help` descriptions are the English of the code until
 * `localiseHelp`; its messages are in the context's language.
 */
export function buildProgram(context: CliContext, commandModules: readonly RegisterCommands[]): Command {
  const program = new Command('soz');
  const { io, say, tell, actorFor, translator } = context;
  program
    .description('Forensic linguistic expertise of texts: reproducible, offline, every finding with its source.')
    .version(installFacts().version)
    .option(`--lang <${REPORT_LANGUAGES.join('|')}>`, 'language of messages and help (else SOZ_LANG, else the locale, else English)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(localiseCommanderError(text, translator)) })
    .showHelpAfterError(false)
    .hook('preAction', (_program, command) => refuseNewerCases(command.args));

  withCaseOptions(program.command('init').argument('<dir>', 'new case folder').description('create a case folder'), true).action(
    (dir: string, options: CaseOptions) => {
      const metadata = metadataFrom(options);
      const { notices } = CaseWorkspace.init(dir, metadata, io.now, defaultActor(metadata));
      for (const notice of notices) io.stderr(`${translator.t('cli.recovery', { notice: terminalSafe(notice) })}\n`);
      tell('init.created', { dir });
    },
  );

  withLimitOptions(
    program
      .command('add')
      .argument('<dir>', 'case folder')
      .argument('<files...>', 'seized files')
      .option('--actor <name>', 'who performs the intake (default: the examiner)')
      .option('--keep-unreadable', 'take a damaged file of a format soz reads into custody without text (needs --reason)')
      .option('--reason <text>', 'why a damaged file is taken in (logged and reported)')
      .option('--transcribes <media>', 'the files are transcripts of this audio/video: its SHA-256 (or a prefix of an item in the case) or its path')
      .option('--transcriber <name>', 'who made the transcript (with --transcribes)')
      .option('--date-order <dmy|mdy>', 'WhatsApp exports whose dates the file cannot settle: day first (dmy) or month first (mdy); logged and reported')
      .option('--quiet', 'no progress on the terminal')
      .option('--json', 'print the outcome as JSON (keys and codes in English) instead of lines')
      .description('take files into custody: hash, copy read-only, log'),
  ).action(async (dir: string, files: string[], options: Partial<Record<keyof Limits, number>> & { actor?: string; quiet?: boolean; json?: boolean } & IntakeFlags) => {
    const { dir: caseDir } = CaseWorkspace.open(dir); // "not a case" before reading any file
    const { checkEvidenceFiles, discardKept, takeIntoCustody } = await import('../pipeline/intake.js');
    const progress = progressDisplay(io, 'add', options.quiet === true, translator.t);
    const checked = await checkEvidenceFiles(files, limitsFrom(options), intakeStatementFrom(options), progress.listener, caseDir).finally(progress.end);
    const outcomes = await context
      .writeCase(dir, 'add', (workspace) => takeIntoCustody(workspace, checked, { clock: io.now, actor: actorFor(options, workspace) }))
      .finally(() => discardKept(checked)); // the case in use, say: the kept documents are not left behind
    if (options.json) {
      context.json({ items: outcomes.map(({ status, record, documents }) => ({ status, sha256: record.sha256, originalName: record.originalName, mediaType: record.mediaType, documents })), notices: tallyNotices(outcomes) });
      return;
    }
    for (const { status, record, documents } of outcomes) tell(status === 'added' ? 'add.added' : 'add.duplicate', { sha256: record.sha256, name: record.originalName, mediaType: record.mediaType, documents });
    say(noticeLine(tallyNotices(outcomes), translator.t));
  });

  withOcrOptions(withAnalysisOptions(withLimitOptions(
    program.command('analyze').argument('<dir>', 'case folder').option('--actor <name>', 'who runs the analysis').option('--quiet', 'no progress on the terminal').option('--json', 'print the outcome as JSON (keys and codes in English) instead of lines').description('extract documents and run the analyses'),
  ))).action(async (dir: string, options: Partial<Record<keyof Limits, number>> & AnalysisFlags & OcrFlags & { actor?: string; quiet?: boolean; json?: boolean }) => {
    const progress = progressDisplay(io, 'analyze', options.quiet === true, translator.t);
    const { analyzeCase } = await import('../pipeline/analyze.js');
    const outcome = await context
      .writeCase(dir, 'analyze', (workspace) => analyzeCase(workspace, { clock: io.now, actor: actorFor(options, workspace), limits: limitsFrom(options), ...analysisFrom(options), ocr: ocrLimitsFrom(options), ...(progress.listener ? { onProgress: progress.listener } : {}) }))
      .finally(progress.end);
    if (options.json) {
      context.json({ documents: outcome.documents, analyses: outcome.analyses, manifestSha256: outcome.manifestSha256, notices: outcome.notices, extraction: outcome.extraction, workers: outcome.workers });
      return;
    }
    tell('analyze.done', { documents: outcome.documents, analyses: outcome.analyses.join(', ') });
    tell('analyze.extraction', { reused: outcome.extraction.reused, extracted: outcome.extraction.extracted });
    tell('analyze.manifest', { digest: outcome.manifestSha256 });
    say(noticeLine(outcome.notices, translator.t));
  });

  withOcrOptions(withAnalysisOptions(withLimitOptions(
    withCaseOptions(
      program
        .command('run')
        .argument('<files...>', 'seized files')
        .requiredOption('--out <dir>', 'new case folder')
        .option('--quiet', 'no progress on the terminal')
        .option('--transcriber <name>', 'link each transcript among the files to the recording of the same name (clip.srt → clip.mp4), made by this person')
        .option('--date-order <dmy|mdy>', 'WhatsApp exports whose dates the file cannot settle: day first (dmy) or month first (mdy); logged and reported')
        .description('init + add + analyze + report in one step, with defaults for case data not given'),
      false,
    ),
  ))).action(async (files: string[], options: CaseOptions & AnalysisFlags & OcrFlags & { out: string; quiet?: boolean; transcriber?: string; dateOrder?: string }) => {
    const analysis = analysisFrom(options);
    const metadata = metadataFrom(options);
    const limits = limitsFrom(options as Partial<Record<keyof Limits, number>>);
    const ocr = ocrLimitsFrom(options);
    const dateOrder = options.dateOrder !== undefined ? { dateOrder: dateOrderFrom(options.dateOrder) } : {};
    const [{ addEvidence }, { analyzeCase }, { writeReports }] = await Promise.all([import('../pipeline/intake.js'), import('../pipeline/analyze.js'), import('../pipeline/report.js')]);
    const actor = defaultActor(metadata);
    CaseWorkspace.init(options.out, metadata, io.now, actor);
    const progress = progressDisplay(io, 'run', options.quiet === true, translator.t);
    const { report, analysed } = await context
      .writeCase(options.out, 'run', async (workspace) => {
        await addEvidence(workspace, files, { clock: io.now, actor, limits, ...(options.transcriber !== undefined ? { transcriber: options.transcriber } : {}), ...dateOrder });
        const analysed = await analyzeCase(workspace, { clock: io.now, actor, limits, ...analysis, ocr, ...(progress.listener ? { onProgress: progress.listener } : {}) });
        useHeapPolicy('report');
        // The Markdown alone, as writeReport renders it; writeReports renders a large case on a thread of its own.
        const [report] = await writeReports(workspace, { clock: io.now, actor, formats: ['md'], final: false });
        return { report: report!, analysed };
      })
      .catch((error: unknown) => {
        throw afterFailedRun(options.out, error);
      })
      .finally(progress.end);
    tell('run.case', { dir: options.out });
    tell('report.path', { path: report.path });
    tell('report.digest', { digest: report.digest });
    say(noticeLine(analysed.notices, translator.t));
  });

  const data = program.command('data').description('the data soz ships: SOP, lexicons, templates');
  data
    .command('validate')
    .description('check every data file against its schema')
    .action(async () => {
      const { validateData } = await import('../pipeline/data.js');
      const problems = [...(await validateData()), ...helpCoverageProblems(buildProgram(createContext(io), await allCommandModules()))];
      if (problems.length > 0) {
        for (const problem of problems) io.stderr(`${problem}\n`);
        throw new UserError(`data validation failed: ${problems.length} problem(s) above`, 'data.invalid', undefined, { key: 'error.data-invalid', params: { count: problems.length } });
      }
      tell('data.valid');
    });

  program
    .command('demo')
    .option('--out <dir>', 'folder for the demo case', 'demo-case')
    .description('run the whole pipeline on the fictional practice case ru-grey-stone')
    .action(async (options: { out: string }) => {
      const { runPracticeDemo } = await import('../pipeline/practice.js');
      for (const line of demoLines(await runPracticeDemo(options.out, io.now), translator.t)) say(line);
    });

  for (const register of commandModules) register(program, context);
  return program;
}

/**
 * Runs the soz command line and returns the exit code instead of exiting, so tests run it
 * in-process. Exit codes: 0 done, 1 a check did not pass, 2 bad input or usage, 3 internal error,
 * 4 `soz verify`: a report is stale.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const english = readCliCatalogue('en');
  let translator = translatorFor(english);
  try {
    const { language } = cliLanguage(argv, io.env);
    translator = translatorFor(language === 'en' ? english : readCliCatalogue(language), english);
  } catch (error) {
    return reportError(error, io, translator);
  }
  let program: Command;
  try {
    program = buildProgram(createContext(io, translator), await commandModulesFor(argv));
  } catch (error) {
    return reportError(error, io, translator);
  }
  localiseHelp(program, translator);

  try {
    await program.parseAsync(['node', 'soz', ...argv]);
    return ExitCode.ok;
  } catch (error) {
    return reportError(error, io, translator);
  }
}

/** Prints what went wrong in the examiner's language and returns the exit code. */
function reportError(error: unknown, io: CliIo, translator: Translator): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.userError;
  }
  if (error instanceof UserError) {
    const message = error.localised === undefined ? error.message : translator.message(error.localised, error.message);
    io.stderr(`${translator.t('cli.error', { message: terminalSafe(message) })}\n`);
    return error.exitCode;
  }
  const fileSystem = fileSystemProblem(error);
  if (fileSystem !== null) {
    io.stderr(`${translator.t('cli.error', { message: terminalSafe(translator.t(fileSystem.key, fileSystem.params)) })}\n`);
    return ExitCode.userError;
  }
  const detail = error instanceof InternalError || error instanceof Error ? (error.stack ?? error.message) : messageOf(error);
  io.stderr(`${translator.t('cli.internal')}\n${detail.split("\n").map(terminalSafe).join("\n")}\n`);
  return ExitCode.internalError;
}

/**
 * What a failed `soz run` leaves: the case folder it created is removed while it holds no evidence
 * (the corrected command can use the same --out); a case that took evidence into custody stays,
 * and a bad-input error says how to go on with it.
 */
function afterFailedRun(out: string, error: unknown): unknown {
  if (discardCaseWithoutEvidence(out)) return error;
  if (!(error instanceof UserError)) return error;
  return new UserError(`${error.message} — the case ${out} keeps the evidence already taken into custody; go on with soz analyze ${out} and soz report ${out}`, error.code, error.exitCode, {
    key: 'error.run.keeps-evidence',
    params: { message: problemOf(error), out },
  });
}

/** Every case folder among a command's arguments must be readable by this soz: a newer one is refused (exit 2). */
function refuseNewerCases(args: readonly string[]): void {
  for (const arg of args) {
    const refusal = isCaseDir(arg) ? newerCaseError(arg, installFacts().version) : null;
    if (refusal !== null) throw refusal;
  }
}

/**
 * A refusal of the operating system that the examiner can fix (no permission, read-only disk,
 * disk full), as one line naming the path; `null` for anything else. Writes to a case are atomic,
 * so the case keeps its last committed state.
 */
function fileSystemProblem(error: unknown): MessageRef | null {
  if (!(error instanceof Error)) return null;
  const { code, path } = error as NodeJS.ErrnoException;
  const key = code === undefined ? undefined : FILE_SYSTEM_KEYS[code];
  return key === undefined ? null : { key, params: { path: path ?? '?', code: code! } };
}

/** The operating system's refusals the examiner can fix, with their catalogue messages. */
const FILE_SYSTEM_KEYS: Readonly<Record<string, string>> = {
  EACCES: 'error.fs.permission',
  EPERM: 'error.fs.permission',
  EROFS: 'error.fs.read-only',
  ENOSPC: 'error.fs.no-space',
  EDQUOT: 'error.fs.no-space',
};
