import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../lexicon-files.js';
import { loadEvalSet, validateEvalSet } from './files.js';
import { runEvalItems } from './run.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('the shipped evaluation set', () => {
  it('validates, and every expected word lies inside its item text when run through the engine', async () => {
    expect(await validateEvalSet(ROOT)).toEqual([]);
    const items = await loadEvalSet(ROOT);
    const { lexicons } = await loadLexicons(ROOT);
    const sample = items.filter((_, i) => i % 25 === 0);
    const runs = runEvalItems(sample, lexicons);
    for (const run of runs) {
      for (const c of run.candidates) expect(run.item.text.slice(c.range[0], c.range[1])).toBe(c.actual);
    }
    expect(new Set(items.map((i) => i.split))).toEqual(new Set(['tune', 'heldout']));
  });
});
