/**
 * The known-material section of the conclusion (soz compare's matches) in every format, on the
 * hand-built fictional fixture: HTML marks the differing words as spans, the outline of PDF and
 * DOCX carries both passages with their marks, a case never compared has no section.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderHtmlConclusion, htmlDifferences } from '../src/report/html.js';
import { renderMarkdownConclusion } from '../src/report/markdown.js';
import { conclusionOutline } from '../src/report/outline.js';
import { readLabels } from '../src/pipeline/report.js';
import { conclusionFixture as model } from './support/conclusion-fixture.js';

const template = (format: 'md' | 'html') => readFileSync(new URL(`../templates/conclusion.${format}.hbs`, import.meta.url), 'utf8');

describe('known material in the conclusion', () => {
  it('HTML: both passages side by side, differing words as marked spans, evidence text escaped', () => {
    const { text } = renderHtmlConclusion(model('en', 'recorded'), template('html'), readLabels('en'));
    expect(text).toContain('<h3 id="sec-known">2.8 Known material (the lab&#x27;s reference library)</h3>');
    expect(text).toContain('<tr><td>Все <mark>⟦идите⟧</mark> на | площадь <mark>⟦&lt;b&gt;⟧</mark></td><td>Все <mark>⟦пойдёмте⟧</mark> на площадь</td></tr>');
    expect(text).toContain('Decision recorded in the library: Fictional Court No. 9, 2024-02-29, No. 9-77/2024; list: Fictional list of decided material, entry 412');
    expect(text).toContain('Covered: 12.5 % of the library item, 50.0 % of the evidence document');
    expect(text).not.toContain('<b>');
  });

  it('a mark without its closing partner in the evidence text stays plain text', () => {
    expect(htmlDifferences('a ⟦b c').toString()).toBe('a ⟦b c');
    expect(htmlDifferences('⟦x⟧ y ⟧').toString()).toBe('<mark>⟦x⟧</mark> y ⟧');
  });

  it('PDF and DOCX outline: places, decision, review and both texts in order', () => {
    const lines = conclusionOutline(model('ru', 'recorded'), readLabels('ru')).flatMap((block) => (block.kind === 'text' || block.kind === 'heading' ? [block.text] : []));
    const at = lines.indexOf('2.8 Ранее исследованные материалы (справочная библиотека лаборатории)');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 4, at + 15)).toEqual([
      `post|1.txt (SHA-256 ${'a'.repeat(64)})`,
      `doc1 воспроизводит leaflet <7>.pdf (SHA-256 ${'e'.repeat(64)})`,
      'Решение, записанное в библиотеке: Fictional Court No. 9, 2024-02-29, № 9-77/2024; список: Fictional list of decided material, пункт 412',
      'Совпадение охватывает 12.5 % материала библиотеки и 50.0 % документа объекта',
      'Фрагмент 1 — F000000000005, принято экспертом',
      'В объекте: doc1, сообщение 7, смещения [0, 26)',
      'В материале библиотеки: lib1, смещения [120, 141)',
      'сопоставлено слов: 3; отмечено различающихся слов: 3',
      'Обоснование эксперта: Retyped from the leaflet, one word changed',
      'В объекте: Все ⟦идите⟧ на | площадь ⟦<b>⟧',
      'В материале библиотеки: Все ⟦пойдёмте⟧ на площадь',
    ]);
  });

  it('Kyrgyz labels the match as a finding of its own kind; a case never compared has no section', () => {
    const { text } = renderMarkdownConclusion(model('ky', 'recorded'), template('md'), readLabels('ky'));
    expect(text).toContain('**F000000000005** — китепкана материалын кайталаган үзүндү');
    for (const language of ['ru', 'ky', 'en'] as const) {
      const draft = renderMarkdownConclusion(model(language, 'draft'), template('md'), readLabels(language)).text;
      expect(draft).not.toContain('### 2.8');
    }
  });
});
