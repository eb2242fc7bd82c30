import type { Command } from 'commander';
import { Help } from 'commander';
import type { Translator } from './i18n.js';
import { HELP_TRANSLATED, readCliCatalogue } from '../pipeline/cli-catalogue.js';

/** The titles commander prints in `--help`, with their catalogue keys. */
const TITLE_KEYS: Readonly<Record<string, string>> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Global Options:': 'help.globalOptions',
};

/** The description of `-h, --help` and of the `help` command, which commander adds itself. */
const HELP_OPTION_TEXT = 'display help for command';

/** A command's path below the program, e.g. `sop status` (empty for the program itself). */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}

/** The catalogue key of a command's examples: `examples.sop.status`, `examples.soz` for the program. */
export function examplesKey(command: Command): string {
  const path = commandPath(command);
  return `examples.${path === '' ? 'soz' : path.replace(/ /g, '.')}`;
}

/** Every command of the program, the program first, depth first in the order they were added. */
export function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((command) => allCommands(command))];
}

/** Every `--help` description of a program (commands, arguments, options), as written in the code. */
export function helpTexts(program: Command): string[] {
  return allCommands(program).flatMap((command) => [
    command.description(),
    ...command.registeredArguments.map((argument) => argument.description),
    ...command.options.map((option) => option.description),
  ]).concat(HELP_OPTION_TEXT).filter((text) => text !== '');
}

/**
 * Puts the program's `--help` into the translator's language: every description of a command,
 * argument and option (through the help catalogue), commander's titles, and the examples of each
 * command after its options. Call it after every command is added and before parsing.
 */
export function localiseHelp(program: Command, translator: Translator): void {
  const { t, help } = translator;
  for (const command of allCommands(program)) {
    command.description(help(command.description()));
    for (const argument of command.registeredArguments) argument.description = help(argument.description);
    for (const option of command.options) option.description = help(option.description);
    command.helpOption('-h, --help', help(HELP_OPTION_TEXT));
    command.configureHelp({
      styleTitle: (title) => (TITLE_KEYS[title] === undefined ? title : t(TITLE_KEYS[title])),
      optionDescription: (option) => new Help().optionDescription(option).replace(/\(default: /, `(${t('help.default')}: `),
    });
    const examples = t(examplesKey(command));
    command.addHelpText('after', `\n${t('help.examples')}\n${examples.trimEnd().split('\n').map((line) => `  ${line}`).join('\n')}\n`);
    // Commander adds `help [command]` to every command with subcommands, described in English.
    if (command.commands.length > 0) command.helpCommand('help [command]', help(HELP_OPTION_TEXT));
  }
}

/**
 * What the CLI catalogues lack for a program whose descriptions are still the English of the code:
 * a description without its translation in a `cli-help.yaml`, a translation no description uses
 * any more, a command without examples in `templates/en/cli.yaml` (the other languages follow the
 * English keys, which `soz data validate` checks), examples of a command that does not exist.
 */
export function helpCoverageProblems(program: Command): string[] {
  const texts = new Set(helpTexts(program));
  const problems: string[] = [];
  for (const language of HELP_TRANSLATED) {
    const { help } = readCliCatalogue(language);
    const where = `templates/${language}/cli-help.yaml`;
    for (const text of texts) if (!Object.hasOwn(help, text)) problems.push(`${where}: ${JSON.stringify(text)}: missing; add the description and its translation`);
    for (const text of Object.keys(help)) if (!texts.has(text)) problems.push(`${where}: ${JSON.stringify(text)}: no command, argument or option has this description any more; remove it or correct it to the current English`);
  }
  const { messages } = readCliCatalogue('en');
  const keys = new Set(allCommands(program).map(examplesKey));
  for (const key of keys) if (!Object.hasOwn(messages, key)) problems.push(`templates/en/cli.yaml: ${key}: missing; give examples of the command in every language`);
  for (const key of Object.keys(messages)) if (key.startsWith('examples.') && !keys.has(key)) problems.push(`templates/en/cli.yaml: ${key}: no such command; remove it from every language`);
  return problems;
}

/** Commander's own usage errors, matched by their English wording, with their catalogue keys and the names of the quoted parts. */
const COMMANDER_ERRORS: readonly { pattern: RegExp; key: string; names: readonly string[] }[] = [
  { pattern: /^error: missing required argument '([^']*)'/, key: 'commander.missing-argument', names: ['name'] },
  { pattern: /^error: option '([^']*)' argument missing/, key: 'commander.option-argument-missing', names: ['option'] },
  { pattern: /^error: required option '([^']*)' not specified/, key: 'commander.required-option', names: ['option'] },
  { pattern: /^error: option '([^']*)' argument '([^']*)' is invalid\. (.*)$/s, key: 'commander.invalid-argument', names: ['option', 'value', 'reason'] },
  { pattern: /^error: unknown option '([^']*)'/, key: 'commander.unknown-option', names: ['option'] },
  { pattern: /^error: unknown command '([^']*)'/, key: 'commander.unknown-command', names: ['command'] },
  { pattern: /^error: too many arguments/, key: 'commander.too-many-arguments', names: [] },
];

/**
 * A usage error commander prints, in the translator's language; English stays commander's own
 * line, and a wording not known here is printed as commander wrote it.
 */
export function localiseCommanderError(text: string, translator: Translator): string {
  if (translator.language === 'en') return text;
  for (const { pattern, key, names } of COMMANDER_ERRORS) {
    const match = pattern.exec(text.trim());
    if (match) return `${translator.t('cli.error', { message: translator.t(key, Object.fromEntries(names.map((name, index) => [name, match[index + 1]!.trim()]))) })}\n`;
  }
  return text;
}
