import { describe, expect, it } from 'vitest';
import { englishPronounNamesNoGroup, englishReferentStretches } from './antecedent-en.js';
import { prepareEnglish } from './english-tagger.js';
import { tokenize } from './tokenize.js';

/** The words of `text` as the matcher prepares them (sentence starts after . ! ? and line breaks). */
function wordsOf(text: string): { start: number; end: number; normalised: string; sentenceInitial: boolean }[] {
  let sentenceStart = true;
  const words: { start: number; end: number; normalised: string; sentenceInitial: boolean }[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === 'punct' && /[.!?]/u.test(t.text)) sentenceStart = true;
    if (t.kind !== 'word') continue;
    words.push({ start: t.range[0], end: t.range[1], normalised: t.text.toLowerCase(), sentenceInitial: sentenceStart });
    sentenceStart = false;
  }
  return words;
}

/** The answer of every 3rd-person plural of `text`, in order (fictional sentences). */
function answers(text: string): boolean[] {
  const words = wordsOf(text);
  return words.flatMap((w, i) => (['they', 'them', 'their'].includes(w.normalised) ? [englishPronounNamesNoGroup(text, words, i)] : []));
}

describe('English pronoun antecedents named before they are tagged', () => {
  it('names the stretch each pronoun asks first, the sentence before for one that opens its sentence, and none answered', () => {
    const text = 'The old leaflets in the cellar are useless, so burn them. They rot anyway. Tell the wardens of Ostrel their gates must close.';
    const words = wordsOf(text);
    expect(englishReferentStretches(text, words)).toEqual([
      'The old leaflets in the cellar are useless, so burn ',
      'The old leaflets in the cellar are useless, so burn them. ',
      'Tell the wardens of Ostrel ',
    ]);
    prepareEnglish(englishReferentStretches(text, words));
    // Leaflets are things; a "They" after an earlier them is read as people (Burn them before they come back); wardens are people.
    expect(answers(text)).toEqual([true, false, false]);
    expect(englishReferentStretches(text, words)).toEqual([]);
  });

  it('a batch gives the answers of stretches tagged alone', () => {
    // The same sentences with other names: each text's stretches are new to the cache.
    const alone = 'The spare lanterns in the shed are broken, so mend them. They hang by the gate. Ask the millers of Drunmoor their price.';
    const batched = 'The spare lanterns in the barn are broken, so mend them. They hang by the gate. Ask the millers of Drunmore their price.';
    const byTagging = answers(alone);
    prepareEnglish([...englishReferentStretches(batched, wordsOf(batched)), 'Burn the barns of Greyford tonight']);
    expect(answers(batched)).toEqual(byTagging);
    expect(byTagging).toEqual([true, false, false]);
  });

  it('asks nothing for a first-person plural or a pronoun opening the text', () => {
    const text = 'They came early. Our team of Lowmarsh meets at nine and we start then.';
    expect(englishReferentStretches(text, wordsOf(text))).toEqual([]);
  });
});
