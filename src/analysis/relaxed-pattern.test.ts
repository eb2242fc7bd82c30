import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from './lexicon-files.js';
import { relaxedPattern } from './relaxed-pattern.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The scripture patterns of the lexicons, as `compileIndicators` builds them. */
async function scripturePatterns(): Promise<RegExp[]> {
  const { lexicons } = await loadLexicons(ROOT);
  return lexicons.flatMap((l) => l.entries.flatMap((e) => (e.marker === 'scripture' && e.pattern?.type === 'regex' ? [new RegExp(e.pattern.regex, 'iu')] : [])));
}

/** A fixed pseudo-random sequence (the same texts every run). */
function randoms(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
}

describe('relaxedPattern', () => {
  it('takes out look-arounds, anchors and word boundaries, and keeps classes and escapes as written', () => {
    expect(relaxedPattern(/(?<![\p{L}])(?:Мф|Ин)\.?\s*\d{1,3}(?![\p{L}])/iu)?.source).toBe('(?:Мф|Ин)\\.?\\s*\\d{1,3}');
    expect(relaxedPattern(/^\bsura\B[(?<!x)\]\b]+$/u)?.source).toBe('sura[(?<!x)\\]\\b]+');
    expect(relaxedPattern(/a(?=b(?:c|[)])d)e\(?<!f\)/u)?.source).toBe('ae\\(?<!f\\)');
    expect(relaxedPattern(/(?<name>x)y/giu)?.flags).toBe('iu');
  });

  it('gives none for a back-reference (group numbers could shift) or a source it cannot read', () => {
    expect(relaxedPattern(/(?=(a))\1/u)).toBeNull();
    expect(relaxedPattern(/(?<q>["'])x\k<q>/u)).toBeNull();
    expect(relaxedPattern(new RegExp('[a-z]', 'v'))).toBeNull();
  });

  it('gives none for a quantified look-ahead, whose quantifier would bind to the atom before it', () => {
    // Annex B lets a look-ahead be quantified without the u flag: a(?=b){2} matches «ab», a{2} would not.
    const quantifiedLookAhead = new RegExp('a(?=b){2}');
    expect(quantifiedLookAhead.test('ab')).toBe(true);
    expect(relaxedPattern(quantifiedLookAhead)).toBeNull();
    expect(relaxedPattern(new RegExp('x(?!y)*z'))).toBeNull();
    // A quantifier inside a group or after a kept atom stays as written.
    expect(relaxedPattern(/(?:ab)?c\bd+/u)?.source).toBe('(?:ab)?cd+');
  });

  it('matches a whole text wherever a scripture pattern matches one of its slices (real text with references put in)', async () => {
    const patterns = await scripturePatterns();
    expect(patterns.length).toBeGreaterThan(5);
    const lines = ['ru', 'ky', 'en', 'uz', 'kk'].flatMap((lang) => {
      try {
        return readFileSync(join(ROOT, '../shared/corpora-real/langid', `${lang}.txt`), 'utf8').split('\n').filter((line) => line.trim() !== '');
      } catch {
        return [];
      }
    });
    const references = ['(2:191)', 'Мф. 5:39', 'сура 2', 'аят 191', 'Qur’an 2:191', 'surah', 'John 3:16', '[Al-Baqarah 2:191]', 'Ин 3:16', 'сүрө «Бакара» 5', 'oyati 3'];
    const next = randoms(20261207);
    let sliceMatches = 0;
    for (let n = 0; n < 400; n++) {
      const parts: string[] = [];
      for (let k = 0, count = 1 + (next() % 4); k < count; k++) parts.push(lines[next() % lines.length] as string);
      // A reference glued into a word, or set apart, so slices cut look-behinds both ways.
      if (n % 2 === 0) parts.splice(next() % parts.length, 0, references[next() % references.length] as string);
      const text = parts.join(n % 3 === 0 ? '' : ' ');
      for (let s = 0; s < 8; s++) {
        const a = next() % (text.length + 1);
        const b = a + (next() % (text.length - a + 1));
        const slice = text.slice(a, b);
        for (const re of patterns) {
          if (!re.test(slice)) continue;
          sliceMatches++;
          const relaxed = relaxedPattern(re);
          expect(relaxed === null || relaxed.test(text), `${re.source} in «${slice}» of «${text}»`).toBe(true);
        }
      }
    }
    expect(sliceMatches).toBeGreaterThan(50);
  });
});
