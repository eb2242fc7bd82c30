import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { deserialize } from 'node:v8';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SENTENCES, fingerprint, freshPackage, taggerDifference, taggerReading, writeEnglishTagger } from '../../scripts/build-english-tagger.mjs';
import type { EnglishTagger } from './english-tagger.js';
import { englishTaggerCodeCache, englishTaggerCodeCachePath, englishTaggerKey, englishTaggerNetsPath, englishTaggerPath, loadPrebuiltEnglishTagger, prepareEnglish, tagEnglish, tokenizeEnglish } from './english-tagger.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const packaged = require('compromise') as EnglishTagger;


// Every 12th line of the real English sentences (../shared/corpora-real/langid/en.txt: UD
// English-EWT and Tatoeba) and every 6th English item of the findings set: a fixed sample;
// scripts/check-english-tagger.mjs compares all of them and every Latin segment of corpora-real.
const realSentences = readFileSync(join(ROOT, '../shared/corpora-real/langid/en.txt'), 'utf8')
  .split('\n')
  .filter((line, n) => line.trim() !== '' && n % 12 === 0);
const evalSentences = [...readFileSync(join(ROOT, 'corpora/eval/findings/en.yaml'), 'utf8').matchAll(/ text: "((?:[^"\\]|\\.)*)"/gu)]
  .map((match) => JSON.parse(`"${match[1]}"`) as string)
  .filter((_, n) => n % 6 === 0);

// The prebuilt tagger written under a project root of its own, so it can be tampered with.
let root: string;
let prebuilt: EnglishTagger | undefined;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'soz-english-tagger-'));
  await writeEnglishTagger(root);
  prebuilt = loadPrebuiltEnglishTagger(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the prebuilt English tagger', () => {
  it('has the package model after every plugin and reads real and eval sentences with the same tags and offsets', () => {
    expect(prebuilt).toBeDefined();
    expect(realSentences.length).toBeGreaterThan(25);
    expect(evalSentences.length).toBeGreaterThan(25);
    expect(taggerDifference(prebuilt!, freshPackage(), [...SAMPLE_SENTENCES, ...realSentences, ...evalSentences])).toBeNull();
  });

  it('notices a model that differs by one word', () => {
    const changed = loadPrebuiltEnglishTagger(root)!;
    const lexicon = (changed as unknown as { _world: { model: { one: { lexicon: Record<string, unknown> } } } })._world.model.one.lexicon;
    delete lexicon['gather'];
    expect(taggerDifference(changed, loadPrebuiltEnglishTagger(root)!)).toMatch(/model/);
  });

  it('is used only with the compromise it was built from, and only while its body is intact', () => {
    const key = englishTaggerKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(loadPrebuiltEnglishTagger(root, 'another compromise')).toBeUndefined();
    expect(loadPrebuiltEnglishTagger(root, null)).toBeUndefined();
    const path = englishTaggerPath(root);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('"use strict";', '"use strict"; globalThis.sozTampered = true;'));
    expect(loadPrebuiltEnglishTagger(root, key)).toBeUndefined();
    expect((globalThis as { sozTampered?: boolean }).sozTampered).toBeUndefined();
    writeFileSync(path, original.slice(original.indexOf('\n') + 1));
    expect(loadPrebuiltEnglishTagger(root, key)).toBeUndefined();
    rmSync(path);
    expect(loadPrebuiltEnglishTagger(root, key)).toBeUndefined();
    writeFileSync(path, original);
    expect(loadPrebuiltEnglishTagger(root, key)).toBeDefined();
  });

  it('reads as the package does with V8’s code cache taken, refused by V8, or made for another body', () => {
    const key = englishTaggerKey();
    const cachePath = englishTaggerCodeCachePath(root);
    const sentences = [...SAMPLE_SENTENCES, ...realSentences.slice(0, 10)];
    // The build writes the cache in a child under soz's heap policy: this process has other flags,
    // so V8 refuses that one. A cache made here is taken.
    const made = englishTaggerCodeCache(root, key, (nlp) => {
      for (const sentence of SAMPLE_SENTENCES) nlp(sentence).compute('offset');
    });
    expect(made).toBeDefined();
    const header = made!.subarray(0, made!.indexOf(0x0a)).toString('utf8');
    expect(JSON.parse(header)).toEqual({ bodySha256: expect.stringMatching(/^[0-9a-f]{64}$/), v8: process.versions.v8 });
    const built = readFileSync(cachePath);
    try {
      writeFileSync(cachePath, made!);
      expect(taggerDifference(loadPrebuiltEnglishTagger(root, key)!, freshPackage(), sentences)).toBeNull();
      // V8's bytes damaged under an intact header: V8 refuses them and compiles the text.
      const damaged = Buffer.from(made!);
      damaged.fill(7, header.length + 1);
      writeFileSync(cachePath, damaged);
      expect(taggerDifference(loadPrebuiltEnglishTagger(root, key)!, freshPackage(), sentences)).toBeNull();
      // Made for another body: not offered to V8 at all.
      writeFileSync(cachePath, Buffer.concat([Buffer.from(`${JSON.stringify({ bodySha256: '0'.repeat(64), v8: process.versions.v8 })}\n`), made!.subarray(header.length + 1)]));
      expect(taggerDifference(loadPrebuiltEnglishTagger(root, key)!, freshPackage(), sentences)).toBeNull();
    } finally {
      writeFileSync(cachePath, built);
    }
  });

  it('takes the match nets compiled at the build, which are the package’s, and reads as the package does with them damaged or made for another body', () => {
    const key = englishTaggerKey();
    const netsPath = englishTaggerNetsPath(root);
    const built = readFileSync(netsPath);
    const sentences = [...SAMPLE_SENTENCES, ...realSentences.slice(0, 10)];
    // The package compiles its match rules into its model on the first tagging; a tagger given the nets compiles none.
    const rules = (nlp: EnglishTagger): { regs?: unknown }[] => (nlp as unknown as { _world: { model: { two: { matches: { regs?: unknown }[] } } } })._world.model.two.matches;
    const package_ = freshPackage();
    package_('Burn them.');
    expect(rules(package_)[0]?.regs).toBeDefined();
    const withNets = loadPrebuiltEnglishTagger(root, key)!;
    withNets('Burn them.');
    expect(rules(withNets)[0]?.regs).toBeUndefined();
    // The nets in the file are the ones the package compiles (sets, expressions, key order), their index and hook order without a prototype.
    const { net, secondNet } = deserialize(built.subarray(built.indexOf(0x0a) + 1)) as { net: object; secondNet: object };
    const { _world: world } = freshPackage() as unknown as { _world: { methods: { one: { buildNet(rules: unknown, world: unknown): object } }; model: { two: { matches: unknown } } } };
    expect(fingerprint(net)).toBe(fingerprint(world.methods.one.buildNet(world.model.two.matches, world)));
    expect(fingerprint(secondNet)).not.toBe(fingerprint(net));
    // Words that name Object.prototype's members are no keys of the nets' index (buildNet makes it without a prototype).
    expect(taggerDifference(loadPrebuiltEnglishTagger(root, key)!, freshPackage(), ['The constructor said toString and valueOf are hasOwnProperty of __proto__.', ...sentences])).toBeNull();
    try {
      for (const bytes of [Buffer.concat([built.subarray(0, built.indexOf(0x0a) + 1), Buffer.alloc(64, 7)]), Buffer.concat([Buffer.from(`${JSON.stringify({ bodySha256: '0'.repeat(64), v8: process.versions.v8 })}\n`), built.subarray(built.indexOf(0x0a) + 1)])]) {
        writeFileSync(netsPath, bytes);
        const compiling = loadPrebuiltEnglishTagger(root, key)!;
        expect(taggerDifference(compiling, freshPackage(), sentences)).toBeNull();
        expect(rules(compiling)[0]?.regs).toBeDefined();
      }
    } finally {
      writeFileSync(netsPath, built);
    }
  });

  it('tags as the package does through tagEnglish, whichever copy it loaded, all but the chunks it leaves out', () => {
    for (const text of [...SAMPLE_SENTENCES, ...realSentences, ...evalSentences]) expect(taggerReading(tagEnglish, text, ['chunk'])).toBe(taggerReading(packaged, text, ['chunk']));
    // The chunker is what it leaves out: with the chunks, the readings differ («and» is a pivot for the package only).
    expect(taggerReading(tagEnglish, SAMPLE_SENTENCES[0]!)).not.toBe(taggerReading(packaged, SAMPLE_SENTENCES[0]!));
    expect(tagEnglish('').document).toEqual([]);
  });

  it('tokenizes as compromise’s fromString does, term parses remembered or not', () => {
    const fromString = (text: string): unknown => (packaged as unknown as { _world: { methods: { one: { tokenize: { fromString(text: string, world: unknown): unknown } } } } })._world.methods.one.tokenize.fromString(text, (packaged as unknown as { _world: unknown })._world);
    // Marks, spaces, quotes, hyphens, slashes, acronyms, numbers, emoticons, invisible and other scripts:
    // each branch of compromise's term parse; every text twice, so the second reads remembered parses.
    const tricky = ['  «Go» — now!!  ', 'U.N. e.g. N.D.A co-op 9:30-10:00 1,000 $40.50 (+7) and/or', ':) <3 #tag @name ’tis \u200bzero\u200b width', 'Çà va? Idō! да нет 1999-2000', '\n\nfoo\n\nbar.\n', 'a', '...', "don't can't y'all rock'n'roll dogs' bones"];
    for (const text of [...tricky, ...tricky, ...SAMPLE_SENTENCES, ...realSentences, ...evalSentences, ...realSentences]) expect(fingerprint(tokenizeEnglish(text))).toBe(fingerprint(fromString(text)));
    // A remembered parse is copied: the hooks change terms in place, and each text gets terms of its own.
    const [first] = tokenizeEnglish('Burn it.') as [Array<{ tags: Set<string> }>];
    first[0]!.tags.add('Verb');
    expect((tokenizeEnglish('Burn it.') as [Array<{ tags: Set<string> }>])[0][0]!.tags.size).toBe(0);
  });

  it('tags texts in one batch as it tags each alone, field by field', () => {
    // Contractions both passes split, all capitals, a colon after the first word, several sentences, numbers and units, repeats.
    const tricky = ["don't can't y'all rock'n'roll dogs' bones", "There's been a storm. It's Bob's car, isn't it?", "I'd've gone. We'd left. How'd he know?", "2020's election was in the 1990's style", 'Open 5-9pm, run 4km.', 'STOP THE CAR NOW. Then go home.', 'Breaking: storm hits the coast', 'Go now', 'Go now', '', '  «Go» — now!!  '];
    const texts = [...tricky, ...SAMPLE_SENTENCES, ...realSentences, ...evalSentences];
    prepareEnglish(texts);
    // The first ask of each text is given its batch document, the second (a repeat too) a lone tagging.
    const batched = texts.map((text) => taggerReading(tagEnglish, text));
    const alone = texts.map((text) => taggerReading(tagEnglish, text));
    expect(batched).toEqual(alone);
    // A batch document is one: its first term's id holds the sentence number it had in the batch (compromise's uuid: 3 characters of counter, then 3 of sentence).
    prepareEnglish(['Go now.', 'Stop it.']);
    const sentenceInId = (text: string): string => ((tagEnglish(text).document[0]?.[0] as { id?: string } | undefined)?.id ?? '').split('|')[1]?.slice(3, 6) ?? '';
    expect([sentenceInId('Stop it.'), sentenceInId('Stop it.')]).toEqual(['001', '000']);
    // A new batch drops the documents of the one before.
    prepareEnglish(['Go now.']);
    prepareEnglish([]);
    expect(sentenceInId('Go now.')).toBe('000');
  });
});
