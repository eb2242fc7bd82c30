import { describe, expect, it } from 'vitest';
import { catalogueProblems, formatMessage, placeholdersOf, said } from './messages.js';

describe('message catalogue', () => {
  it('fills placeholders and keeps one without a value as written', () => {
    expect(formatMessage('case created: {dir}', { dir: 'CASE' })).toBe('case created: CASE');
    expect(formatMessage('{a} of {b}', { a: 1 })).toBe('1 of {b}');
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['a', 'b']);
  });

  it('names a missing key, a key English lacks and different placeholders, each with the file', () => {
    const english = { 'init.created': 'case created: {dir}', 'data.valid': 'data valid' };
    const problems = catalogueProblems('ru/cli.yaml', { 'init.created': 'дело создано: {folder}', 'extra.key': 'лишнее' }, english);
    expect(problems).toEqual([
      'ru/cli.yaml: init.created: placeholders {folder} differ from the English {dir}; use the same names',
      'ru/cli.yaml: data.valid: missing; give the text in this language',
      'ru/cli.yaml: extra.key: not in the English catalogue; remove it, or add it to templates/en/cli.yaml',
    ]);
    expect(catalogueProblems('ru/cli.yaml', { 'init.created': 'дело создано: {dir}', 'data.valid': 'данные в порядке' }, english)).toEqual([]);
  });

  it('refuses an empty text and a key that is not dotted lower-case words', () => {
    const problems = catalogueProblems('ky/cli.yaml', { 'Init Created': 'x', 'data.valid': ' ' }, {});
    expect(problems).toHaveLength(2);
    expect(problems.every((problem) => problem.startsWith('ky/cli.yaml: '))).toBe(true);
  });
});

describe('messages inside messages', () => {
  const russian: Record<string, string> = { 'final.no-questions': 'вопросы не зарегистрированы', 'final.question-open': 'по вопросу {id} нет решения' };
  const problems = [said('no questions registered', 'final.no-questions'), said('question Q2 has no decision', 'final.question-open', { id: 'Q2' })].map((problem) => problem.message);

  it('renders a value that is a message, or a list of them joined with "; ", through the lookup', () => {
    expect(formatMessage('нет заключения: {problems}', { problems }, (key) => russian[key])).toBe('нет заключения: вопросы не зарегистрированы; по вопросу Q2 нет решения');
  });

  it('falls back on the English text (else the key) where the lookup has none', () => {
    expect(formatMessage('{problems}', { problems })).toBe('no questions registered; question Q2 has no decision');
    expect(formatMessage('{what}', { what: { key: 'error.record.document', params: {} } })).toBe('error.record.document');
  });
});
