import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn } from '../core/finding.js';
import { clauseAround, endsWithQuestion, LineIndex, paragraphAround, quotationSpans, sentenceAround, TextStructure } from './text-structure.js';

/** Texts dense in the characters the structure functions care about. */
const structuredText = fc
  .array(fc.constantFrom('a', 'b', ' ', '.', '!', '?', '؟', '…', ',', ';', ':', '—', '(', ')', '«', '»', '„', '“', '”', '"', "'", '\n', '\n\n', 'слово', 'word'), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('TextStructure answers exactly as the scanning functions', () => {
  it('sentence, clause, paragraph and question at every offset', () => {
    fc.assert(
      fc.property(structuredText, (text) => {
        const s = new TextStructure(text);
        for (let offset = 0; offset <= text.length; offset++) {
          expect(s.sentenceAround(offset)).toEqual(sentenceAround(text, offset));
          expect(s.clauseAround(offset)).toEqual(clauseAround(text, offset));
          expect(s.paragraphAround(offset)).toEqual(paragraphAround(text, offset));
          expect(s.endsWithQuestion(offset)).toBe(endsWithQuestion(text, offset));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('known spans of a small text', () => {
    const text = 'Первое, второе. Вопрос ли это?\n\nНовый абзац';
    const s = new TextStructure(text);
    expect(s.sentenceAround(3)).toEqual([0, 14]);
    expect(s.clauseAround(9)).toEqual([7, 14]);
    expect(s.endsWithQuestion(17)).toBe(true);
    expect(s.paragraphAround(35)).toEqual([32, text.length]);
  });
});

describe('LineIndex', () => {
  it('gives the same line and column as core lineColumn at every offset', () => {
    fc.assert(
      fc.property(structuredText, (text) => {
        const lines = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) expect(lines.lineColumn(offset)).toEqual(lineColumn(text, offset));
      }),
      { numRuns: 300 },
    );
  });
});

describe('quotationSpans', () => {
  it('finds paired, nested and symmetric quotes and closes unbalanced ones at a blank line', () => {
    expect(quotationSpans('Он сказал «убей „их“ всех» и ушёл')).toEqual([[10, 26]]);
    expect(quotationSpans(`don't "stop" now`)).toEqual([[6, 12]]);
    expect(quotationSpans('«open\n\nrest')).toEqual([[0, 5]]);
  });
});
