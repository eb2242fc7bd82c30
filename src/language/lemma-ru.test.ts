// The Russian dictionary look-up: readings, lemmas and grammemes as OpenCorpora's dictionary has
// them, in az's order of likelihood. soz reads az's files with az's DAWG reader but does not run
// `Az.Morph.init` (issue 17: it builds and freezes an object per tag); az's own dictionary parser
// is the reference here, word by word, on real Russian text and on forms chosen for its corners.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { russianParadigmForms, russianParses } from './lemma-ru.js';

interface AzParse {
  readonly parser: string;
  readonly formCnt: number;
  readonly tag: { readonly POST?: string; toString(): string };
  normalize(): { readonly word: string };
  inflect(index: number): { readonly word: string };
}

/** az's own dictionary parser, initialised from its files as az documents it (the reference). */
function azMorph(): (word: string) => AzParse[] {
  const require = createRequire(import.meta.url);
  const az = require('az') as {
    load: (url: string, type: string, callback: (error: Error | null, data?: unknown) => void) => void;
    Morph: ((word: string, options: object) => AzParse[]) & { init: (path: string, callback: (error?: Error) => void) => void };
  };
  const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
  const pending: (() => void)[] = [];
  az.load = (url, type, callback) => {
    pending.push(() => {
      const bytes = readFileSync(join(dicts, basename(url)));
      callback(null, type === 'json' ? JSON.parse(bytes.toString('utf8')) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    });
  };
  let ready = false;
  az.Morph.init(dicts, () => (ready = true));
  while (pending.length > 0) pending.shift()!();
  expect(ready).toBe(true);
  return (word) => az.Morph(word, { typos: 0, stutter: 0, parsers: ['Dictionary'] }).filter((p) => p.parser === 'Dictionary');
}

/** What russianParses gave when it called az's parser (the code before issue 17's sixth round). */
function referenceParses(morph: (word: string) => AzParse[], word: string): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const p of morph(word)) {
    const grammemes = p.tag.toString().split(/[ ,]/).filter((g) => g.length > 0);
    const lemma = p.normalize().word.replace(/ё/g, 'е');
    const key = `${lemma}\u0000${grammemes.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ lemma, pos: p.tag.POST ?? grammemes[0] ?? '', grammemes });
  }
  return out;
}

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora-real');
const REAL_TEXTS = [join(SHARED, 'langid', 'ru.txt'), join(SHARED, 'whatsapp', 'ru_android_group_kz_school.pseudonymised.txt')];

/** Forms for the parser's corners: ё spelt е, homonyms ranked by likelihood, names, hyphens, prefixes по-/наи-, unknown words. */
const CORNERS = [
  'стали', 'ежик', 'елка', 'еще', 'все', 'мои', 'иван', 'москва', 'петров', 'иванович', 'саша', 'лучше', 'наилучший',
  'поскорее', 'по-русски', 'кто-то', 'из-за', 'во-первых', 'пол-яблока', 'даават', 'мести', 'бит', 'печь',
  'вести', 'уж', 'а', 'и', 'я', 'ё', 'ёж', 'ещё', 'джихад', 'кафир', 'намаз', 'ааааа', '-', 'ну-ка', 'день-деньской',
];

describe('russianParses', () => {
  it('gives every dictionary reading of a form with its lemma, word class and grammemes', () => {
    const parses = russianParses('стали');
    expect(parses[0]).toEqual({ lemma: 'стать', pos: 'VERB', grammemes: ['VERB', 'perf', 'intr', 'plur', 'past', 'indc'] });
    expect(parses.slice(1).map((p) => `${p.lemma} ${p.grammemes.join(',')}`)).toEqual([
      'сталь NOUN,inan,femn,plur,nomn',
      'сталь NOUN,inan,femn,sing,gent',
      'сталь NOUN,inan,femn,sing,datv',
      'сталь NOUN,inan,femn,sing,loct',
      'сталь NOUN,inan,femn,plur,accs',
    ]);
  });

  it('reads the imperative mood and the instrumental plural', () => {
    expect(russianParses('иди')).toEqual([{ lemma: 'идти', pos: 'VERB', grammemes: ['VERB', 'impf', 'intr', 'sing', 'impr', 'excl'] }]);
    expect(russianParses('книгами')).toEqual([{ lemma: 'книга', pos: 'NOUN', grammemes: ['NOUN', 'inan', 'femn', 'plur', 'ablt'] }]);
  });

  it('gives no reading for a word the dictionary lacks (no guess from its ending)', () => {
    expect(russianParses('даават')).toEqual([]);
  });

  it('gives what az’s own dictionary parser gives, reading by reading and in its order', () => {
    const morph = azMorph();
    const words = new Set(CORNERS);
    for (const file of REAL_TEXTS.filter((f) => existsSync(f))) {
      for (const word of readFileSync(file, 'utf8').toLowerCase().match(/[а-яё]+(?:-[а-яё]+)*/g) ?? []) words.add(word);
    }
    expect(words.size).toBeGreaterThan(CORNERS.length);
    const differences = [...words].filter((word) => JSON.stringify(russianParses(word)) !== JSON.stringify(referenceParses(morph, word)));
    expect(differences).toEqual([]);
    // Capitalised forms keep the readings of names, which a lower-case form leaves out (as az does).
    for (const word of ['Иван', 'Москва', 'Петров', 'Саша']) expect(JSON.stringify(russianParses(word))).toBe(JSON.stringify(referenceParses(morph, word)));
    expect(russianParses('Иван').length).toBeGreaterThan(russianParses('иван').length);
    // Every form of each reading's paradigm, as az inflects it.
    for (const word of CORNERS) expect(russianParadigmForms(word)).toEqual(morph(word).flatMap((p) => Array.from({ length: p.formCnt }, (_, i) => p.inflect(i).word)));
  });
});
