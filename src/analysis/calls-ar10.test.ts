// Arabic calls and violence of tuning round 10 (issue 14; Wright's grammar, Wehr's dictionary),
// each with a control that gives nothing. Sentences are fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** `word category` of each candidate of an Arabic text, every feature standing alone. */
function read(text: string): string[] {
  const doc = new DocumentBuilder({ sha256: 'f'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: ['ar'], standaloneFeatures: true }).findings.map((f) => `${f.actual} ${f.category}`);
}

describe('Arabic imperative plural with an object pronoun (-ūhu, -ūhā, -ūhunna)', () => {
  it('is a call, and violence where the verb is one', () => {
    expect(read('اقتلوه قبل أن يهرب!')).toEqual(['اقتلوه call-to-action', 'اقتلوه violence']);
    expect(read('احرقوها الليلة!')).toEqual(['احرقوها call-to-action', 'احرقوها violence']);
  });
  it('not a noun of kinship with the pronoun, nor the past 2nd plural with one', () => {
    expect(read('جاء أبوه واتصل أخوها.')).toEqual([]);
    expect(read('إذا آتيتموهن أجورهن')).toEqual([]);
  });
  it('not a noun with the article in -وه (deformation, faces)', () => {
    expect(read('فحصنا الهيكل بحثا عن التشوه والصدأ.')).toEqual([]);
    expect(read('رأينا الوجوه في الصورة.')).toEqual([]);
  });
});

describe('Arabic violence of round 10', () => {
  it('execution, stoning, bombardment, torture, a car bomb; the appeal to revolt', () => {
    expect(read('اعدموهم في الساحة!')).toContain('اعدموهم violence');
    expect(read('ارجموه بالحجارة!')).toContain('ارجموه violence');
    expect(read('قصفت الطائرات المدينة.')).toEqual(['قصفت violence']);
    expect(read('تعرضوا للتعذيب.')).toEqual(['للتعذيب violence']);
    expect(read('انفجرت سيارة مفخخة.')).toContain('مفخخة violence');
    expect(read('ثوروا على الظالمين!')).toEqual(['ثوروا call-to-action']);
  });
  it('not the accursed Satan, the punishment of God or a campaign of the sira', () => {
    expect(read('أعوذ بالله من الشيطان الرجيم.')).toEqual([]);
    expect(read('نعوذ بالله من عذاب القبر.')).toEqual([]);
    expect(read('غزوة بدر من أشهر أحداث السيرة.')).toEqual([]);
  });
});
