import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { addLibraryItem, initLibrary, parseProvenance, removeLibraryItem } from '../../pipeline/library.js';
import { compareCase } from '../../pipeline/compare.js';
import { readLibrary } from '../../library/folder.js';
import type { LibraryItem } from '../../library/item.js';
import { limitsFrom, withLimitOptions } from '../options.js';
import type { Limits } from '../../ingest/adapter.js';
import type { CliContext, RegisterCommands } from '../context.js';
import type { Translator } from '../i18n.js';

function describe(item: LibraryItem, t: Translator['t']): string {
  const p = item.provenance;
  const words = item.documents.reduce((sum, doc) => sum + doc.words, 0);
  return t('library.item', { sha: item.sha256.slice(0, 12), name: item.originalName, language: p.language, words, court: p.court, date: p.decisionDate, number: p.decisionNumber, list: p.list, entry: p.entry });
}

type AddOptions = { court: string; decisionDate: string; decisionNumber: string; list: string; entry: string; language: string; notes: string; actor?: string } & Partial<Record<keyof Limits, number>>;

function minWords(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 10) throw new UserError(`--min-words ${value}: give a whole number of words, 10 or more`, 'usage.min-words', undefined, { key: 'error.min-words', params: { value } });
  return number;
}

/** `soz library init | add | list | remove` and `soz compare`. */
export const registerLibraryCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const change = (options: { actor?: string }) => ({ now: context.io.now, actor: options.actor ?? 'soz' });
  const library = program.command('library').description("the lab's reference library of known material (court decisions as data)");
  library
    .command('init')
    .argument('<dir>', 'new library folder')
    .option('--actor <name>', 'who creates the library')
    .description('create an empty library folder with its hash-chained log')
    .action((dir: string, options: { actor?: string }) => {
      const entry = initLibrary(dir, change(options));
      context.tell('library.created', { dir, head: entry.hash });
    });
  withLimitOptions(
    library
      .command('add')
      .argument('<dir>', 'library folder')
      .argument('<file>', 'the item: PDF, DOCX, HTML or text, read like evidence')
      .requiredOption('--court <name>', 'court that decided')
      .requiredOption('--decision-date <YYYY-MM-DD>', 'date of the decision')
      .requiredOption('--decision-number <number>', 'number of the decision')
      .requiredOption('--list <name>', 'list the item was entered in')
      .requiredOption('--entry <number>', 'entry number in that list')
      .requiredOption('--language <code>', 'language of the item (ky, ru, uz-Cyrl, uz-Latn, kk, tg, ar, en)')
      .option('--notes <text>', 'anything else the lab records', '')
      .option('--actor <name>', 'who adds the item'),
  )
    .description('add an item with its provenance; its copy, text and fingerprints are kept and logged')
    .action(async (dir: string, file: string, options: AddOptions) => {
      const { court, decisionDate, decisionNumber, list, entry: listEntry, language, notes } = options;
      const provenance = parseProvenance({ court, decisionDate, decisionNumber, list, entry: listEntry, language, notes });
      const { item, entry } = await addLibraryItem(dir, file, provenance, limitsFrom(options), change(options));
      context.tell('library.added', { item: describe(item, context.translator.t) });
      context.tell('library.head', { head: entry.hash });
    });
  library
    .command('list')
    .argument('<dir>', 'library folder')
    .option('--json', 'print the items as JSON (keys and codes in English) instead of lines')
    .description('the items compared against, with their provenance (checks the folder first)')
    .action((dir: string, options: { json?: boolean }) => {
      const state = readLibrary(dir);
      if (options.json) {
        context.json({ items: state.items, head: state.head });
        return;
      }
      if (state.items.length === 0) context.tell('library.empty', { dir });
      for (const item of state.items) context.say(describe(item, context.translator.t));
      context.tell('library.head', { head: state.head });
    });
  library
    .command('remove')
    .argument('<dir>', 'library folder')
    .argument('<sha256>', 'the item: its SHA-256 or its first 6+ hex digits')
    .requiredOption('--reason <text>', 'why the item no longer applies (e.g. the decision was overturned)')
    .option('--actor <name>', 'who removes the item')
    .description('stop comparing against an item; its copy stays in the folder and the change is logged')
    .action((dir: string, sha: string, options: { reason: string; actor?: string }) => {
      const { item, entry } = removeLibraryItem(dir, sha, options.reason, change(options));
      context.tell('library.removed', { item: describe(item, context.translator.t) });
      context.tell('library.head', { head: entry.hash });
    });
  program
    .command('compare')
    .argument('<dir>', 'analysed case folder')
    .requiredOption('--library <dir>', 'reference library folder')
    .option('--min-words <n>', 'shortest passage reported, in words', minWords, 40)
    .option('--actor <name>', 'who runs the comparison')
    .option('--json', 'print the passages as JSON (keys and codes in English) instead of lines')
    .description('find passages of the evidence that reproduce library items (writes compare/)')
    .action(async (dir: string, options: { library: string; minWords: number; actor?: string; json?: boolean }) => {
      const result = await context.writeCase(dir, 'compare', (workspace) => compareCase(workspace, options.library, { minWords: options.minWords, clock: context.io.now, actor: context.actorFor(options, workspace) }));
      if (options.json) {
        context.json(result);
        return;
      }
      context.tell('compare.head', { head: result.libraryHead });
      for (const doc of result.documents) context.tell('compare.document', { name: doc.evidenceName, id: doc.documentId, passages: doc.matches, percent: (doc.share * 100).toFixed(1), words: doc.words });
      for (const m of result.matches) {
        const p = m.library.provenance;
        const place = `${m.findingId} ${m.evidence.evidenceName} [${m.evidence.range[0]}, ${m.evidence.range[1]}) = ${m.library.originalName} [${m.library.range[0]}, ${m.library.range[1]})`;
        context.tell('compare.match', { place, words: m.sameWords, court: p.court, date: p.decisionDate, number: p.decisionNumber, list: p.list, entry: p.entry });
      }
      context.tell('compare.written');
    });
};
