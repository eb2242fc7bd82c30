import type { Command } from 'commander';
import { REPORT_LANGUAGES } from '../../core/case.js';
import { UserError } from '../../core/errors.js';
import { formatLogHead, logHeadOf } from '../../core/log-head.js';
import { writeReports } from '../../pipeline/report.js';
import type { ReportFormat } from '../../report/renderers.js';
import { REPORT_FORMATS, isReportFormat } from '../../report/renderers.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { languageOption } from './sop.js';

/** `--format md,html,pdf` into formats; an unknown one is a UserError. */
export function parseFormats(value: string): ReportFormat[] {
  const formats = value
    .split(',')
    .map((format) => format.trim().toLowerCase())
    .filter((format) => format !== '');
  const known = formats.filter(isReportFormat);
  if (known.length !== formats.length || formats.length === 0) throw new UserError(`--format ${value}: use a comma-separated list of ${REPORT_FORMATS.join(', ')}`, 'usage.format');
  return known;
}

/** `soz report`: the expert conclusion in Markdown (always), HTML, PDF, DOCX. Replaces the old `report` command of main.ts. */
export const registerReportCommands: RegisterCommands = (program: Command, context: CliContext) => {
  program
    .command('report')
    .argument('<dir>', 'case folder')
    .option('--format <list>', `comma-separated: ${REPORT_FORMATS.join(', ')} (Markdown is always written)`, 'md')
    .option(`--language <${REPORT_LANGUAGES.join('|')}>`, 'language of the report (default: the case language)')
    .option('--final', 'final conclusion: refused while any step before it is open')
    .option('--actor <name>', 'who renders the report')
    .description('render the expert conclusion (DRAFT while examiner steps are open)')
    .action(async (dir: string, options: { format: string; language?: string; final?: boolean; actor?: string }) => {
      const formats = parseFormats(options.format);
      const { outcomes, head } = await context.writeCase(dir, 'report', async (workspace) => ({
        outcomes: await writeReports(workspace, {
          clock: context.io.now,
          actor: context.actorFor(options, workspace),
          language: languageOption(options.language, workspace),
          formats,
          final: options.final ?? false,
        }),
        head: logHeadOf(workspace.readLog()),
      }));
      for (const outcome of outcomes) {
        context.say(`report: ${outcome.path}`);
        context.say(`report digest${outcome.format === 'pdf' || outcome.format === 'docx' ? ' (SHA-256 of the conclusion model)' : ''}: ${outcome.digest}`);
      }
      // The head goes to the terminal, not into the report: report bytes must not depend on log times.
      context.say(`log head: ${formatLogHead(head)} (keep it with the report; soz verify --expect-head checks the log still holds it)`);
    });
};
