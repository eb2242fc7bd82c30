import type { Command } from 'commander';
import type { OrgList, OrgListHeader } from '../../analysis/org-list.js';
import { namesPerLanguage } from '../../analysis/org-list.js';
import { importOrgList, readOrgListFile } from '../../pipeline/lists.js';
import type { CliContext, RegisterCommands } from '../context.js';
import type { Translator } from '../i18n.js';

type HeaderOptions = { name?: string; listVersion?: string; updated?: string };

function headerOf(options: HeaderOptions): OrgListHeader {
  return { ...(options.name !== undefined ? { name: options.name } : {}), ...(options.listVersion !== undefined ? { version: options.listVersion } : {}), ...(options.updated !== undefined ? { updated: options.updated } : {}) };
}

/** The list in one line, then the names per language; an empty language is said to be unchecked. */
function summary(list: OrgList, t: Translator['t']): string[] {
  const counts = namesPerLanguage(list);
  const present = Object.entries(counts).filter(([, count]) => count > 0);
  return [
    t('lists.summary', { name: list.name, version: list.version, updated: list.updated, count: list.entries.length }),
    present.length === 0 ? t('lists.empty') : t('lists.names', { names: present.map(([language, count]) => `${language} ${count}`).join(', ') }),
  ];
}

/** What `--json` prints of a list: its header, the number of organisations and of names per language. */
function summaryJson(list: OrgList): Record<string, unknown> {
  return { name: list.name, version: list.version, updated: list.updated, organisations: list.entries.length, namesPerLanguage: namesPerLanguage(list) };
}

const withHeaderOptions = (command: Command) =>
  command
    .option('--name <text>', "CSV: the list's name (YAML carries it)")
    .option('--list-version <x.y.z>', "CSV: the list's version (YAML carries it)")
    .option('--updated <YYYY-MM-DD>', 'CSV: date of the last update (YAML carries it)');

/** `soz lists check FILE` and `soz lists import CASE FILE`: the lab's list of banned organisations. */
export const registerListsCommands: RegisterCommands = (program: Command, context: CliContext) => {
  const lists = program.command('lists').description("the lab's list of organisations banned by courts (YAML or CSV, kept by the lab)");
  withHeaderOptions(lists.command('check').argument('<file>', 'the list, .yaml or .csv'))
    .option('--json', 'print the outcome as JSON (keys and codes in English) instead of lines')
    .description('check a list and show what it holds (changes nothing)')
    .action((file: string, options: HeaderOptions & { json?: boolean }) => {
      const list = readOrgListFile(file, headerOf(options));
      if (options.json) context.json(summaryJson(list));
      else for (const line of summary(list, context.translator.t)) context.say(line);
    });
  withHeaderOptions(lists.command('import').argument('<dir>', 'case folder').argument('<file>', 'the list, .yaml or .csv').option('--actor <name>', 'who imports the list'))
    .option('--json', 'print the outcome as JSON (keys and codes in English) instead of lines')
    .description('record the list in the case; soz analyze then searches its names')
    .action(async (dir: string, file: string, options: HeaderOptions & { actor?: string; json?: boolean }) => {
      const imported = await context.writeCase(dir, 'lists', (workspace) => importOrgList(workspace, file, headerOf(options), { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      if (options.json) {
        context.json({ ...summaryJson(imported.list), path: 'lists/organisations.json', sha256: imported.sha256 });
        return;
      }
      for (const line of summary(imported.list, context.translator.t)) context.say(line);
      context.tell('lists.recorded', { sha256: imported.sha256, dir });
    });
};
