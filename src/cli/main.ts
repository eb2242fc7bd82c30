import { Command, CommanderError } from 'commander';
import type { CaseMetadata } from '../core/case.js';
import { CASE_SCHEMA, REPORT_LANGUAGES, isReportLanguage } from '../core/case.js';
import { ExitCode, InternalError, UserError, messageOf } from '../core/errors.js';
import { CaseWorkspace } from '../case/workspace.js';
import { addEvidence, checkEvidenceFiles, discardKept, takeIntoCustody } from '../pipeline/intake.js';
import { analyzeCase } from '../pipeline/analyze.js';
import { writeReport } from '../pipeline/report.js';
import { installFacts } from '../pipeline/install.js';
import { validateData } from '../pipeline/data.js';
import { runPracticeDemo } from '../pipeline/practice.js';
import type { CliIo } from './io.js';
import { terminalSafe } from './io.js';
import { analysisFrom, limitsFrom, withAnalysisOptions, withLimitOptions } from './options.js';
import type { AnalysisFlags } from './options.js';
import { intakeStatementFrom } from './intake-flags.js';
import { ocrLimitsFrom, withOcrOptions } from './ocr-flags.js';
import type { OcrFlags } from './ocr-flags.js';
import type { IntakeFlags } from './intake-flags.js';
import type { RegisterCommands } from './context.js';
import { createContext } from './context.js';
import { noticeLine, progressDisplay } from './progress.js';
import { tallyNotices } from '../core/progress.js';
import { registerVerifyCommands } from './commands/verify.js';
import { registerKeysCommands } from './commands/keys.js';
import { registerSealCommands } from './commands/seal.js';
import { registerBundleCommands } from './commands/bundle.js';
import { registerExportCommands } from './commands/export.js';
import { registerPracticeCommands } from './commands/practice.js';
import { registerSopCommands } from './commands/sop.js';
import { registerQuestionCommands } from './commands/question.js';
import { registerReviewCommands } from './commands/review.js';
import { registerReportCommands } from './commands/report.js';
import { registerLibraryCommands } from './commands/library.js';
import { registerPersonCommands } from './commands/persons.js';
import { registerExpertCommands } from './commands/experts.js';

/** Command modules of the later stages (SOP, review, verification…), each in `cli/commands/`. */
const COMMAND_MODULES: readonly RegisterCommands[] = [registerVerifyCommands, registerKeysCommands, registerSealCommands, registerBundleCommands, registerExportCommands, registerPracticeCommands, registerSopCommands, registerQuestionCommands, registerReviewCommands, registerReportCommands, registerLibraryCommands, registerPersonCommands, registerExpertCommands];
import type { Limits } from '../ingest/adapter.js';

interface CaseOptions {
  caseNumber: string;
  orderingBody: string;
  orderDate?: string;
  examiner: string;
  examinationDate?: string;
  language: string;
}

function metadataFrom(options: CaseOptions): CaseMetadata {
  const language = options.language;
  if (!isReportLanguage(language)) {
    throw new UserError(`--language ${options.language}: reports are written in ${REPORT_LANGUAGES.join(', ')}`, 'usage.language');
  }
  return {
    schema: CASE_SCHEMA,
    caseNumber: options.caseNumber,
    orderingBody: options.orderingBody,
    orderDate: options.orderDate ?? null,
    examiner: options.examiner,
    examinationDate: options.examinationDate ?? null,
    reportLanguage: language,
  };
}

function withCaseOptions(command: Command, required: boolean): Command {
  const add = (flag: string, description: string, fallback?: string) =>
    required && fallback === undefined ? command.requiredOption(flag, description) : command.option(flag, description, fallback);
  add('--case-number <text>', 'case number as on the order', required ? undefined : 'not recorded');
  add('--ordering-body <text>', 'body that ordered the expertise', required ? undefined : 'not recorded');
  command.option('--order-date <YYYY-MM-DD>', 'date of the order');
  add('--examiner <name>', 'examiner: name, position', required ? undefined : 'not recorded');
  command.option('--examination-date <YYYY-MM-DD>', 'date of the examination');
  command.option(`--language <${REPORT_LANGUAGES.join('|')}>`, 'language of the report', 'ru');
  return command;
}

/**
 * Runs the soz command line and returns the exit code instead of exiting, so tests run it
 * in-process. Exit codes: 0 done, 1 a check did not pass, 2 bad input or usage, 3 internal error,
 * 4 `soz verify`: a report is stale.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('soz');
  const context = createContext(io);
  const { say, actorFor } = context;
  program
    .description('Forensic linguistic expertise of texts: reproducible, offline, every finding with its source.')
    .version(installFacts().version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);

  withCaseOptions(program.command('init').argument('<dir>', 'new case folder').description('create a case folder'), true).action(
    (dir: string, options: CaseOptions) => {
      const { notices } = CaseWorkspace.init(dir, metadataFrom(options), io.now, options.examiner);
      for (const notice of notices) io.stderr(`soz: recovery: ${terminalSafe(notice)}\n`);
      say(`case created: ${dir}`);
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
      .option('--quiet', 'no progress on the terminal')
      .description('take files into custody: hash, copy read-only, log'),
  ).action(async (dir: string, files: string[], options: Partial<Record<keyof Limits, number>> & { actor?: string; quiet?: boolean } & IntakeFlags) => {
    CaseWorkspace.open(dir); // "not a case" before reading any file
    const progress = progressDisplay(io, 'add', options.quiet === true);
    const checked = await checkEvidenceFiles(files, limitsFrom(options), intakeStatementFrom(options), progress.listener, true).finally(progress.end);
    const outcomes = await context
      .writeCase(dir, 'add', (workspace) => takeIntoCustody(workspace, checked, { clock: io.now, actor: actorFor(options, workspace) }))
      .finally(() => discardKept(checked)); // the case in use, say: the kept documents are not left behind
    for (const outcome of outcomes) {
      say(`${outcome.status === 'added' ? 'added    ' : 'duplicate'} ${outcome.record.sha256}  ${outcome.record.originalName}  (${outcome.record.mediaType}, ${outcome.documents} document(s))`);
    }
    say(noticeLine(tallyNotices(outcomes)));
  });

  withOcrOptions(withAnalysisOptions(withLimitOptions(
    program.command('analyze').argument('<dir>', 'case folder').option('--actor <name>', 'who runs the analysis').option('--quiet', 'no progress on the terminal').description('extract documents and run the analyses'),
  ))).action(async (dir: string, options: Partial<Record<keyof Limits, number>> & AnalysisFlags & OcrFlags & { actor?: string; quiet?: boolean }) => {
    const progress = progressDisplay(io, 'analyze', options.quiet === true);
    const outcome = await context
      .writeCase(dir, 'analyze', (workspace) => analyzeCase(workspace, { clock: io.now, actor: actorFor(options, workspace), limits: limitsFrom(options), ...analysisFrom(options), ocr: ocrLimitsFrom(options), ...(progress.listener ? { onProgress: progress.listener } : {}) }))
      .finally(progress.end);
    say(`analysed: ${outcome.documents} document(s); analyses: ${outcome.analyses.join(', ')}`);
    say(`evidence files: ${outcome.extraction.reused} read from the documents soz add kept, ${outcome.extraction.extracted} extracted afresh`);
    say(`manifest digest: ${outcome.manifestSha256}`);
    say(noticeLine(outcome.notices));
  });

  withOcrOptions(withAnalysisOptions(withLimitOptions(
    withCaseOptions(
      program
        .command('run')
        .argument('<files...>', 'seized files')
        .requiredOption('--out <dir>', 'new case folder')
        .option('--quiet', 'no progress on the terminal')
        .option('--transcriber <name>', 'link each transcript among the files to the recording of the same name (clip.srt → clip.mp4), made by this person')
        .description('init + add + analyze + report in one step, with defaults for case data not given'),
      false,
    ),
  ))).action(async (files: string[], options: CaseOptions & AnalysisFlags & OcrFlags & { out: string; quiet?: boolean; transcriber?: string }) => {
    const analysis = analysisFrom(options);
    CaseWorkspace.init(options.out, metadataFrom(options), io.now, options.examiner);
    const limits = limitsFrom(options as Partial<Record<keyof Limits, number>>);
    const progress = progressDisplay(io, 'run', options.quiet === true);
    const { report, analysed } = await context
      .writeCase(options.out, 'run', async (workspace) => {
        await addEvidence(workspace, files, { clock: io.now, actor: options.examiner, limits, ...(options.transcriber !== undefined ? { transcriber: options.transcriber } : {}) });
        const analysed = await analyzeCase(workspace, { clock: io.now, actor: options.examiner, limits, ...analysis, ocr: ocrLimitsFrom(options), ...(progress.listener ? { onProgress: progress.listener } : {}) });
        return { report: await writeReport(workspace, { clock: io.now, actor: options.examiner }), analysed };
      })
      .finally(progress.end);
    say(`case: ${options.out}`);
    say(`report: ${report.path}`);
    say(`report digest: ${report.digest}`);
    say(noticeLine(analysed.notices));
  });

  const data = program.command('data').description('the data soz ships: SOP, lexicons, templates');
  data
    .command('validate')
    .description('check every data file against its schema')
    .action(async () => {
      const problems = await validateData();
      if (problems.length > 0) {
        for (const problem of problems) io.stderr(`${problem}\n`);
        throw new UserError(`data validation failed: ${problems.length} problem(s) above`, 'data.invalid');
      }
      say('data valid');
    });

  program
    .command('demo')
    .option('--out <dir>', 'folder for the demo case', 'demo-case')
    .description('run the whole pipeline on the fictional practice case ru-grey-stone')
    .action(async (options: { out: string }) => {
      for (const line of await runPracticeDemo(options.out, io.now)) say(line);
    });

  for (const register of COMMAND_MODULES) register(program, context);

  try {
    await program.parseAsync(['node', 'soz', ...argv]);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.userError;
    }
    if (error instanceof UserError) {
      io.stderr(`soz: error: ${terminalSafe(error.message)}\n`);
      return error.exitCode;
    }
    const fileSystem = fileSystemProblem(error);
    if (fileSystem !== null) {
      io.stderr(`soz: error: ${terminalSafe(fileSystem)}\n`);
      return ExitCode.userError;
    }
    const detail = error instanceof InternalError || error instanceof Error ? (error.stack ?? error.message) : messageOf(error);
    io.stderr(`soz: internal error — please report it with the command you ran and this text:\n${detail.split("\n").map(terminalSafe).join("\n")}\n`);
    return ExitCode.internalError;
  }
}

/**
 * A refusal of the operating system that the examiner can fix (no permission, read-only disk,
 * disk full), as one line naming the path; `null` for anything else. Writes to a case are atomic,
 * so the case keeps its last committed state.
 */
function fileSystemProblem(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, path } = error as NodeJS.ErrnoException;
  const where = path ?? 'a file';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `${where}: permission denied (${code}); make the folder writable for this user or work in a copy`;
    case 'EROFS':
      return `${where}: the disk is read-only (${code}); copy the case to a writable folder`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${where}: no space left on the disk (${code}); free space and run the command again — the case keeps its last committed state`;
    default:
      return null;
  }
}
