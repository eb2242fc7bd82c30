import type { Command } from 'commander';
import type { OrgList, OrgListHeader } from '../../analysis/org-list.js';
import { namesPerLanguage } from '../../analysis/org-list.js';
import { importOrgList, readOrgListFile } from '../../pipeline/lists.js';
import type { CliContext, RegisterCommands } from '../context.js';

type HeaderOptions = { name?: string; listVersion?: string; updated?: string };

function headerOf(options: HeaderOptions): OrgListHeader {
  return { ...(options.name !== undefined ? { name: options.name } : {}), ...(options.listVersion !== undefined ? { version: options.listVersion } : {}), ...(options.updated !== undefined ? { updated: options.updated } : {}) };
}

/** The list in one line, then the names per language; an empty language is said to be unchecked. */
function summary(list: OrgList): string[] {
  const counts = namesPerLanguage(list);
  const present = Object.entries(counts).filter(([, count]) => count > 0);
  return [
    `${list.name} ${list.version} (updated ${list.updated}): ${list.entries.length} organisation(s)`,
    present.length === 0 ? 'warning: the list is empty; names of organisations will not be checked' : `names: ${present.map(([language, count]) => `${language} ${count}`).join(', ')}`,
  ];
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
    .description('check a list and show what it holds (changes nothing)')
    .action((file: string, options: HeaderOptions) => {
      for (const line of summary(readOrgListFile(file, headerOf(options)))) context.say(line);
    });
  withHeaderOptions(lists.command('import').argument('<dir>', 'case folder').argument('<file>', 'the list, .yaml or .csv').option('--actor <name>', 'who imports the list'))
    .description('record the list in the case; soz analyze then searches its names')
    .action(async (dir: string, file: string, options: HeaderOptions & { actor?: string }) => {
      const imported = await context.writeCase(dir, 'lists', (workspace) => importOrgList(workspace, file, headerOf(options), { clock: context.io.now, actor: context.actorFor(options, workspace) }));
      for (const line of summary(imported.list)) context.say(line);
      context.say(`recorded as lists/organisations.json (SHA-256 ${imported.sha256}); run soz analyze ${dir} to search the names`);
    });
};
