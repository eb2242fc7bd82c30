/**
 * The CLI in the examiner's language (issue 18): messages and `--help` from the catalogues in
 * ru, ky and en, examples in every `--help`, and `--json` output that is never localised.
 * The evidence is a fictional two-line text written here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { allCommandModules, buildProgram } from '../src/cli/main.js';
import type { RegisterCommands } from '../src/cli/context.js';
import { createContext } from '../src/cli/context.js';
import { allCommands, commandPath, examplesKey, helpCoverageProblems } from '../src/cli/help-i18n.js';
import { cliLanguage, translatorFor } from '../src/cli/i18n.js';
import type { Translator } from '../src/cli/i18n.js';
import { readCliCatalogue, validateCliCatalogues } from '../src/pipeline/cli-catalogue.js';
import { REPORT_LANGUAGES } from '../src/core/case.js';
import type { ReportLanguage } from '../src/core/case.js';
import { soz, tempDir } from './support/cli.js';

const english = readCliCatalogue('en');
const translators = Object.fromEntries(REPORT_LANGUAGES.map((language) => [language, translatorFor(readCliCatalogue(language), english)])) as Record<ReportLanguage, Translator>;
const silentIo = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: process.cwd(), now: () => new Date('2026-03-10T09:00:00Z') };
let commandModules: RegisterCommands[] = [];
beforeAll(async () => {
  commandModules = await allCommandModules();
});
const englishProgram = (): Command => buildProgram(createContext(silentIo), commandModules);

/** A new case with one fictional text file, made with `--lang language`. */
async function fictionalCase(language: ReportLanguage): Promise<{ dir: string; evidence: string; lines: string[] }> {
  const root = tempDir('soz-i18n-');
  const dir = join(root, 'case');
  const evidence = join(root, 'note.txt');
  writeFileSync(evidence, 'Это вымышленная записка для проверки.\nОна ни к чему не призывает.\n');
  const lang = ['--lang', language];
  const init = await soz([...lang, 'init', dir, '--case-number', '1', '--ordering-body', 'Court', '--examiner', 'Examiner', '--language', language]);
  const add = await soz([...lang, 'add', dir, evidence]);
  const analyze = await soz([...lang, 'analyze', dir]);
  for (const result of [init, add, analyze]) expect(result.code, result.stderr).toBe(0);
  return { dir, evidence, lines: [init, add, analyze].flatMap((result) => result.stdout.trimEnd().split('\n')) };
}

describe('catalogues', () => {
  it('every language has every English key with the same placeholders, and the help files cover every description', () => {
    expect(validateCliCatalogues()).toEqual([]);
    expect(helpCoverageProblems(englishProgram())).toEqual([]);
  });

  it('soz data validate checks the CLI catalogues with the rest of the data', async () => {
    const result = await soz(['data', 'validate']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('data valid\n');
  });

  it('every key the code names (messages, UserErrors) is in the English catalogue', () => {
    const sources = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => readFileSync(join(dir, name), 'utf8'));
    const printed = sources('src/cli').flatMap((source) => [...source.matchAll(/\b(?:tell|t)\('([a-z][\w.-]*)'/g)]);
    const raised = sources('src').flatMap((source) => [...source.matchAll(/key: '([a-z][\w.-]*)', params/g)]);
    const used = new Set([...printed, ...raised].map((match) => match[1]!));
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(english.messages, key).toHaveProperty([key]);
  });
});

describe('language of the CLI', () => {
  it('takes --lang, then SOZ_LANG, then the locale, then English', () => {
    expect(cliLanguage(['--lang', 'ky', 'verify', 'X'], { SOZ_LANG: 'ru', LANG: 'en_US.UTF-8' })).toEqual({ language: 'ky', source: '--lang' });
    expect(cliLanguage(['verify', 'X', '--lang=ru'], {})).toEqual({ language: 'ru', source: '--lang' });
    expect(cliLanguage(['verify', 'X'], { SOZ_LANG: 'ru', LANG: 'ky_KG.UTF-8' })).toEqual({ language: 'ru', source: 'SOZ_LANG' });
    expect(cliLanguage([], { LC_ALL: 'ky_KG.UTF-8', LANG: 'ru_RU.UTF-8' })).toEqual({ language: 'ky', source: 'locale' });
    expect(cliLanguage([], { LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_GB.UTF-8' })).toEqual({ language: 'ru', source: 'locale' });
    expect(cliLanguage([], { LANG: 'ru_RU.UTF-8' })).toEqual({ language: 'ru', source: 'locale' });
    expect(cliLanguage([], { LANG: 'de_DE.UTF-8' })).toEqual({ language: 'en', source: 'default' });
    expect(cliLanguage([], { LANG: 'C' })).toEqual({ language: 'en', source: 'default' });
    expect(cliLanguage(['question', 'add', 'CASE', '--', '--lang', 'ky'], {})).toEqual({ language: 'en', source: 'default' });
  });

  it('refuses a --lang or SOZ_LANG soz has no messages in: exit 2, one line', async () => {
    for (const [argv, env] of [[['--lang', 'de', 'demo'], {}], [['demo'], { SOZ_LANG: 'fr' }]] as const) {
      const result = await soz(argv, { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^soz: error: (--lang de|SOZ_LANG=fr): soz speaks ru, ky, en; give one of them\n$/);
    }
  });
});

describe('--help in every language', () => {
  const paths = allCommands(englishProgram()).map((command) => ({ path: commandPath(command), key: examplesKey(command) }));

  it.each(REPORT_LANGUAGES)('every command has its examples and its description in %s', async (language) => {
    const { t, help } = translators[language];
    const englishDescriptions = new Map(allCommands(englishProgram()).map((command) => [commandPath(command), command.description()]));
    for (const { path, key } of paths) {
      const result = await soz([...(path === '' ? [] : path.split(' ')), '--help'], { env: { SOZ_LANG: language } });
      expect(result.code, path).toBe(0);
      expect(result.stdout, path).toContain(`\n${t('help.examples')}\n`);
      expect(result.stdout, path).toContain(t(key).trimEnd().split('\n')[0]!);
      expect(result.stdout.startsWith(t('help.usage')), path).toBe(true);
      const description = help(englishDescriptions.get(path)!).split(' ').slice(0, 3).join(' ');
      expect(result.stdout, path).toContain(description);
    }
  });

  it('English help is the text of the code; ru and ky translate it', async () => {
    const en = await soz(['add', '--help']);
    const ru = await soz(['--lang', 'ru', 'add', '--help']);
    expect(en.stdout).toContain('take files into custody: hash, copy read-only, log');
    expect(ru.stdout).toContain('принять файлы на хранение: хеш, копия только для чтения, журнал');
    expect(ru.stdout).not.toContain('take files into custody');
  });
});

describe('messages in the examiner’s language', () => {
  it('a workflow with --lang ky prints the Kyrgyz catalogue lines', async () => {
    const { t } = translators.ky;
    const { dir, lines } = await fictionalCase('ky');
    expect(lines[0]).toBe(t('init.created', { dir }));
    expect(lines[1]!.startsWith(t('add.added', { sha256: '', name: '', mediaType: '', documents: '' }).split(' ')[0]!)).toBe(true);
    expect(lines).toContain(t('notices.none'));
    expect(lines.some((line) => line.startsWith(t('analyze.manifest', { digest: '' })))).toBe(true);
    const question = await soz(['--lang', 'ky', 'question', 'list', dir]);
    expect(question.stdout).toBe(`${t('question.none', { dir })}\n`);
    const review = await soz(['--lang', 'ky', 'review', dir, '--list']);
    expect(review.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${t('review.open', { open: '\\d+', total: '\\d+' }).replace(/[()]/g, '\\$&')}$`));
    const status = await soz(['--lang', 'ky', 'sop', 'status', dir]);
    expect(status.stdout.split('\n')[0]).toMatch(/^жол-жобо /);
    expect(status.stdout).toContain(`[${t('sop.state.done').padEnd(7)}]`);
    const verify = await soz(['--lang', 'ky', 'verify', dir]);
    expect(verify.code, verify.stderr).toBe(0);
    const verifyLines = verify.stdout.trimEnd().split('\n');
    expect(verifyLines.at(-1)).toMatch(new RegExp(`^${t('verify.summary', { checks: '\\d+', differences: '0' })}$`));
    expect(verifyLines).toContain(t('verify.seals', { count: 0 }));
    expect(verifyLines.some((line) => line.startsWith(t('verify.log-head', { head: '' })))).toBe(true);
    const missing = await soz(['--lang', 'ky', 'question', 'answer', dir, 'Q9', '--file', join(dir, 'none.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`${t('cli.error', { message: t('error.unknown-question', { dir, id: 'Q9' }) })}\n`);
  });

  it('SOZ_LANG=ru: messages, UserErrors and commander errors in Russian; English stays commander\'s own', async () => {
    const { t } = translators.ru;
    const root = tempDir('soz-i18n-');
    const env = { SOZ_LANG: 'ru' };
    const init = await soz(['init', join(root, 'c'), '--case-number', '1', '--ordering-body', 'Суд', '--examiner', 'Эксперт'], { env });
    expect(init.stdout).toBe(`${t('init.created', { dir: join(root, 'c') })}\n`);
    const notACase = await soz(['sop', 'status', root], { env });
    expect(notACase.code).toBe(2);
    expect(notACase.stderr).toBe(`${t('cli.error', { message: t('error.not-a-case', { dir: root, file: 'case.json' }) })}\n`);
    const usage = await soz(['init', join(root, 'd')], { env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe(`${t('cli.error', { message: t('commander.required-option', { option: '--case-number <text>' }) })}\n`);
    const englishUsage = await soz(['init', join(root, 'd')]);
    expect(englishUsage.stderr).toBe("error: required option '--case-number <text>' not specified\n");
  });

  it('English output is unchanged by the catalogue (the old lines, word for word)', async () => {
    const { dir, lines } = await fictionalCase('en');
    expect(lines[0]).toBe(`case created: ${dir}`);
    expect(lines[1]).toMatch(/^added {5}[0-9a-f]{64} {2}note\.txt {2}\(text\/plain, 1 document\(s\)\)$/);
    expect(lines.at(-1)).toBe('notices: none');
  });
});

describe('--json', () => {
  it('add, analyze, sop status, question list, review --list, report, verify print canonical JSON that no language changes', async () => {
    const root = tempDir('soz-i18n-json-');
    const outputs: Record<string, unknown>[] = [];
    for (const language of ['en', 'ky'] as const) {
      const dir = join(root, language);
      const evidence = join(root, 'note.txt');
      writeFileSync(evidence, 'Это вымышленная записка для проверки.\nОна ни к чему не призывает.\n');
      const lang = ['--lang', language];
      expect((await soz([...lang, 'init', dir, '--case-number', '1', '--ordering-body', 'Court', '--examiner', 'Examiner'])).code).toBe(0);
      const run = async (argv: string[], code = 0) => {
        const result = await soz([...lang, ...argv, '--json']);
        expect(result.code, result.stderr).toBe(code);
        return JSON.parse(result.stdout) as Record<string, unknown>;
      };
      const add = await run(['add', dir, evidence]);
      const analyze = await run(['analyze', dir]);
      const status = await run(['sop', 'status', dir]);
      const questions = await run(['question', 'list', dir]);
      const review = await run(['review', dir, '--list']);
      const report = await run(['report', dir]);
      const verify = await run(['verify', dir]);
      outputs.push({ add, analyze, status, questions, review, verify: { ...verify, target: null } });

      expect(add).toMatchObject({ items: [{ status: 'added', originalName: 'note.txt', mediaType: 'text/plain', documents: 1 }], notices: [] });
      expect(analyze).toMatchObject({ documents: 1, notices: [] });
      expect(analyze['manifestSha256']).toMatch(/^[0-9a-f]{64}$/);
      expect(Array.isArray(analyze['analyses'])).toBe(true);
      expect(status).toMatchObject({ procedureId: expect.any(String), total: (status['steps'] as unknown[]).length, experts: [], joint: null });
      expect((status['steps'] as { state: string }[]).every((step) => ['done', 'skipped', 'open', 'blocked'].includes(step.state))).toBe(true);
      expect(questions).toEqual({ questions: [] });
      expect(review).toMatchObject({ notReviewed: (review['open'] as unknown[]).length, total: expect.any(Number) });
      expect(report).toMatchObject({ reports: [{ format: 'md', path: expect.stringMatching(/\.md$/), digest: expect.stringMatching(/^[0-9a-f]{64}$/) }] });
      expect(report['logHead']).toMatch(/^\d+:[0-9a-f]{64}$/);
      expect(verify).toMatchObject({ outcome: 'match', differences: [], stale: [], staleSince: null });
      const keys = Object.keys(verify);
      expect(keys).toEqual([...keys].sort());
    }
    // Status steps carry the log's times and actors; the rest is the same bytes in every language.
    const [en, ky] = outputs as [Record<string, Record<string, unknown>>, Record<string, Record<string, unknown>>];
    expect(ky['add']!['items']).toEqual(en['add']!['items']);
    expect(ky['analyze']).toEqual(en['analyze']);
    expect(ky['questions']).toEqual(en['questions']);
    expect(ky['review']).toEqual(en['review']);
    expect(ky['verify']!['outcome']).toBe(en['verify']!['outcome']);
  });
});

describe('--json of the reference library', () => {
  // The fictional pine-cone leaflet and the note retyping it (tests/fixtures/library/, written for soz's tests).
  const fixtures = new URL('./fixtures/library/', import.meta.url).pathname;
  const provenance = ['--court', 'Fictional District Court No. 9', '--decision-date', '2024-02-29', '--decision-number', '9-77/2024', '--list', 'Fictional list of decided material', '--entry', '412', '--language', 'ru'];

  it('library list and compare print JSON; compare --json is the matches.json soz writes', async () => {
    const root = tempDir('soz-i18n-library-');
    const lib = join(root, 'lib');
    expect((await soz(['library', 'init', lib])).code).toBe(0);
    expect((await soz(['library', 'add', lib, join(fixtures, 'fictional-leaflet.txt'), ...provenance])).code).toBe(0);
    const listed = await soz(['--lang', 'ru', 'library', 'list', lib, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const library = JSON.parse(listed.stdout) as { items: { originalName: string; provenance: { court: string; entry: string } }[]; head: string };
    expect(library.items).toHaveLength(1);
    expect(library.items[0]).toMatchObject({ originalName: 'fictional-leaflet.txt', provenance: { court: 'Fictional District Court No. 9', entry: '412' } });
    expect(library.head).toMatch(/^[0-9a-f]{64}$/);

    const caseDir = join(root, 'case');
    expect((await soz(['run', join(fixtures, 'seized-note.txt'), '--out', caseDir])).code).toBe(0);
    const compared = await soz(['--lang', 'ky', 'compare', caseDir, '--library', lib, '--json']);
    expect(compared.code, compared.stderr).toBe(0);
    const result = JSON.parse(compared.stdout) as { schema: string; libraryHead: string; matches: unknown[] };
    expect(result).toMatchObject({ schema: 'soz.compare/2', libraryHead: library.head });
    expect(result.matches.length).toBeGreaterThan(0);
    expect(result).toEqual(JSON.parse(readFileSync(join(caseDir, 'compare', 'matches.json'), 'utf8')));
  });
});
