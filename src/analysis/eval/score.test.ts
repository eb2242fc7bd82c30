import { describe, expect, it } from 'vitest';
import type { EvalItem, Expectation } from './schema.js';
import { checkEvalText, locateWord, splitOf } from './schema.js';
import type { ScoredCandidate } from './score.js';
import { ENGINE_COUNTER_KINDS, headlines, scoreRuns } from './score.js';
import { formatByEntry } from './format.js';

function item(id: string, text: string, expected: Partial<Expectation>[]): EvalItem {
  return {
    id,
    text,
    source: 'written for soz: test',
    family: 'test',
    language: 'en',
    split: 'tune',
    expected: expected.map((e) => ({ category: 'violence', word: '', voice: 'own', counter: [], ...e }) as Expectation),
  };
}

function candidate(text: string, word: string, over: Partial<ScoredCandidate> = {}): ScoredCandidate {
  const start = text.indexOf(word);
  return { category: 'violence', range: [start, start + word.length], voice: 'own', countervailing: [], ruleId: 'en.violence.kill', actual: word, ...over };
}

describe('scoreRuns', () => {
  const text = 'They said: do not kill the guard.';

  it('counts a candidate overlapping the expected word as right in sense, found, right voice and counters', () => {
    const it1 = item('en-t-1', text, [{ word: 'kill', voice: 'reported', counter: ['negation', 'reported'] }]);
    const score = scoreRuns([{ item: it1, candidates: [candidate(text, 'kill', { voice: 'reported', countervailing: ['negated', 'reported', 'mainstream-meaning'] })] }]);
    expect(score.cells.en?.violence).toEqual({ candidates: 1, rightSense: 1, expected: 1, found: 1, voiceRight: 1, counterExpected: 2, counterFound: 2, counterExtra: 0 });
    expect(score.counters.en?.negation).toEqual({ expected: 1, found: 1 });
    expect(score.misses).toEqual([]);
  });

  it('scores a candidate of another category, or on another word, as wrong in sense and the expectation as missed', () => {
    const it1 = item('en-t-2', text, [{ word: 'kill' }]);
    const score = scoreRuns([{ item: it1, candidates: [candidate(text, 'kill', { category: 'call-to-action' }), candidate(text, 'guard')] }]);
    expect(score.cells.en?.all).toMatchObject({ candidates: 2, rightSense: 0, expected: 1, found: 0 });
    expect(score.misses.map((m) => m.kind)).toEqual(['wrong-sense', 'wrong-sense', 'missed']);
  });

  it('tallies sense per lexicon entry, and formats the entries lowest precision first', () => {
    const t = 'kill time, not kill people';
    const it1 = item('en-t-9', t, [{ word: 'kill', nth: 2 }]);
    const score = scoreRuns([{ item: it1, candidates: [candidate(t, 'kill'), { ...candidate(t, 'kill'), range: [15, 19], ruleId: 'en.violence.z' }] }]);
    expect(score.byEntry).toEqual({ 'en.violence.kill': { candidates: 1, rightSense: 0 }, 'en.violence.z': { candidates: 1, rightSense: 1 } });
    expect(formatByEntry(score).split('\n').map((l) => l.split(/\s+/)[0])).toEqual(['entry', 'en.violence.kill', 'en.violence.z']);
  });

  it('finds the nth occurrence and does not count two rules on one word twice', () => {
    const t = 'kill time, not kill people';
    const it1 = item('en-t-3', t, [{ word: 'kill', nth: 2, counter: ['negation'] }]);
    const second: [number, number] = [15, 19];
    const score = scoreRuns([
      {
        item: it1,
        candidates: [
          candidate(t, 'kill'),
          { ...candidate(t, 'kill'), range: second, countervailing: [] },
          { ...candidate(t, 'kill'), range: second, ruleId: 'en.violence.z', countervailing: ['negated'] },
        ],
      },
    ]);
    expect(score.cells.en?.violence).toMatchObject({ candidates: 3, rightSense: 2, expected: 1, found: 1, counterExpected: 1, counterFound: 1 });
  });

  it('reports a wrong voice and a counter the annotation does not expect', () => {
    const it1 = item('en-t-4', text, [{ word: 'kill', voice: 'reported', counter: [] }]);
    const score = scoreRuns([{ item: it1, candidates: [candidate(text, 'kill', { voice: 'own', countervailing: ['question'] })] }]);
    expect(score.cells.en?.violence).toMatchObject({ voiceRight: 0, counterExtra: 1 });
    expect(score.misses.map((m) => `${m.kind}:${m.detail}`)).toEqual(['wrong-voice:own, expected reported', 'extra-counter:question']);
  });

  it('lets an optional expectation make a candidate right without ever counting it as missed', () => {
    const it1 = item('en-t-5', 'Pass the knife, please.', [{ word: 'knife', optional: true }]);
    expect(scoreRuns([{ item: it1, candidates: [] }]).cells.en).toBeUndefined();
    const found = scoreRuns([{ item: it1, candidates: [candidate('Pass the knife, please.', 'knife')] }]);
    expect(found.cells.en?.violence).toMatchObject({ candidates: 1, rightSense: 1, expected: 0, found: 0 });
  });

  it('headlines: targets are met only at or above the threshold, and never without data', () => {
    const ok = item('en-t-6', text, [{ word: 'kill', counter: ['negation'] }]);
    const good = headlines(scoreRuns([{ item: ok, candidates: [candidate(text, 'kill', { countervailing: ['negated'] })] }]));
    expect(good).toEqual([{ language: 'en', sensePrecision: 1, genuineRecall: 1, voiceAccuracy: 1, counterRecall: 1, met: { sense: true, recall: true, voice: true, counter: true } }]);
    const benign = item('en-t-7', 'An Arabic lesson.', []);
    const bad = headlines(scoreRuns([{ item: benign, candidates: [candidate('An Arabic lesson.', 'Arabic', { category: 'group-designation' })] }]));
    expect(bad[0]).toMatchObject({ sensePrecision: 0, genuineRecall: undefined, met: { sense: false, recall: false } });
  });

  it('maps engine counter names through one table', () => {
    expect(ENGINE_COUNTER_KINDS.negated).toBe('negation');
    expect(ENGINE_COUNTER_KINDS['mainstream-meaning']).toBeUndefined();
  });
});

describe('locateWord', () => {
  it('finds whole words only, counting occurrences from 1', () => {
    expect(locateWord('Israel wants to drive them toward civil war.', 'war')).toEqual([40, 43]);
    expect(locateWord('kill time, not kill people', 'kill', 2)).toEqual([15, 19]);
    expect(locateWord('killing', 'kill')).toBeUndefined();
  });
});

describe('checkEvalText', () => {
  const header = 'set: soz.eval.findings/1\nlanguage: en\nitems:\n';
  it('accepts a sound file and derives the split from the id', () => {
    const check = checkEvalText('corpora/eval/findings/en.yaml', `${header}  - {id: en-x-1, family: x, source: "written for soz: x", text: "Kill it.", expected: [{category: violence, word: Kill, voice: own}]}\n`);
    expect(check.problems).toEqual([]);
    expect(check.items[0]?.split).toBe(splitOf('en-x-1'));
    expect(check.items[0]?.expected[0]?.counter).toEqual([]);
  });
  it('names the item and the fix when a word is not in the text, an id repeats or the file is misnamed', () => {
    const body = `${header}  - {id: en-x-1, family: x, source: s, text: "Kill it.", expected: [{category: violence, word: kill, voice: own}]}\n  - {id: en-x-1, family: x, source: s, text: "Fine.", expected: []}\n`;
    const problems = checkEvalText('corpora/eval/findings/ru.yaml', body).problems;
    expect(problems).toEqual([
      'corpora/eval/findings/ru.yaml: language en — fix: name the file en.yaml',
      'corpora/eval/findings/ru.yaml: item en-x-1: expected[0] word «kill» (occurrence 1) is not in the text — fix the word or nth',
      'corpora/eval/findings/ru.yaml: item en-x-1: id used twice — fix: give one a new number',
    ]);
  });
  it('rejects unknown fields and counter kinds with their path', () => {
    const problems = checkEvalText('corpora/eval/findings/en.yaml', `${header}  - {id: en-x-1, family: x, source: s, text: t, expected: [{category: violence, word: t, voice: own, counter: [sarcasm]}]}\n`).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^corpora\/eval\/findings\/en\.yaml: items\.0\.expected\.0\.counter\.0: /);
  });
  it('splits ids into both halves', () => {
    const splits = new Set(Array.from({ length: 20 }, (_, i) => splitOf(`ru-x-${i}`)));
    expect(splits).toEqual(new Set(['tune', 'heldout']));
  });
});
