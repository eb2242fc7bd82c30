import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignWords } from './diff.js';
import { markedPassage } from './marked.js';
import { kgramHashes, winnow } from './fingerprint.js';
import { buildIndex, decodeIndex, encodeIndex } from './index-data.js';
import { DEFAULT_PASSAGE_OPTIONS, coveredShare, findPassages, splitAtGaps } from './passages.js';
import { boundedEditDistance, similarWords } from './similar.js';
import { matchWords } from './words.js';

// Fictional vocabulary: made-up words, so no real text is reproduced.
const SYLLABLES = ['ka', 'lo', 'mir', 'tan', 'se', 'vu', 'rak', 'ni', 'dor', 'pel', 'zu', 'gim', 'ost', 'bra', 'ley'];

/** Deterministic fictional text of `count` words (a linear congruential generator with a seed). */
function fictional(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const syllables = 1 + (next() % 3);
    let word = '';
    for (let s = 0; s < syllables; s++) word += SYLLABLES[next() % SYLLABLES.length];
    words.push(word);
  }
  return words;
}

function passagesIn(evidence: string, items: string[], minWords = 40) {
  const itemWords = items.map((text) => matchWords(text));
  const index = buildIndex(itemWords.map((w) => w.keys));
  const words = matchWords(evidence);
  return { words, itemWords, passages: findPassages(words.keys, index, (item) => itemWords[item]!.keys, { ...DEFAULT_PASSAGE_OPTIONS, minWords }) };
}

describe('matchWords', () => {
  it('gives Cyrillic and Latin spellings one key and keeps offsets into the original text', () => {
    const cyr = matchWords('Джихад — «сабр», ўзбек тили.');
    const lat = matchWords('dzhihad sabr,\nOʻzbek tili');
    expect(cyr.keys).toEqual(lat.keys);
    expect('Джихад — «сабр», ўзбек тили.'.slice(cyr.starts[1], cyr.ends[1])).toBe('сабр');
  });
  it('folds Latin homoglyphs inside a Cyrillic word', () => {
    expect(matchWords('сабр').keys).toEqual(matchWords('caбp').keys);
  });
});

describe('fingerprints', () => {
  it('hashes k-grams to stable 52-bit integers', () => {
    const hashes = kgramHashes(['a', 'b', 'c', 'a', 'b', 'c'], 3);
    expect(hashes.length).toBe(4);
    expect(hashes[0]).toBe(hashes[3]);
    expect(hashes[0]).not.toBe(hashes[1]);
    for (const h of hashes) expect(Number.isInteger(h) && h >= 0 && h < 2 ** 52).toBe(true);
  });
  it('winnowing selects a position in every window of w hashes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (values, w) => {
        const selected = winnow(Float64Array.from(values), w);
        for (let start = 0; start + w <= values.length; start++) expect(selected.some((p) => p >= start && p < start + w)).toBe(true);
        expect([...selected].sort((a, b) => a - b)).toEqual(selected);
      }),
    );
  });
  it('round-trips the index through bytes', () => {
    const index = buildIndex([fictional(200, 1), fictional(100, 2)]);
    const decoded = decodeIndex(encodeIndex(index));
    expect(decoded).toEqual(index);
    expect(decodeIndex(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('similarity and alignment', () => {
  it('bounds the edit distance', () => {
    expect(boundedEditDistance('kitten', 'sitting', 5)).toBe(3);
    expect(boundedEditDistance('kitten', 'sitting', 1)).toBe(2);
    expect(similarWords('sabrlik', 'sabrlak')).toBe(true);
    expect(similarWords('bir', 'bor')).toBe(false);
  });
  it('aligns with insertions, deletions and substitutions, pairing every equal word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), (a, b) => {
        const ops = alignWords(a, 0, a.length, b, 0, b.length, (x, y) => x === y);
        expect(ops.flatMap((op) => (op.kind === 'only-b' ? [] : [op.a]))).toEqual(a.map((_, i) => i));
        expect(ops.flatMap((op) => (op.kind === 'only-a' ? [] : [op.b]))).toEqual(b.map((_, i) => i));
        for (const op of ops) if (op.kind === 'same') expect(a[op.a]).toBe(b[op.b]);
      }),
    );
  });
});

describe('findPassages', () => {
  const item = fictional(300, 7);
  const carrier = fictional(400, 99);

  it('finds a planted passage with its boundaries on both sides', () => {
    const planted = item.slice(100, 160);
    const evidence = [...carrier.slice(0, 150), ...planted, ...carrier.slice(150)].join(' ');
    const { passages } = passagesIn(evidence, [fictional(300, 3).join(' '), item.join(' ')]);
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ item: 1, evidenceWords: [150, 210], itemWords: [100, 160], sameWords: 60 });
  });

  it('survives retyping: punctuation, line breaks, a dropped word, an inserted word, typos, the other script', () => {
    const planted = item.slice(20, 90).map((w, i) => (i % 9 === 4 ? w.replace(/a/g, 'o') : w));
    planted.splice(30, 1);
    planted.splice(50, 0, 'vstavka');
    const latin = planted.join(', ').replace(/(.{60})/g, '$1\n');
    const cyrillicItem = item.join(' ').replace(/[a-z]/g, (c) => ({ a: 'а', k: 'к', l: 'л', o: 'о', m: 'м', i: 'и', r: 'р', t: 'т', n: 'н', s: 'с', e: 'е', v: 'в', u: 'у', d: 'д', p: 'п', z: 'з', g: 'г', b: 'б', y: 'й' })[c] ?? c);
    const { passages } = passagesIn(`${carrier.slice(0, 50).join(' ')} ${latin} ${carrier.slice(50, 120).join(' ')}`, [cyrillicItem]);
    expect(passages).toHaveLength(1);
    const [p] = passages;
    expect(Math.abs(p!.itemWords[0] - 20)).toBeLessThanOrEqual(2);
    expect(Math.abs(p!.itemWords[1] - 90)).toBeLessThanOrEqual(2);
  });

  it.each([
    ['in any order', () => [...item.slice(200, 260), ...carrier.slice(0, 30), ...item.slice(0, 50)], [[[0, 60], [200, 260]], [[90, 140], [0, 50]]]],
    ['as two when other text stands between two passages of one item', () => [...item.slice(0, 60), ...carrier.slice(0, 20), ...item.slice(60, 130)], [[[0, 60], [0, 60]], [[80, 150], [60, 130]]]],
  ] as const)('finds passages %s', (_name, words, expected) => {
    const { passages } = passagesIn(words().join(' '), [item.join(' ')]);
    expect(passages.map((p) => [p.evidenceWords, p.itemWords])).toEqual(expected);
  });

  it('reports nothing for unrelated text', () => {
    expect(passagesIn(carrier.join(' '), [item.join(' ')]).passages).toEqual([]);
  });

  it('keeps a passage shorter than the minimum out', () => {
    const evidence = [...carrier.slice(0, 50), ...item.slice(0, 30), ...carrier.slice(50, 100)].join(' ');
    expect(passagesIn(evidence, [item.join(' ')]).passages).toEqual([]);
    expect(passagesIn(evidence, [item.join(' ')], 25).passages).toHaveLength(1);
  });

  it('computes covered shares from the union of ranges', () => {
    expect(coveredShare([[0, 10], [5, 20], [30, 40]], 100)).toBe(0.3);
    expect(coveredShare([], 0)).toBe(0);
  });

  it('marks inserted and misspelled words but not the same word in the other script', () => {
    const a = 'Сабр — бу чидамлилик ва яна бир сўз.';
    const b = 'Sabr bu chidamlilik va bir soʻz';
    const aw = matchWords(a);
    const bw = matchWords(b.replace('chidamlilik', 'chidamlilak'));
    const ops = alignWords(aw.keys, 0, aw.keys.length, bw.keys, 0, bw.keys.length, similarWords);
    const marked = markedPassage(ops, { text: a, words: aw, range: [0, aw.keys.length] }, { text: b.replace('chidamlilik', 'chidamlilak'), words: bw, range: [0, bw.keys.length] });
    expect(marked.a).toBe('Сабр — бу ⟦чидамлилик⟧ ва ⟦яна⟧ бир сўз');
    expect(marked.b).toBe('Sabr bu ⟦chidamlilak⟧ va bir soʻz');
    expect(marked.differingWords).toBe(3);
  });

  it('splits an alignment only at long unpaired runs', () => {
    const same = (a: number, b: number) => ({ kind: 'same' as const, a, b });
    const ops = [same(0, 0), { kind: 'only-a' as const, a: 1 }, same(2, 1), ...Array.from({ length: 13 }, (_, i) => ({ kind: 'only-a' as const, a: 3 + i })), same(16, 2)];
    expect(splitAtGaps(ops, 12)).toEqual([ops.slice(0, 3), [same(16, 2)]]);
    expect(splitAtGaps(ops, 13)).toEqual([ops]);
  });

  it('finds any planted passage of 50+ words with up to 3 % letter noise, boundaries within 5 words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 50, max: 200 }), fc.integer({ min: 0, max: 350 }), fc.double({ min: 0, max: 0.03, noNaN: true }), fc.integer(), (from, length, at, noise, seed) => {
        const to = Math.min(item.length, from + length);
        fc.pre(to - from >= 50);
        let state = seed >>> 0;
        const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
        const noisy = item.slice(from, to).map((word) => [...word].map((ch) => (next() < noise ? 'x' : ch)).join(''));
        const evidence = [...carrier.slice(0, at), ...noisy, ...carrier.slice(at)];
        const { passages } = passagesIn(evidence.join(' '), [item.join(' ')]);
        expect(passages).toHaveLength(1);
        const [p] = passages;
        // Past 5 words only where the carrier itself holds the item's words at the passage's edge: the made-up vocabulary
        // repeats its one-syllable words, and a chance pair beyond a gap of up to four unpaired words is a real pair
        // (seed -1082365470: «bra gim» of the carrier before the plant, six words early on both sides).
        const edge = (found: number, planted: number, itemWord: string | undefined, evidenceWord: string | undefined): boolean =>
          Math.abs(found - planted) <= 5 || (itemWord !== undefined && itemWord === evidenceWord);
        const [itemFrom, itemTo] = p!.itemWords;
        const [evidenceFrom, evidenceTo] = p!.evidenceWords;
        expect(edge(itemFrom, from, item[itemFrom], evidence[evidenceFrom])).toBe(true);
        expect(edge(itemTo, to, item[itemTo - 1], evidence[evidenceTo - 1])).toBe(true);
        expect(edge(evidenceFrom, at, item[itemFrom], evidence[evidenceFrom])).toBe(true);
        expect(edge(evidenceTo, at + to - from, item[itemTo - 1], evidence[evidenceTo - 1])).toBe(true);
      }),
      { numRuns: Number(process.env['SOZ_FUZZ_RUNS'] ?? 40), examples: [[181, 50, 183, 0, 0]] },
    );
  });
});
