import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkLexiconText } from './lexicon-check.js';
import { LEXICON_DOCS_PATH, lexiconTable } from './lexicon-docs.js';
import { loadLexicons, loadProfileLists, validateLexicons } from './lexicon-files.js';
import { sha256 } from '../core/hash.js';

const ROOT = new URL('../../', import.meta.url).pathname;

const GOOD = `lexicon: ru.violence
version: 1.0.0
language: ru
category: violence
description: test
sources:
  - {id: ozhegov, citation: "Ожегов С.И., Шведова Н.Ю. Толковый словарь русского языка"}
entries:
  - {id: ru.violence.ubit, lemma: убить, language: ru, category: violence, note: n, source: ozhegov}
`;

describe('lexicon validation', () => {
  it('finds no problem in the shipped lexicons and profile lists', async () => {
    expect(await validateLexicons(ROOT)).toEqual([]);
  });

  it('accepts a sound file', () => {
    const check = checkLexiconText('sop/lexicons/ru/violence.yaml', GOOD);
    expect(check.problems).toEqual([]);
    expect(check.lexicon?.entries).toHaveLength(1);
  });

  it('names file, entry and fix for a duplicate id', () => {
    const text = GOOD + `  - {id: ru.violence.ubit, lemma: резать, language: ru, category: violence, note: n, source: ozhegov}\n`;
    const problems = checkLexiconText('sop/lexicons/ru/violence.yaml', text).problems;
    expect(problems.some((p) => p.startsWith('sop/lexicons/ru/violence.yaml: entry ru.violence.ubit: duplicate id') && p.includes('fix:'))).toBe(true);
  });

  it('reports a missing source, an unknown source id and a duplicate lemma', () => {
    const missing = GOOD.replace(', note: n, source: ozhegov}', ', note: n}');
    expect(checkLexiconText('sop/lexicons/ru/violence.yaml', missing).problems.join('\n')).toMatch(/entry ru\.violence\.ubit: entries\.0\.source: .*fix: add source/);
    const unknown = GOOD.replace('source: ozhegov}', 'source: dal}');
    expect(checkLexiconText('sop/lexicons/ru/violence.yaml', unknown).problems.join('\n')).toMatch(/source "dal" is not in the file's sources — fix/);
    const dup = GOOD + `  - {id: ru.violence.ubit2, lemma: убить, language: ru, category: violence, note: n, source: ozhegov}\n`;
    expect(checkLexiconText('sop/lexicons/ru/violence.yaml', dup).problems.join('\n')).toMatch(/entry ru\.violence\.ubit2: duplicate of ru\.violence\.ubit/);
  });

  it('reports unknown category and language folders and malformed YAML', () => {
    expect(checkLexiconText('sop/lexicons/xx/violence.yaml', GOOD).problems.join('\n')).toMatch(/unknown language folder "xx"/);
    expect(checkLexiconText('sop/lexicons/ru/weapons.yaml', GOOD).problems.join('\n')).toMatch(/unknown category file name "weapons"/);
    expect(checkLexiconText('sop/lexicons/ru/violence.yaml', GOOD.replace('category: violence\ndescription', 'category: violence\ncategory: x\ndescription')).problems.join('\n')).toMatch(/malformed YAML/);
    const badCategory = GOOD.replace(/category: violence, note/, 'category: weapons, note');
    expect(checkLexiconText('sop/lexicons/ru/violence.yaml', badCategory).problems.join('\n')).toMatch(/entries\.0\.category/);
  });

  it('requires legal sources for banned organisations and ships those files empty, marked for the lab', async () => {
    const { lexicons } = await loadLexicons(ROOT);
    const banned = lexicons.filter((l) => l.category === 'banned-organisations');
    expect(banned.map((l) => l.language).sort()).toEqual(['en', 'ky', 'ru']);
    for (const l of banned) {
      expect(l.needsLabUpdate).toBe(true);
      expect(l.entries).toEqual([]);
    }
    const text = GOOD.replace(/ru\.violence/g, 'ru.banned-organisations').replace(/category: violence/g, 'category: banned-organisations');
    expect(checkLexiconText('sop/lexicons/ru/banned-organisations.yaml', text).problems.join('\n')).toMatch(/without legal source/);
  });

  it('refuses a regex pattern on a context marker other than scripture, which the engine would never match', () => {
    const markers = GOOD.replace(/ru\.violence/g, 'ru.context-markers').replace(/category: violence/g, 'category: context-markers');
    const regex = (marker: string): string => markers.replace('lemma: убить,', `pattern: {type: regex, regex: "кричали"}, marker: ${marker},`);
    expect(checkLexiconText('sop/lexicons/ru/context-markers.yaml', regex('reported')).problems.join('\n')).toMatch(/regex pattern is read only for scripture markers, so this reported marker would never match — fix:/);
    expect(checkLexiconText('sop/lexicons/ru/context-markers.yaml', regex('scripture')).problems).toEqual([]);
  });

  it('records every file read with its sha256', async () => {
    const { lexicons, files } = await loadLexicons(ROOT);
    expect(files.length).toBe(lexicons.length);
    const first = files[0];
    expect(first).toBeDefined();
    if (first) expect(first.sha256).toBe(sha256(await readFile(ROOT + first.path)));
    const profile = await loadProfileLists(ROOT);
    expect(profile.lists.map((l) => l.language).sort()).toEqual(['en', 'ky', 'ru']);
  });

  it('has the committed docs/lexicons.md equal to the generated table', async () => {
    const { lexicons } = await loadLexicons(ROOT);
    const generated = lexiconTable(lexicons);
    if (process.env.UPDATE_LEXICON_DOCS) await writeFile(ROOT + LEXICON_DOCS_PATH, generated);
    expect(await readFile(ROOT + LEXICON_DOCS_PATH, 'utf8')).toBe(generated);
  });
});
