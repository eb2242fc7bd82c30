import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';
import { englishImperatives } from './imperative-en.js';

/** The imperative words of `text` as the matcher would prepare them (fictional sentences). */
function imperatives(text: string, known: readonly string[] = []): string[] {
  let sentenceStart = true;
  let lastEnd = 0;
  const words: { start: number; end: number; normalised: string; sentenceInitial: boolean; text: string }[] = [];
  for (const t of tokenize(text)) {
    if (text.slice(lastEnd, t.range[0]).includes('\n')) sentenceStart = true;
    lastEnd = t.range[1];
    if (t.kind === 'punct') {
      if (/[.!?]/.test(t.text)) sentenceStart = true;
      continue;
    }
    if (t.kind !== 'word') continue;
    words.push({ start: t.range[0], end: t.range[1], normalised: t.text.toLowerCase().replace(/'/g, ''), sentenceInitial: sentenceStart, text: t.text });
    sentenceStart = false;
  }
  return [...englishImperatives(text, words, new Set(known))].sort((a, b) => a - b).map((i) => words[i]?.text ?? '');
}

describe('English imperatives by position and word class', () => {
  it('a base verb opening a sentence, after please / do not, after a vocative or a colon', () => {
    expect(imperatives('Gather your brothers at the old mill.')).toEqual(['Gather']);
    expect(imperatives('Please send the figures. Do not forgive the traitors of Lowmarsh.')).toEqual(['send', 'forgive']);
    expect(imperatives('Brothers, burn their barns tonight.')).toEqual(['burn']);
    expect(imperatives('He wrote: drive them out of Greyford.')).toEqual(['drive']);
  });

  it('a second imperative joined by and, and a verb the tagger misses when it is listed', () => {
    expect(imperatives('O Allah, guide us to the straight path and keep us firm.')).toEqual(['guide', 'keep']);
    expect(imperatives('Avenge our fallen!')).toEqual([]);
    expect(imperatives('Avenge our fallen!', ['avenge'])).toEqual(['Avenge']);
  });

  it('after a vocative a verb read as a name still counts; a subject followed by its verb does not', () => {
    expect(imperatives('Lord, grant peace to those who mourn tonight.')).toEqual(['grant']);
    expect(imperatives('Indeed, man is ungrateful.')).toEqual([]);
  });

  it('statements, labels, headings and parts of addresses are no imperatives', () => {
    expect(imperatives('The police closed the road. We stayed at home.')).toEqual([]);
    expect(imperatives('Note: the office is closed. Read more at example.net today.')).toEqual(['Read']);
    expect(imperatives('Lessons -- part 2 -- part 3')).toEqual([]);
  });
});
