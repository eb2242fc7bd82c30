import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseYaml } from '../core/yaml.js';
import { z } from 'zod';
import type { ReportLanguage } from '../core/case.js';
import { REPORT_LANGUAGES } from '../core/case.js';
import { messageOf } from '../core/errors.js';
import type { MessageCatalogue } from '../core/messages.js';
import { catalogueProblems, messageCatalogueSchema } from '../core/messages.js';
import { sha256 } from '../core/hash.js';
import type { CachedSource } from '../language/data-cache.js';
import { compilerModules, dataCacheKey, readDataCache, writeDataCache } from '../language/data-cache.js';
import { INSTALL_ROOT } from './install.js';

/**
 * The CLI's texts in one language: `messages` by key (`templates/<lang>/cli.yaml` and
 * `cli-errors.yaml`), and `help`,
 * the `--help` descriptions keyed by their English text as written in the command modules
 * (`templates/<lang>/cli-help.yaml`; English needs none — the code's text is the English).
 */
export interface CliCatalogue {
  readonly language: ReportLanguage;
  readonly messages: MessageCatalogue;
  readonly help: Readonly<Record<string, string>>;
}

/** Languages whose `--help` descriptions are translated from the English in the code. */
export const HELP_TRANSLATED: readonly ReportLanguage[] = REPORT_LANGUAGES.filter((language) => language !== 'en');

/** A translated help file: English description → its translation. */
const helpSchema = z.record(z.string().min(1), z.string().trim().min(1, 'must not be empty'));

/**
 * The files of a language's messages, read as one catalogue: the CLI's lines; the one-line errors
 * of every layer (`UserError` keys, `error.<module>.…`) and what stops a final (`final.…`); the
 * feedback of a practice grade (`practice.feedback.…`); the details inside a line (`cli-details.yaml`: the
 * sub-problems a refusal lists, verify's differences, the feedback sheet) — kept apart because they are many.
 */
const MESSAGE_FILES = ['cli.yaml', 'cli-errors.yaml', 'cli-practice.yaml', 'cli-details.yaml'] as const;

function messagesPath(language: ReportLanguage, file: (typeof MESSAGE_FILES)[number], root = INSTALL_ROOT): string {
  return join(root, 'templates', language, file);
}

function helpPath(language: ReportLanguage, root = INSTALL_ROOT): string {
  return join(root, 'templates', language, 'cli-help.yaml');
}

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

/** The modules whose code decides what a catalogue is (this loader, the message schema), for the data cache key. */
const CATALOGUE_COMPILER = compilerModules(import.meta.url, ['cli-catalogue', '../core/messages']);

/** A catalogue file's text, or undefined when it is missing or cannot be read. */
interface CatalogueFile {
  readonly path: string;
  readonly text: string | undefined;
}

/** The files of a language's catalogue, in the order they are merged (the help file last, not for English). */
function catalogueFiles(language: ReportLanguage, root: string): CatalogueFile[] {
  const paths = [...MESSAGE_FILES.map((file) => messagesPath(language, file, root)), ...(language === 'en' ? [] : [helpPath(language, root)])];
  return paths.map((path) => ({ path, text: readText(path) }));
}

/** A file's text, or undefined when it is missing or cannot be read. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The data cache key of a language's catalogue: every file's path and hash (a missing file hashes as none). */
function catalogueKey(language: ReportLanguage, files: readonly CatalogueFile[]): string | null {
  // Paths as the package names them (templates/<lang>/<file>), the same on every platform.
  const sources: CachedSource[] = files.map(({ path, text }) => ({ path: `templates/${language}/${basename(path)}`, sha256: text === undefined ? 'missing' : sha256(text) }));
  return dataCacheKey(`cli-${language}`, sources, CATALOGUE_COMPILER);
}

/**
 * The catalogue of a language. A file that is missing or does not fit its schema gives an empty
 * map, so the CLI falls back to English instead of failing; `soz data validate` names the problem.
 * Every command reads it: the build's parsed copy (`dist/data-cache/cli-<lang>.json`, trusted only
 * for the same files and code, see `language/data-cache.ts`) spares parsing the YAML each time.
 */
export function readCliCatalogue(language: ReportLanguage, root = INSTALL_ROOT): CliCatalogue {
  const files = catalogueFiles(language, root);
  const cached = readDataCache(root, `cli-${language}`, catalogueKey(language, files));
  return cached !== undefined ? (cached as CliCatalogue) : compileCatalogue(language, files);
}

function compileCatalogue(language: ReportLanguage, files: readonly CatalogueFile[]): CliCatalogue {
  const maps = files.map(({ text }, i) => readMap(text, i < MESSAGE_FILES.length ? messageCatalogueSchema : helpSchema));
  const messages = Object.assign({}, ...maps.slice(0, MESSAGE_FILES.length)) as Record<string, string>;
  return { language, messages, help: maps[MESSAGE_FILES.length] ?? {} };
}

/** Writes the parsed catalogue of every language under `root` into its data cache (part of `npm run build`); returns the files written. */
export function writeCliCatalogueCaches(root = INSTALL_ROOT): string[] {
  return REPORT_LANGUAGES.map((language) => {
    const files = catalogueFiles(language, root);
    return writeDataCache(root, `cli-${language}`, catalogueKey(language, files), compileCatalogue(language, files));
  });
}

function readMap(text: string | undefined, schema: z.ZodType<Record<string, string>>): Record<string, string> {
  if (text === undefined) return {};
  try {
    const parsed = schema.safeParse(parseYaml(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The problems of one file, or the one-line problem of a file that cannot be read. */
function fileProblems(path: string, check: (raw: unknown) => string[]): string[] {
  let raw: unknown;
  try {
    raw = readYaml(path);
  } catch (error) {
    return [`${path}: cannot be read (${messageOf(error).split('\n')[0]}); add the file or fix its YAML`];
  }
  return check(raw);
}

/**
 * Problems of the CLI catalogues, each naming the file, the key and the fix: every language's
 * `cli.yaml` has the English keys with the same placeholders; every translated `cli-help.yaml`
 * fits its schema. (Whether the help files cover every description of the program is checked by
 * the CLI, which holds the program, in `soz data validate`.)
 */
export function validateCliCatalogues(): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const file of MESSAGE_FILES) {
    const englishPath = messagesPath('en', file);
    const english = readMap(readText(englishPath), messageCatalogueSchema);
    for (const key of Object.keys(english)) {
      const first = seen.get(key);
      if (first !== undefined) problems.push(`${englishPath}: ${key}: also in ${first}; keep a key in one file`);
      else seen.set(key, englishPath);
    }
    for (const language of REPORT_LANGUAGES) {
      const path = messagesPath(language, file);
      problems.push(...fileProblems(path, (raw) => catalogueProblems(path, raw, english, englishPath)));
    }
  }
  for (const language of HELP_TRANSLATED) {
    const path = helpPath(language);
    problems.push(
      ...fileProblems(path, (raw) => {
        const parsed = helpSchema.safeParse(raw);
        return parsed.success ? [] : parsed.error.issues.map((issue) => `${path}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}; write one "English text: translation" line per description`);
      }),
    );
  }
  return problems;
}
