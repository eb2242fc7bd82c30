import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
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
    // The commonest wordings of real orders (issue 15): nouns and adjectives of every statute term.
    ['Имеются ли в тексте признаки экстремизма?', 'ru', 'ru.extremist'],
    ['Содержит ли текст пропаганду терроризма?', 'ru', 'ru.terrorism'],
    ['Содержатся ли в видеоролике признаки оправдания терроризма?', 'ru', 'ru.terrorism'],
    ['Направлен ли текст на возбуждение розни?', 'ru', 'ru.discord'],
    ['Содержит ли текст признаки межнациональной вражды?', 'ru', 'ru.discord'],
    ['Содержатся ли высказывания, направленные на унижение национального достоинства?', 'ru', 'ru.incitement-legal'],
    ['Содержатся ли в тексте призывы к участию в массовых беспорядках?', 'ru', 'ru.mass-riots'],
    ['Связан ли текст с деятельностью запрещённой организации?', 'ru', 'ru.banned-organisation'],
    ['Является ли автор сторонником религиозного течения?', 'ru', 'ru.person'],
    ['Что хотело выразить лицо, поставившее лайк под публикацией?', 'ru', 'ru.person'],
    ['Какую цель преследовал автор текста?', 'ru', 'ru.person'],
    ['Текстте экстремизмдин белгилери барбы?', 'ky', 'ky.extremist'],
    ['Текст экстремисттик беле?', 'ky', 'ky.extremist'],
    ['Текстте терроризмди актоо барбы?', 'ky', 'ky.terrorism'],
    ['Текстте улуттук араздашууну козутуу барбы?', 'ky', 'ky.discord'],
    ['Лайк баскан адам уюмдун жактоочусу беле?', 'ky', 'ky.person'],
    ['Does the text contain signs of extremism or terrorist propaganda?', 'en', 'en.extremist'],
    ['Does the text justify terrorism?', 'en', 'en.terrorism'],
    ['Is the post aimed at humiliating national dignity?', 'en', 'en.dignity'],
    ['Does it call for mass riots?', 'en', 'en.mass-riots'],
    ['Is the author a supporter of a banned organisation?', 'en', 'en.person'],
    ['What did the person who liked the post intend?', 'en', 'en.person'],
    ['Matnda ekstremizm belgilari bormi?', 'uz', 'uz.extremist'],
    ['Матнда экстремизм белгилари борми?', 'uz', 'uz.extremist'],
    ['Matnda milliy adovat qoʻzgʻatish bormi?', 'uz', 'uz.discord'],
    ['Муаллиф тақиқланган ташкилот тарафдорими?', 'uz', 'uz.banned-organisation'],
    ['Мәтінде экстремизм белгілері бар ма?', 'kk', 'kk.extremist'],
    ['Мәтін ұлттық алауыздықты қоздыруға бағытталған ба?', 'kk', 'kk.discord'],
    ['Мәтінде жаппай тәртіпсіздіктерге шақыру бар ма?', 'kk', 'kk.mass-riots'],
  ];
  for (const [question, language, patternId] of flagged) {
    it(`flags "${question}"`, () => {
      expect(questionLanguage(question, guards)).toBe(language);
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
    for (const question of [
      'Какова коммуникативная направленность текста?',
      'Кому адресован текст и какие речевые акты в нём выражены?',
      'Содержатся ли в тексте побудительные высказывания, и если да, то к каким действиям?',
      'What speech acts does the text perform?',
      'Текстте кандай кеп аракеттери бар?',
      'Matnda qanday nutqiy harakatlar ifodalangan?',
      'Мәтінде қандай сөйлеу әрекеттері бар?',
      'Does the letter urge any action against members of the rowing club?',
      'Who is the intended addressee of the message?',
      'Кому адресованы сообщения участникам группы в мессенджере?',
      'Топтун мүчөлөрүнө карата терс баа барбы?',
    ]) {
      expect(guardQuestion(question, guards).flagged, question).toBe(false);
    }
  });

  it('reports a Russian question once although the Kyrgyz file has the same stem', () => {
    const guard = guardQuestion('Является ли текст экстремистским?', guards);
    expect(guard.matches.map((match) => match.patternId)).toEqual(['ru.extremist']);
    expect(guard.guardVersions).toEqual({ en: '2.0.0', kk: '1.0.0', ky: '2.0.0', ru: '2.0.0', uz: '1.0.0' });
  });

  it('tells short Kyrgyz, Uzbek and Kazakh questions from Russian', () => {
    const cases: [string, string][] = [
      ['Бул текст кимге арналган?', 'ky'],
      ['Текст кандай максатта жазылган?', 'ky'],
      ['Чтобы ответить, нужен ли перевод?', 'ru'],
      ['Кому адресован текст?', 'ru'],
      ['Матн кимга қаратилган?', 'uz'],
      ['Мәтін кімге арналған?', 'kk'],
      ['Who is the text addressed to?', 'en'],
    ];
    for (const [question, language] of cases) expect(questionLanguage(question, guards), question).toBe(language);
  });

  it('flags exactly the practice cases\' legal questions, in the language they are written in', () => {
    const library = new URL('../../corpora/practice/', import.meta.url).pathname;
    let checked = 0;
    for (const id of readdirSync(library).filter((name) => !name.includes('.'))) {
      const practiceCase = parseYaml(readFileSync(`${library}${id}/case.yaml`, 'utf8')) as { language?: string; questions?: { id: string; text: string }[] };
      const key = parseYaml(readFileSync(`${library}${id}/key.yaml`, 'utf8')) as { questions?: { id: string; legal: boolean }[] };
      for (const question of practiceCase.questions ?? []) {
        const legal = key.questions?.find((candidate) => candidate.id === question.id)?.legal;
        expect(guardQuestion(question.text, guards).flagged, `${id} ${question.id}: ${question.text}`).toBe(legal);
        expect(['ru', 'ky', 'en'], `${id} ${question.id}`).toContain(questionLanguage(question.text, guards));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
