/**
 * The guard of issue 18: every line soz prints in `--lang ru` is Russian. One small fictional case
 * (a Russian note and a WhatsApp chat written here, a fictional list of organisations, the
 * fictional library fixtures and the fictional demo case) goes through every command that prints —
 * their lines, prompts, progress, `--help` and the errors of the normal workflow — and no line may
 * keep an English phrase. English is recognised by the English catalogue's own words that the
 * Russian catalogue does not use (so codes such as `soz`, `verify`, `sha256` are not English);
 * codes, paths, ids, hashes and flags are left out, and so is what soz quotes: the lexicons' reasons
 * of a finding (English data, labelled as the lexicon's wording, see README).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allCommandModules, buildProgram, runCli } from '../src/cli/main.js';
import { createContext } from '../src/cli/context.js';
import { allCommands, commandPath } from '../src/cli/help-i18n.js';
import { readCliCatalogue } from '../src/pipeline/cli-catalogue.js';
import { loadProcedure } from '../src/sop/data.js';
import type { CliResult } from './support/cli.js';
import { soz, tempDir } from './support/cli.js';

/** Words of a catalogue's texts (examples left out: they are command lines). */
function catalogueWords(language: 'en' | 'ru' | 'ky'): Set<string> {
  const { messages, help } = readCliCatalogue(language);
  const texts = [...Object.entries(messages).filter(([key]) => !key.startsWith('examples.')).map(([, text]) => text), ...(language === 'en' ? Object.keys(help) : Object.values(help))];
  // Placeholders and flags (--max-in-memory-bytes) are codes, not words of the language.
  return new Set(texts.flatMap((text) => text.replace(/\{[A-Za-z]+\}|--[a-z][a-z-]*/g, ' ').toLowerCase().match(/[a-z]+/g) ?? []));
}

/** English words soz itself writes: in the English catalogue (messages and help), not in the other language's. */
function englishWordsBeside(language: 'ru' | 'ky'): Set<string> {
  const own = catalogueWords(language);
  return new Set([...catalogueWords('en')].filter((word) => word.length >= 2 && !own.has(word)));
}
const ENGLISH = englishWordsBeside('ru');

/** A chunk that is a code, path, id, hash, flag, file name or placeholder, never prose. */
const CODE = /[0-9/\\._:@#<>[\]=|$-]/;

/**
 * The English phrases in a line: a catalogue word alone, or ASCII words in a row with one of them
 * English. `quoted` texts are removed first; a word in `codes` (a command, argument, step, analysis
 * or format name) is a code and breaks a phrase.
 */
function englishIn(line: string, quoted: readonly string[], codes: ReadonlySet<string> = new Set(), english: ReadonlySet<string> = ENGLISH): string[] {
  let rest = line;
  for (const text of quoted) rest = rest.split(text).join(' ');
  rest = rest.replace(/\bsoz( [a-z][a-z-]*){0,2}/g, ' '); // a command named in a hint
  const chunks = rest.split(/\s+/);
  const found: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.some((word) => english.has(word.toLowerCase())) && (run.length > 1 || english.has(run[0]!.toLowerCase()))) found.push(run.join(' '));
    run = [];
  };
  for (const chunk of chunks) {
    const trimmed = chunk.replace(/^[(«"'`…—]+|[)»"'`,;:?!…]+$/g, '');
    const word = CODE.test(trimmed) ? '' : trimmed;
    if (/^[A-Za-z]+$/.test(word) && !codes.has(word)) run.push(word);
    else close();
    if (/[,;:?!)»]$/.test(chunk)) close(); // a phrase ends at its punctuation
  }
  close();
  return found;
}

const ru = (argv: readonly string[], env: Record<string, string> = {}): Promise<CliResult> => soz(['--lang', 'ru', ...argv], { env });

/** Everything the commands printed, as [command, line] pairs; the texts soz quotes; the names that are codes. */
const printed: [string, string][] = [];
const quoted: string[] = [];
const codes = new Set<string>();
let root = '';
let dir = '';
let list = '';

async function run(argv: readonly string[], expectedCode = 0, env: Record<string, string> = {}): Promise<CliResult> {
  const result = await ru(argv, env);
  expect(result.code, `${argv.join(' ')}\n${result.stderr}`).toBe(expectedCode);
  for (const line of `${result.stdout}${result.stderr}`.split('\n')) if (line.trim() !== '') printed.push([argv.slice(0, 2).join(' '), line]);
  return result;
}

/** Runs one command with a scripted terminal and a watched stderr (the review's prompts, the progress line). */
async function runOnTerminal(argv: readonly string[], answers: string[]): Promise<void> {
  let out = '';
  const code = await runCli(['--lang', 'ru', ...argv], {
    stdout: (text) => (out += text),
    stderr: (text) => (out += text),
    env: {},
    cwd: process.cwd(),
    now: () => new Date('2026-03-10T09:00:00Z'),
    stderrIsTerminal: true,
    ask: (prompt) => {
      out += `${prompt}\n`;
      return Promise.resolve(answers.shift() ?? { end: 'eof' });
    },
  });
  expect(code, out).toBe(0);
  // The progress line is rewritten in place: \r, then the escape that clears the line.
  const lines = out.split(/[\n\r]/).map((line) => line.split('\u001b[K').join(''));
  for (const line of lines) if (line.trim() !== '') printed.push([argv.slice(0, 2).join(' '), line]);
}

beforeAll(async () => {
  root = tempDir('soz-i18n-guard-');
  dir = join(root, 'дело');
  const note = join(root, 'записка.txt');
  const chat = join(root, 'чат.txt');
  list = join(root, 'список.yaml');
  writeFileSync(note, 'Соседи! Приходите в субботу к старой мельнице.\nОни опять заняли наше пастбище, пусть уезжают.\n');
  writeFileSync(chat, '03/04/24, 10:15 - Айбек: Приходите в субботу к мельнице.\n05/04/24, 11:20 - Нурлан: Они опять заняли пастбище.\n');
  writeFileSync(list, 'schema: soz.org-list/1\nname: "Вымышленный учебный список"\nversion: 1.0.0\nupdated: 2026-03-01\nentries:\n  - id: shishka\n    names:\n      ru: ["Братство хранителей кедровой шишки"]\n    abbreviations: []\n    court: "Вымышленный районный суд"\n    decisionNumber: "2-1/2025"\n    decisionDate: 2025-11-14\n    note: "вымышленная запись"\n');
  const library = new URL('./fixtures/library/', import.meta.url).pathname;
  const lib = join(root, 'библиотека');
  const provenance = ['--court', 'Вымышленный суд', '--decision-date', '2024-02-29', '--decision-number', '9-77/2024', '--list', 'Вымышленный перечень', '--entry', '412', '--language', 'ru'];

  await run(['init', dir, '--case-number', '1-23', '--ordering-body', 'Вымышленный суд', '--examiner', 'Эксперт А.', '--language', 'ru']);
  await run(['add', dir, note, chat]);
  await run(['evidence', 'date-order', dir, 'чат.txt', 'dmy']);
  await run(['lists', 'check', list]);
  await run(['lists', 'import', dir, list]);
  await runOnTerminal(['analyze', dir], []);
  const analysed = JSON.parse((await ru(['analyze', dir, '--json'])).stdout) as { analyses: string[] };
  const status = JSON.parse((await ru(['sop', 'status', dir, '--json'])).stdout) as { steps: { id: string }[] };
  const practice = JSON.parse((await ru(['practice', 'list', '--json'])).stdout) as { cases: { title: string; formats: string[] }[] };
  for (const code of [...analysed.analyses, ...status.steps.map((step) => step.id), ...practice.cases.flatMap((entry) => entry.formats)]) codes.add(code);
  // The fields and skip reasons of the steps are codes too (`--field qualification=…`).
  for (const step of loadProcedure().steps) for (const code of [...(step.fields ?? []), ...(step.optionalFields ?? []), ...(step.skipReasons ?? [])]) codes.add(code);
  quoted.push(...practice.cases.map((entry) => entry.title));
  const listed = JSON.parse((await ru(['review', dir, '--list', '--json'])).stdout) as { open: { id: string; reason: string; mainstreamMeaning?: string }[] };
  quoted.push(...listed.open.flatMap((finding) => [finding.reason, finding.mainstreamMeaning ?? '']).filter((text) => text !== ''));
  const [first, second] = listed.open;
  expect(second, 'the fictional texts give at least two candidates').toBeDefined();
  await run(['review', dir, '--list']);
  // accept, entry (and back), voice with a reused reason, more context, undo twice, nothing to undo, voice with nothing decided, quit
  await runOnTerminal(['review', dir], ['ф', 'вымышленное основание', 'у', 'и', 'м', 'quotation', '1', 'ь', 'г', 'г', 'г', 'м', 'й']);
  await run(['review', dir, '--accept', first!.id, '--reason', 'вымышленное основание']);
  await run(['review', dir, '--voice', 'quotation', '--finding', first!.id, '--reason', 'цитата']);
  await run(['review', dir, '--add', 'записка.txt:0-6', '--category', 'appeal', '--reason', 'вымышленное']);
  await run(['question', 'add', dir, 'Содержит ли текст призывы?']);
  await run(['question', 'list', dir]);
  await run(['sop', 'status', dir]);
  await run(['sop', 'record', dir, 'register-order', '--note', 'постановление получено']);
  await run(['person', 'add', dir, '--name', 'Лицо А', '--handle', 'Айбек', '--note', 'указано в постановлении']);
  await run(['person', 'list', dir]);
  await run(['expert', 'add', dir, '--name', 'Эксперт Б.', '--speciality', 'linguist', '--qualification', 'к. филол. н.', '--experience', '7', '--institution', 'Вымышленный центр']);
  await run(['expert', 'list', dir]);
  await run(['case', 'show', dir]);
  await run(['report', dir]);
  await run(['verify', dir]);
  await run(['bundle', dir, '-o', join(root, 'дело.zip')]);
  await run(['export', dir, '--format', 'xlsx', '-o', join(root, 'таблицы.xlsx')]);
  await run(['keys', 'new', '--out', join(root, 'ключи'), '--name', 'Эксперт А.'], 0, { SOZ_KEY_PASSPHRASE: 'вымышленный пароль' });
  await run(['library', 'init', lib]);
  await run(['library', 'add', lib, join(library, 'fictional-leaflet.txt'), ...provenance]);
  await run(['library', 'list', lib]);
  await run(['compare', dir, '--library', lib]);
  await run(['practice', 'list']);
  await run(['question', 'decide', dir, 'Q1', '--answered']);
  await run(['sop', 'relate', dir, 'записка.txt', '--relation', 'stored', '--note', 'изъята у лица А']);
  await run(['relation', 'set', dir, '--person', 'P1', '--doc', 'записка.txt', '--relation', 'author', '--reason', 'вымышленное основание']);
  await run(['case', 'set', dir, '--received', '2026-03-01']);
  // The errors of the normal workflow.
  mkdirSync(join(root, 'пусто'));
  await run(['sop', 'status', join(root, 'пусто')], 2);
  await run(['add', dir, join(root, 'нет.txt')], 2);
  await run(['question', 'answer', dir, 'Q9', '--file', join(root, 'нет.md')], 2);
  await run(['review', dir, '--accept', first!.id], 2);
  await run(['compare', dir, '--library', lib, '--min-words', '3'], 2);
  await run(['export', dir, '--format', 'xlsx'], 2);
  await run(['init', join(root, 'другое')], 2);
  await run(['evidence', 'date-order', dir, 'нет.txt', 'dmy'], 2);
  await run(['lists', 'check', note], 2);
  await run(['library', 'add', lib, join(library, 'fictional-leaflet.txt'), ...provenance], 2);
  await run(['library', 'remove', lib, 'abcdef', '--reason', 'вымышленное'], 2);
  // Errors raised below the CLI (each a UserError with a catalogue key) and what stops a final.
  await run(['report', dir, '--final'], 2);
  await run(['analyze', dir, '--since', '2021-02-30'], 2);
  await run(['sop', 'withdraw', dir, 'competence', '--reason', 'вымышленное'], 2);
  await run(['sop', 'record', dir, 'acknowledgement', '--field', 'colour=red'], 2);
  await run(['sop', 'record', dir, 'competence', '--skip', '--reason', 'нет-такой', '--note', 'вымышленное'], 2);
  await run(['keys', 'new', '--out', join(root, 'ключи'), '--name', ' '], 2, { SOZ_KEY_PASSPHRASE: 'вымышленный пароль' });
  await run(['practice', 'start', 'нет-такого', join(root, 'учебное')], 2);
  await run(['verify', join(root, 'нет.zip')], 2);
  for (const command of allCommands(buildProgram(createContext({ stdout: () => undefined, stderr: () => undefined, env: {}, cwd: '/', now: () => new Date(0) }), await allCommandModules()))) {
    for (const name of [command.name(), ...command.registeredArguments.map((argument) => argument.name())]) codes.add(name);
    await run([...commandPath(command).split(' ').filter((word) => word !== ''), '--help']);
  }
}, 120_000);

describe('soz --lang ru prints no English', () => {
  it('recognises English phrases and leaves codes, paths and hashes alone', () => {
    expect(englishIn('review: 1 accepted, 0 rejected', [])).toEqual(['accepted', 'rejected']);
    expect(englishIn('анализы: wordlist, ngrams; шаг register-order', [], new Set(['wordlist', 'ngrams']))).toEqual([]);
    expect(englishIn('check the path', [], new Set(['check']))).toEqual(['the path']);
    expect(englishIn('recorded files: 20 in the log, all match', [])).toEqual(['recorded files', 'in the log', 'all match']);
    expect(englishIn('рассмотрение: принято 1 (listovka.pdf, с. 1, 3:1) голос own; F639d835010e1 us-them', [])).toEqual([]);
    expect(englishIn('выполните soz analyze /tmp/дело, затем soz report', [])).toEqual([]);
    expect(englishIn('F1 call-to-action: Verb form in -ите (записка.txt)', ['Verb form in -ите'])).toEqual([]);
  });

  it('in every line of every command, prompt, progress line, --help and error', () => {
    expect(printed.length).toBeGreaterThan(300);
    // A lexicon's reason is quoted as its own (English) wording, and says so in Russian.
    expect(printed.some(([command, line]) => command.startsWith('review') && line.includes('[формулировка лексикона, по-английски]'))).toBe(true);
    const english = printed.flatMap(([command, line]) => englishIn(line, quoted, codes).map((phrase) => `${command}: «${phrase}» in: ${line}`));
    expect(english).toEqual([]);
  });
});

describe('soz --lang ky prints no English in its errors', () => {
  it('errors of the workflow, of the layers below the CLI, and what stops a final', async () => {
    const english = englishWordsBeside('ky');
    const failing = [
      ['report', dir, '--final'],
      ['analyze', dir, '--since', '2021-02-30'],
      ['sop', 'withdraw', dir, 'competence', '--reason', 'ойдон чыгарылган'],
      ['sop', 'record', dir, 'acknowledgement', '--field', 'colour=red'],
      ['sop', 'status', join(root, 'пусто')],
      ['add', dir, join(root, 'нет.txt')],
      ['practice', 'start', 'нет-такого', join(root, 'окуу')],
      ['verify', join(root, 'нет.zip')],
    ];
    const lines: string[] = [];
    for (const argv of failing) {
      const result = await soz(['--lang', 'ky', ...argv]);
      expect(result.code, `${argv.join(' ')}\n${result.stderr}`).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(/^soz: ката: /);
      lines.push(...result.stderr.trim().split('\n'));
    }
    expect(lines.flatMap((line) => englishIn(line, quoted, codes, english).map((phrase) => `«${phrase}» in: ${line}`))).toEqual([]);
  });
});

describe('--json of the commands that print results', () => {
  it('lists, evidence, person, expert, case show and practice list print the same canonical JSON in every language', async () => {
    const commands = [['lists', 'check', list], ['lists', 'import', dir, list], ['evidence', 'date-order', dir, 'чат.txt', 'dmy'], ['person', 'list', dir], ['expert', 'list', dir], ['case', 'show', dir], ['practice', 'list']];
    for (const argv of commands) {
      const inRussian = await ru([...argv, '--json']);
      const inEnglish = await soz([...argv, '--json']);
      expect(inRussian.code, inRussian.stderr).toBe(0);
      expect(inRussian.stdout, argv.join(' ')).toBe(inEnglish.stdout);
      const value = JSON.parse(inRussian.stdout) as Record<string, unknown>;
      expect(Object.keys(value)).toEqual(Object.keys(value).sort());
    }
    const listed = JSON.parse((await soz(['lists', 'check', list, '--json'])).stdout) as Record<string, unknown>;
    expect(listed).toEqual({ name: 'Вымышленный учебный список', version: '1.0.0', updated: '2026-03-01', organisations: 1, namesPerLanguage: expect.objectContaining({ ru: 1 }) });
    const persons = JSON.parse((await soz(['person', 'list', dir, '--json'])).stdout) as { persons: { id: string }[]; relations: unknown[] };
    expect(persons.persons.map((person) => person.id)).toEqual(['P1']);
    expect(persons.relations.length).toBeGreaterThan(0);
    const facts = JSON.parse((await soz(['case', 'show', dir, '--json'])).stdout) as { facts: Record<string, string | null> };
    expect(facts.facts['receivedDate']).toBe('2026-03-01');
    expect(Object.values(facts.facts)).toContain(null);
    const dated = JSON.parse((await soz(['evidence', 'date-order', dir, 'чат.txt', 'mdy', '--json'])).stdout) as Record<string, unknown>;
    expect(dated).toMatchObject({ originalName: 'чат.txt', dateOrder: 'month-first', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
