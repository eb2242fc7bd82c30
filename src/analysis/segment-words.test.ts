import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../language/index.js';
import { BREAK_BEFORE, preparedWords, SENTENCE_START, segmentWords } from './segment-words.js';
import { WORDS, WordTable } from './word-table.js';

/** The flags as the matcher and the corpus units computed them, token by token, before issue 17's prepared words. */
function reference(text: string): { text: string; start: number; end: number; sentence: boolean; brk: boolean }[] {
  const out: { text: string; start: number; end: number; sentence: boolean; brk: boolean }[] = [];
  let sentenceStart = true;
  let pendingBreak = true;
  let lastEnd = 0;
  for (const token of tokenize(text)) {
    const [start, end] = token.range;
    if (text.slice(lastEnd, start).includes('\n')) {
      sentenceStart = true;
      pendingBreak = true;
    }
    lastEnd = end;
    if (token.kind === 'punct') {
      if (/[.!?…؟]/.test(token.text)) sentenceStart = true;
      if (/[.!?…;:؟]/.test(token.text)) pendingBreak = true;
      continue;
    }
    if (token.kind !== 'word') {
      sentenceStart = false;
      continue;
    }
    out.push({ text: token.text, start, end, sentence: sentenceStart, brk: pendingBreak });
    sentenceStart = false;
    pendingBreak = false;
  }
  return out;
}

describe('segment words', () => {
  it('has the word tokens of the tokeniser, with the sentence starts and corpus boundaries of each', () => {
    const piece = fc.constantFrom('сөз', 'Word', 'жана', '12', 'https://x.kg/a', '👍', '.', ';', ':', '!', '؟', ',', ' ', '\n', ' \n ', '#тег', 'a@b.kg');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join(' ');
        const words = segmentWords(text);
        const got = [...words.ids].map((id, i) => ({
          text: preparedWords(words, 'ky')[i]?.text,
          start: words.ranges[2 * i],
          end: words.ranges[2 * i + 1],
          sentence: ((words.flags[i] as number) & SENTENCE_START) !== 0,
          brk: ((words.flags[i] as number) & BREAK_BEFORE) !== 0,
          id,
        }));
        expect(got.map(({ id: _, ...rest }) => rest)).toEqual(reference(text));
        expect(words.tokenCount).toBe(tokenize(text).length);
        // One id per distinct word text.
        for (const a of got) for (const b of got) expect(a.id === b.id).toBe(a.text === b.text);
      }),
      { numRuns: 300 },
    );
  });

  it('prepares each word with its normal form and stem in the language asked for', () => {
    const words = segmentWords('Биз КЕЛДИК. Мы пришли');
    const ky = preparedWords(words, 'ky');
    expect(ky.map((t) => [t.text, t.normalised, t.sentenceInitial])).toEqual([
      ['Биз', 'биз', true],
      ['КЕЛДИК', 'келдик', false],
      ['Мы', 'мы', true],
      ['пришли', 'пришли', false],
    ]);
    expect(preparedWords(words, 'ru')[3]?.parses.length).toBeGreaterThan(0);
    expect(ky[3]?.parses).toEqual([]);
    expect(WORDS.textOf(ky[1]?.id as number)).toBe('КЕЛДИК');
  });
});

describe('word table', () => {
  it('forgets its words and memos in a new generation, and never answers for an older id', () => {
    const table = new WordTable(3);
    const owner = {};
    const ids = ['a', 'b', 'c'].map((w) => table.idOf(w));
    expect(table.idOf('b')).toBe(ids[1]);
    table.memo<string>(owner).set(ids[0] as number, 'A');
    expect(table.memo<string>(owner).get(ids[0] as number)).toBe('A');
    const generation = table.generation;
    table.makeRoom();
    expect(table.generation).not.toBe(generation);
    const again = table.idOf('a');
    expect(ids).not.toContain(again);
    expect(table.textOf(again)).toBe('a');
    const memo = table.memo<string>(owner);
    expect(memo.get(ids[0] as number)).toBeUndefined();
    expect(memo.get(again)).toBeUndefined();
    memo.set(ids[2] as number, 'stale');
    expect(memo.get(ids[2] as number)).toBeUndefined();
  });

  it('finds a word from its range in a longer text as from the word itself, through the growth of its index', () => {
    const table = new WordTable(100_000);
    // Enough words to double the hash index several times (it starts at 4,096 slots).
    const words = Array.from({ length: 20_000 }, (_, i) => `слово${i.toString(36)}`);
    const ids = words.map((w) => table.idOf(w));
    expect(new Set(ids).size).toBe(words.length);
    const text = ` ${words.join(' ')} `;
    let at = 1;
    words.forEach((word, i) => {
      expect(table.idOfRange(text, at, at + word.length)).toBe(ids[i]);
      at += word.length + 1;
    });
    expect(table.textOf(table.idOfRange(text, 1, 3))).toBe('сл');
    expect(table.idOf('сл')).toBe(table.idOfRange(text, 1, 3));
  });

  it('keeps its words until the limit is reached', () => {
    const table = new WordTable(3);
    const id = table.idOf('a');
    table.makeRoom();
    expect(table.idOf('a')).toBe(id);
  });
});
