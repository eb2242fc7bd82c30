import type { ReportLanguage } from '../core/case.js';
import { REPORT_LANGUAGES, isReportLanguage } from '../core/case.js';
import { UserError } from '../core/errors.js';
import type { MessageParams, MessageRef } from '../core/messages.js';
import { formatMessage } from '../core/messages.js';
import type { CliCatalogue } from '../pipeline/cli-catalogue.js';
import { readCliCatalogue } from '../pipeline/cli-catalogue.js';

/** Where the CLI's language came from (the first of these that is set wins). */
export type LanguageSource = '--lang' | 'SOZ_LANG' | 'locale' | 'default';

/**
 * The value of the global `--lang` option in `argv`, read before commander parses, because
 * `--help` is printed while parsing. Arguments after `--` are operands, never options.
 */
export function langArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') break;
    if (argument === '--lang') found = argv[index + 1];
    else if (argument.startsWith('--lang=')) found = argument.slice('--lang='.length);
  }
  return found;
}

/**
 * The language of the CLI's messages and `--help`: `--lang`, then `SOZ_LANG`, then the locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`: `ru_RU.UTF-8` → ru, `ky_KG` → ky), else English. A `--lang`
 * or `SOZ_LANG` soz has no messages in is a UserError; an unknown locale falls back to English.
 */
export function cliLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { language: ReportLanguage; source: LanguageSource } {
  const explicit: readonly [LanguageSource, string | undefined][] = [['--lang', langArgument(argv)], ['SOZ_LANG', env['SOZ_LANG']]];
  for (const [source, value] of explicit) {
    if (value === undefined || value === '') continue;
    const code = value.trim().toLowerCase();
    if (!isReportLanguage(code)) throw new UserError(`${source === '--lang' ? '--lang ' : 'SOZ_LANG='}${value}: soz speaks ${REPORT_LANGUAGES.join(', ')}; give one of them`, 'usage.lang', undefined, { key: 'error.usage.lang', params: { setting: source === '--lang' ? '--lang ' : 'SOZ_LANG=', value, languages: REPORT_LANGUAGES.join(', ') } });
    return { language: code, source };
  }
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '');
  const code = locale?.split(/[_.@-]/)[0]?.toLowerCase();
  if (code !== undefined && isReportLanguage(code)) return { language: code, source: 'locale' };
  return { language: 'en', source: 'default' };
}

/** The CLI's texts in the chosen language, English where a text is missing. */
export interface Translator {
  readonly language: ReportLanguage;
  /** The message `key` with its placeholders filled; English when the language lacks it, the key itself when English does too. */
  readonly t: (key: string, params?: MessageParams) => string;
  /** A `--help` description in the language; the English text itself when it has no translation. */
  readonly help: (english: string) => string;
  /**
   * The text of a message reference in the language; `fallback` (the English the code wrote, which
   * may say more, e.g. plurals) in English or when no catalogue has the key.
   */
  readonly message: (ref: MessageRef, fallback: string) => string;
}

/** A translator over a language's catalogue with English as the fallback. */
export function translatorFor(catalogue: CliCatalogue, english: CliCatalogue = catalogue.language === 'en' ? catalogue : readCliCatalogue('en')): Translator {
  const template = (key: string) => catalogue.messages[key] ?? english.messages[key];
  return {
    language: catalogue.language,
    t: (key, params = {}) => formatMessage(template(key) ?? key, params, template),
    help: (text) => catalogue.help[text] ?? text,
    message: (ref, fallback) => {
      const text = catalogue.language === 'en' ? undefined : template(ref.key);
      return text === undefined ? fallback : formatMessage(text, ref.params, template);
    },
  };
}
