import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/language/tokenize.js';
import { FUZZ_RUNS, RUN_TIMEOUT_MS, hostileString } from './support.js';

const seedOption = process.env['SOZ_FUZZ_SEED'];
const SEED = seedOption === 'random' ? undefined : Number.parseInt(seedOption ?? '', 10) || 20260310;
const params = { numRuns: FUZZ_RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true };

/** What must hold for any text: ranges in order, inside the text, slicing back to the token. */
function tokenProblems(text: string): string[] {
  const started = performance.now();
  const tokens = tokenize(text);
  const ms = performance.now() - started;
  const problems: string[] = [];
  let previousEnd = 0;
  tokens.forEach((token, index) => {
    const [start, end] = token.range;
    if (start < previousEnd) problems.push(`token ${index} starts at ${start}, before ${previousEnd}`);
    if (end <= start) problems.push(`token ${index} is empty or reversed`);
    if (end > text.length) problems.push(`token ${index} ends past the text`);
    if (text.slice(start, end) !== token.text) problems.push(`token ${index} text differs from its range`);
    if (/^\s+$/u.test(token.text)) problems.push(`token ${index} is whitespace`);
    previousEnd = end;
  });
  if (ms > RUN_TIMEOUT_MS) problems.push(`took ${Math.round(ms)} ms for ${text.length} code units`);
  return problems;
}

/** Text that stresses the URL, e-mail, hashtag and emoji alternatives of the token pattern. */
const trickyText = fc
  .array(
    fc.oneof(
      hostileString(20),
      fc.constantFrom('http://', 'https://', 'www.', '@', '#', '.', '-', '\u2010', "'", 'ʻ', '\u200d', '\ufe0f', '\u20e3', '🇰🇬', '👍🏽', 'a', 'ң', '1', ',', ' ', '\n', 'x@y.', 'a.b.c'),
      fc.integer({ min: 1, max: 200 }).map((n) => 'a.'.repeat(n)),
      fc.integer({ min: 1, max: 200 }).map((n) => '1,'.repeat(n)),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('tokenize on generated text', () => {
  it(`keeps its range invariants on text from every Unicode plane with lone surrogates and NULs (${FUZZ_RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostileString(2000), (text) => {
        expect(tokenProblems(text)).toEqual([]);
      }),
      params,
    );
  });

  it(`keeps its invariants and stays fast on URL-, e-mail- and emoji-shaped text (${FUZZ_RUNS} runs)`, () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(tokenProblems(text)).toEqual([]);
      }),
      params,
    );
  });

  // Linear patterns tokenise 16 Ki code units in under 5 ms; the bound leaves room for slow machines.
  const LINE = 16 * 1024;
  const LINE_BUDGET_MS = 250;
  const lineMs = (unit: string) => {
    const text = unit.repeat(Math.ceil(LINE / unit.length));
    const started = performance.now();
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(0);
    return performance.now() - started;
  };

  it.each(['a', '1,', 'a@', 'http://a', '#a', 'ң-', "o'", '👍🏽\u200d', 'x@y.z.', '\ud800', 'www.', '1.'])('tokenises a 16 Ki-unit line of %j in linear time', (unit) => {
    expect(lineMs(unit)).toBeLessThan(LINE_BUDGET_MS);
  });

  // Runs of e-mail local-part characters without "@" used to be quadratic (the local part was
  // unbounded); bounded to 64 and anchored at a run start, separator lines stay linear.
  it.each(['-', '.', '+', '%'])('tokenises a 16 Ki-unit separator line of %j in linear time', (unit) => {
    expect(lineMs(unit)).toBeLessThan(LINE_BUDGET_MS);
  });
});
