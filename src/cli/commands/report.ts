import type { Command } from 'commander';
import { REPORT_LANGUAGES } from '../../core/case.js';
import { UserError } from '../../core/errors.js';
import { formatLogHead, logHeadOf, recordHeadOf } from '../../core/log-head.js';
import { writeReports } from '../../pipeline/report.js';
import type { ReportFormat } from '../../report/renderers.js';
import { REPORT_FORMATS, isReportFormat } from '../../report/renderers.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { languageOption } from './sop.js';
import { progressDisplay } from '../progress.js';
import { useHeapPolicy } from '../heap-policy.js';

/** `--format md,html,pdf` into formats; an unknown one is a UserError. */
export function parseFormats(value: string): ReportFormat[] {
  const formats = value
    .split(',')
    .map((format) => format.trim().toLowerCase())
    .filter((format) => format !== '');
  const known = formats.filter(isReportFormat);
  if (known.length !== formats.length || formats.length === 0) throw new UserError(`--format ${value}: use a comma-separated list of ${REPORT_FORMATS.join(', ')}`, 'usage.format', undefined, { key: 'error.format', params: { value, formats: REPORT_FORMATS.join(', ') } });
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
    .option('--json', 'print what was written as JSON (keys and codes in English) instead of lines')
    .option('--quiet', 'no progress on the terminal')
    .description('render the expert conclusion (DRAFT while examiner steps are open)')
    .action(async (dir: string, options: { format: string; language?: string; final?: boolean; actor?: string; json?: boolean; quiet?: boolean }) => {
      const formats = parseFormats(options.format);
      const progress = progressDisplay(context.io, 'report', options.quiet === true, context.translator.t);
      useHeapPolicy('report');
      const { recordHead, outcomes, head } = await context.writeCase(dir, 'report', async (workspace) => ({
        recordHead: recordHeadOf(workspace.readLog()),
        outcomes: await writeReports(workspace, {
          clock: context.io.now,
          actor: context.actorFor(options, workspace),
          language: languageOption(options.language, workspace),
          formats,
          final: options.final ?? false,
          ...(progress.listener ? { onProgress: progress.listener } : {}),
        }),
        head: logHeadOf(workspace.readLog()),
      })).finally(progress.end);
      if (options.json) {
        context.json({ reports: outcomes.map(({ path, format, digest }) => ({ path, format, digest })), recordHead: formatLogHead(recordHead), logHead: formatLogHead(head) });
        return;
      }
      for (const outcome of outcomes) {
        context.tell('report.path', { path: outcome.path });
        context.tell(outcome.format === 'pdf' || outcome.format === 'docx' ? 'report.model-digest' : 'report.digest', { digest: outcome.digest });
      }
      // The report holds the time-free record head of the log before it; the log head (which depends on
      // the log's times) goes to the terminal only. verify --expect-head accepts either.
      context.tell('report.record-head', { head: formatLogHead(recordHead) });
      context.tell('report.log-head', { head: formatLogHead(head) });
    });
};
