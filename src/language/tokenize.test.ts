import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type TokenKind } from './tokenize.js';

const kinds = (text: string): Array<[TokenKind, string]> => tokenize(text).map((t) => [t.kind, t.text]);

describe('tokenize', () => {
  // Pins the V8 Unicode property data on every letter soz depends on (see the module comment).
  it.each([
    ['Kyrgyz', 'ң ө ү Ң Ө Ү'],
    ['Kazakh', 'ә ғ қ ұ һ і Ә Ғ Қ Ұ Һ І'],
    ['Uzbek Cyrillic', 'ў қ ғ ҳ Ў Ҳ'],
    ['Tajik', 'ӣ ӯ ҷ Ӣ Ӯ Ҷ'],
    ['Russian', 'ё ъ ы ь э щ Ё'],
    ['Uzbek Latin modifier letters', 'ʻ ʼ'],
  ])('keeps every %s letter inside a word', (_name, letters) => {
    for (const letter of letters.split(' ')) {
      const word = `а${letter}б`;
      expect(tokenize(word)).toEqual([{ text: word, range: [0, 3], kind: 'word' }]);
    }
  });

  it('keeps Kyrgyz and Kazakh words whole (natural splits өкмөт into км, т)', () => {
    expect(kinds('өкмөт Қазақстан ҷумҳурӣ ўзбек')).toEqual([['word', 'өкмөт'], ['word', 'Қазақстан'], ['word', 'ҷумҳурӣ'], ['word', 'ўзбек']]);
  });

  it("joins Uzbek oʻ gʻ with every apostrophe variant", () => {
    for (const apostrophe of ["'", 'ʻ', 'ʼ', '‘', '’', '`']) {
      expect(kinds(`o${apostrophe}zbek g${apostrophe}alaba`)).toEqual([['word', `o${apostrophe}zbek`], ['word', `g${apostrophe}alaba`]]);
    }
  });

  it('does not glue a quote after a word to the next word', () => {
    expect(kinds("'salom' dedi")).toEqual([['punct', "'"], ['word', 'salom'], ['punct', "'"], ['word', 'dedi']]);
  });

  it('keeps Arabic harakat and shadda in the word', () => {
    expect(kinds('بِسْمِ اللَّهِ')).toEqual([['word', 'بِسْمِ'], ['word', 'اللَّهِ']]);
  });

  it('keeps hyphenated words, splits numbers from words', () => {
    expect(kinds('Ысык-Көл COVID-19 5-мектеп 3,79 млрд')).toEqual([
      ['word', 'Ысык-Көл'], ['word', 'COVID-19'], ['number', '5'], ['punct', '-'], ['word', 'мектеп'], ['number', '3,79'], ['word', 'млрд'],
    ]);
  });

  it('recognises hashtags, mentions, URLs and e-mail addresses', () => {
    expect(kinds('#Жихад @user_1 (https://t.me/x?a=1). a.b@mail.kg!')).toEqual([
      ['hashtag', '#Жихад'], ['mention', '@user_1'], ['punct', '('], ['url', 'https://t.me/x?a=1'], ['punct', ')'], ['punct', '.'], ['url', 'a.b@mail.kg'], ['punct', '!'],
    ]);
  });

  it('keeps emoji sequences as single tokens', () => {
    const emoji = ['👨‍👩‍👧', '👍🏽', '🇰🇬', '1️⃣', '❤️', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🧕🏻‍♀️'];
    expect(kinds(emoji.join(' '))).toEqual(emoji.map((e) => ['emoji', e]));
    expect(kinds('салам🙂')).toEqual([['word', 'салам'], ['emoji', '🙂']]);
  });

  it('gives ranges that slice back to the token, in order, for any text', () => {
    const alphabet = fc.constantFrom(...'аөңқўҷӣxoʻ\'’-_.,#@ 1🇰👍🏽‍\u0301\n'.split(''), '👨‍👩‍👧', 'https://a.kg/', 'بِ');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      let last = 0;
      for (const t of tokenize(text)) {
        expect(text.slice(t.range[0], t.range[1])).toBe(t.text);
        expect(t.range[0]).toBeGreaterThanOrEqual(last);
        expect(t.text.length).toBeGreaterThan(0);
        last = t.range[1];
      }
    }), { numRuns: 300 });
  });

  it('tokenises text without an @ as it would with one far away (the faster expression skips e-mails only)', () => {
    // An @ on a line of its own after the text makes tokenize use the full expression.
    const alphabet = fc.constantFrom(...'аөңқўxoʻ\'’-_.,%+# 1🇰👍🏽\u0301\n'.split(''), 'https://a.kg/', 'www.x.kg', 'a.b', 'бир.кг', 'بِ');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      expect(tokenize(text)).toEqual(tokenize(`${text}\n\n@`).slice(0, -1));
    }), { numRuns: 300 });
  });

  // Text without an @ reads most words by a scan of character classes (scanTokens); an @ on a line
  // of its own after the text sends every token through the expression, so both must agree.
  const byExpression = (text: string): ReturnType<typeof tokenize> => tokenize(`${text}\n\n@`).slice(0, -1);

  it('reads words by the class scan exactly as the expression does, for any text', () => {
    const alphabet = fc.constantFrom(
      ...'аөңҳӯЁxhwHWoʻʼ\'’‘`-\u2010\u2011\u2012_.,:#%+*1٣ \u00a0\u2028\ufeff\t\n\u0301\u064e\ufe0f\u20e3©®™'.split(''),
      '𝐀', '𐐀', '𝟘', '🇰🇬', '👍🏽', '👨‍👩‍👧', 'https://a.kg/', 'www.x.kg', 'http', 'бир-эки', 'بِ',
    );
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      expect(tokenize(text)).toEqual(byExpression(text));
    }), { numRuns: 1000 });
  });

  it('reads every character of the Basic Multilingual Plane as the expression does, at a word start and inside', () => {
    const pieces: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code === 0x40 || (code >= 0xd800 && code <= 0xdfff)) continue;
      const c = String.fromCharCode(code);
      pieces.push(`${c}а${c}б-${c}в'${c} `);
    }
    const text = pieces.join('');
    const brief = (tokens: ReturnType<typeof tokenize>): string => tokens.map((t) => `${t.kind} ${t.range[0]} ${t.range[1]}`).join('\n');
    expect(brief(tokenize(text))).toBe(brief(byExpression(text)));
  });
});
