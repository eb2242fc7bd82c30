import { describe, expect, it } from 'vitest';
import { loadGuards } from './data.js';
import { guardQuestion, questionLanguage } from './guard.js';

const guards = loadGuards();

describe('competence guard', () => {
  const flagged: [string, string, string][] = [
    ['Является ли текст листовки экстремистским?', 'ru', 'ru.extremist'],
    ['Содержатся ли в высказываниях признаки состава преступления?', 'ru', 'ru.crime-elements'],
    ['Виновен ли автор поста?', 'ru', 'ru.guilt'],
    ['Направлен ли текст на возбуждение ненависти либо вражды?', 'ru', 'ru.hatred-wording'],
    ['Содержит ли текст призывы к осуществлению экстремистской деятельности?', 'ru', 'ru.calls-extremist-activity'],
    ['Бул текст экстремисттик мүнөздө болобу?', 'ky', 'ky.extremist'],
    ['Текстте кылмыштын курамы көрүнөбү?', 'ky', 'ky.crime-elements'],
    ['Автор күнөөлүүбү?', 'ky', 'ky.guilt'],
    ['Is the leaflet extremist?', 'en', 'en.extremist'],
    ['Does the post contain the elements of a crime?', 'en', 'en.crime-elements'],
  ];
  for (const [question, language, patternId] of flagged) {
    it(`flags "${question}"`, () => {
      expect(questionLanguage(question)).toBe(language);
      const guard = guardQuestion(question, guards);
      expect(guard.flagged).toBe(true);
      expect(guard.matches.map((match) => match.patternId)).toContain(patternId);
      for (const match of guard.matches) {
        expect(question.slice(match.range[0], match.range[1])).toBe(match.matched);
        expect(match.sources.length).toBeGreaterThan(0);
      }
      expect(guard.suggestions.length).toBeGreaterThan(0);
    });
  }

  it('leaves linguistic questions alone and does not match inside words', () => {
    for (const question of ['Какова коммуникативная направленность текста?', 'Кому адресован текст и какие речевые акты в нём выражены?', 'What speech acts does the text perform?', 'Текстте кандай кеп аракеттери бар?']) {
      expect(guardQuestion(question, guards).flagged, question).toBe(false);
    }
  });

  it('reports a Russian question once although the Kyrgyz file has the same stem', () => {
    const guard = guardQuestion('Является ли текст экстремистским?', guards);
    expect(guard.matches.map((match) => match.patternId)).toEqual(['ru.extremist']);
    expect(guard.guardVersions).toEqual({ en: '1.0.0', ky: '1.0.0', ru: '1.0.0' });
  });
});
