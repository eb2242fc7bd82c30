import { describe, expect, it } from 'vitest';
import { catalogueProblems, formatMessage, placeholdersOf } from './messages.js';

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
