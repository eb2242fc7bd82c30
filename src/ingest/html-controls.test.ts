import { describe, expect, it } from 'vitest';
import { segmentText } from '../core/document.js';
import type { SozDocument } from '../core/document.js';
import { expectSoundDocuments, extractOne } from '../../tests/support/adapter-invariants.js';
import { htmlAdapter } from './html.js';

// Form controls and other inline blocks of a page must not run their text into the text beside
// them: "Да" and "Нет" of one list are two words, never «ДаНет». All text is fictional.

const texts = async (html: string): Promise<string[]> => {
  const bytes = new TextEncoder().encode(html);
  const [doc] = await expectSoundDocuments(async (): Promise<SozDocument[]> => [await extractOne(htmlAdapter, bytes, 'page.html')]);
  if (!doc) throw new Error('no document');
  return doc.segments.filter((s) => s.anchor.part === 'body').map((s) => segmentText(doc, s));
};

describe('HTML controls keep a boundary with their neighbours', () => {
  it('the options of a list are paragraphs of their own, as a browser lists them', async () => {
    expect(await texts('<p>Ответ:<select><option>Да</option><option>Нет</option><optgroup label="x"><option>Не знаю</option></optgroup></select>конец</p>')).toEqual([
      'Ответ:',
      'Да',
      'Нет',
      'Не знаю',
      'конец',
    ]);
  });

  it('buttons, inputs, pictures, meters and text areas are words apart from the text beside them, in the same paragraph', async () => {
    expect(await texts('<p>Нажмите<button>Отправить</button>сейчас</p>')).toEqual(['Нажмите Отправить сейчас']);
    expect(await texts('<p>Имя<input value="x">Фамилия<img src="a.png">Отчество</p>')).toEqual(['Имя Фамилия Отчество']);
    expect(await texts('<div>Поле<textarea>\nвведённый текст</textarea>после</div>')).toEqual(['Поле', 'введённый текст', 'после']);
    expect(await texts('<div>Заряд<meter value="1">полный</meter><progress>готово</progress><output>итог</output>конец</div>')).toEqual(['Заряд полный готово итог конец']);
  });

  it('inline elements still join the letters of one word', async () => {
    expect(await texts('<p>сло<b>во</b> и <i>ещё</i>одно<span>слово</span></p>')).toEqual(['слово и ещёоднослово']);
  });
});

describe('HTML list labels', () => {
  it('the label of an option group or option is read after its paragraph, as other attributes are', async () => {
    const bytes = new TextEncoder().encode('<select><optgroup label="Группа ответов"><option label="кратко">Полный ответ</option></optgroup></select>');
    const [doc] = await expectSoundDocuments(async (): Promise<SozDocument[]> => [await extractOne(htmlAdapter, bytes, 'page.html')]);
    expect(doc?.segments.map((s) => [s.id, s.anchor.part, segmentText(doc, s)])).toEqual([
      ['label0', 'tooltip', 'Группа ответов'],
      ['p0', 'body', 'Полный ответ'],
      ['label1', 'tooltip', 'кратко'],
    ]);
  });
});
