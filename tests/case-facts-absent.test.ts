/**
 * A case fact the examiner did not give to `soz run` (case number, ordering body, examiner) is
 * recorded as absent (`null` in case.json) and said in the reader's language; a case made by an
 * earlier soz, which wrote the English text `not recorded` instead, keeps it as a string: it opens,
 * its report renders as before and `soz verify` reproduces it.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseWorkspace } from '../src/case/workspace.js';
import { caseSummary } from '../src/desk/views.js';
import { soz, tempDir } from './support/cli.js';

const SENTINEL = 'not recorded';
let work = '';
let quick = '';
let earlier = '';

beforeAll(async () => {
  work = tempDir('soz-facts-absent-');
  const note = join(work, 'записка.txt');
  writeFileSync(note, 'Соседи договорились вместе поставить забор у родника.\n');
  quick = join(work, 'быстрое');
  earlier = join(work, 'прежнее');
  expect((await soz(['--lang', 'ru', 'run', note, '--out', quick, '--language', 'ru', '--quiet'])).code).toBe(0);
  // What `soz run` wrote before absence was recorded: the English sentinel as each fact, and as the actor.
  const sentinelFacts = ['--case-number', SENTINEL, '--ordering-body', SENTINEL, '--examiner', SENTINEL];
  expect((await soz(['run', note, '--out', earlier, '--language', 'ru', '--quiet', ...sentinelFacts])).code).toBe(0);
}, 60_000);

describe('case facts not given to soz run', () => {
  it('are null in case.json, and the log names soz as the actor', () => {
    const metadata = JSON.parse(readFileSync(join(quick, 'case.json'), 'utf8')) as Record<string, unknown>;
    expect(metadata).toMatchObject({ caseNumber: null, orderingBody: null, examiner: null, orderDate: null });
    const actors = readFileSync(join(quick, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { actor: string }).actor);
    expect(new Set(actors)).toEqual(new Set(['soz']));
  });

  it('are said in the report language, in Markdown and HTML alike', async () => {
    const markdown = readFileSync(join(quick, 'reports', 'report.ru.md'), 'utf8');
    expect(markdown).toContain('| Номер дела | не указано |');
    expect(markdown).toContain('| Эксперт | не указано |');
    expect(markdown).not.toMatch(/not recorded|null/);
    const rendered = await soz(['--lang', 'ru', 'report', quick, '--format', 'html']);
    expect(rendered.code, rendered.stderr).toBe(0);
    const html = readFileSync(join(quick, 'reports', 'report.ru.html'), 'utf8');
    expect(html).toContain('<title>ЗАКЛЮЧЕНИЕ ЭКСПЕРТА — не указано</title>');
    expect(html).not.toMatch(/not recorded|>null</);
  });

  it('reach the desk as null, for the page to say in its own language', () => {
    const workspace = CaseWorkspace.open(quick);
    expect(caseSummary(workspace)).toMatchObject({ caseNumber: null, examiner: null });
  });

  it('verify reproduces the case', async () => {
    const verified = await soz(['--lang', 'ru', 'verify', quick]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it('a seal needs a signer: without an examiner and a named key it is refused in the examiner language', async () => {
    const keys = join(work, 'ключи');
    const env = { SOZ_KEY_PASSPHRASE: 'вымышленный пароль' };
    expect((await soz(['keys', 'new', '--out', keys, '--name', 'Эксперт А.'], { env })).code).toBe(0);
    const privateKey = readdirSync(keys).find((name) => name.endsWith('.key.pem'))!;
    rmSync(join(keys, privateKey.replace(/\.pem$/, '.json'))); // a key kept without its name
    const refused = await soz(['--lang', 'ru', 'seal', quick, '--key', join(keys, privateKey)], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^soz: ошибка: .*не указан эксперт.*--signer\n$/);
  });
});

describe('a case made by an earlier soz with the English sentinel', () => {
  it('keeps the sentinel as a string, renders it as before and verifies', async () => {
    const metadata = JSON.parse(readFileSync(join(earlier, 'case.json'), 'utf8')) as Record<string, unknown>;
    expect(metadata).toMatchObject({ caseNumber: SENTINEL, orderingBody: SENTINEL, examiner: SENTINEL });
    expect(readFileSync(join(earlier, 'reports', 'report.ru.md'), 'utf8')).toContain(`| Номер дела | ${SENTINEL} |`);
    expect(caseSummary(CaseWorkspace.open(earlier))).toMatchObject({ caseNumber: SENTINEL, examiner: SENTINEL });
    const verified = await soz(['verify', earlier]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});
