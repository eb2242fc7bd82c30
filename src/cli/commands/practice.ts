import type { Command } from 'commander';
import { gradePracticeCase, listPracticeCases, startPracticeCase } from '../../pipeline/practice.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { gradeLines } from '../practice-lines.js';

/**
 * `soz practice list | start ID DIR | grade DIR [--key FILE] [--json]`: the fictional practice
 * cases for trainers. `start` never reads the key; `grade` reads it and writes the feedback sheet.
 */
export const registerPracticeCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const practice = program.command('practice').description('practice cases for trainers: list, start a case for a trainee, grade the work against the key');

  practice
    .command('list')
    .option('--json', 'print the cases as JSON instead of lines')
    .description('the bundled fictional practice cases: id, languages, formats, title')
    .action(async (options: { json?: boolean }) => {
      const cases = await listPracticeCases();
      if (options.json) {
        context.json({ cases });
        return;
      }
      for (const entry of cases) {
        context.say(`${entry.id.padEnd(26)} ${entry.languages.join('/').padEnd(9)} ${entry.formats.join(', ').padEnd(34)} ${entry.title}`);
      }
    });

  practice
    .command('start')
    .argument('<id>', 'practice case id (see soz practice list)')
    .argument('<dir>', 'new case folder for the trainee')
    .description('create a case from the practice materials and order (without the key) and run the analysis')
    .action(async (id: string, dir: string) => {
      const outcome = await startPracticeCase(id, dir, { clock: context.io.now });
      context.tell('practice.started', { id: outcome.caseId, dir: outcome.dir, materials: outcome.materials, documents: outcome.documents, questions: outcome.questions, flagged: outcome.flagged });
      context.tell('practice.next', { dir: outcome.dir });
    });

  practice
    .command('grade')
    .argument('<dir>', 'practice case folder the trainee worked in')
    .option('--key <file>', "trainer's key (default: the library's key for the case)")
    .option('--actor <name>', 'who grades (default: trainer)')
    .option('--json', 'print the grade as JSON instead of lines')
    .description('compare the trainee\'s records with the key: feedback per item, a score per skill, practice/feedback.html')
    .action((dir: string, options: { key?: string; actor?: string; json?: boolean }) => {
      const outcome = gradePracticeCase(dir, { clock: context.io.now, language: context.translator.language, ...(options.key ? { keyFile: options.key } : {}), ...(options.actor ? { actor: options.actor } : {}) });
      if (options.json) context.json(outcome.result);
      else for (const line of gradeLines(outcome.result, outcome.feedbackPath, context.translator)) context.say(line);
    });
};
