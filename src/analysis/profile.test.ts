import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import { loadLexicons, loadProfileLists } from './lexicon-files.js';
import { runProfile } from './profile.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('psycholinguistic profile', () => {
  it('gives per-author and per-document rates per 1000 tokens and compares with a reference', async () => {
    const { lexicons } = await loadLexicons(ROOT);
    const { lists } = await loadProfileLists(ROOT);
    const b = new DocumentBuilder({ sha256: 'e'.repeat(64), name: 'a.txt' }, 'text');
    b.add({ id: 'p0', text: 'Мы всегда должны бороться. Вы боитесь? Они никогда не поймут нас.', part: 'body', author: 'Автор А' });
    const ref = new DocumentBuilder({ sha256: 'f'.repeat(64), name: 'ref.txt' }, 'text');
    ref.add({ id: 'p0', text: 'Сегодня хорошая погода, и я иду гулять в парк с друзьями.', part: 'body' });
    const result = runProfile([b.build()], { lists, lexicons, reference: [ref.build()] });
    const author = result.rows.find((r) => r.unit === 'author');
    expect(author?.key).toBe('Автор А');
    expect(author?.tokens).toBe(11);
    expect(author?.counts['first-person-plural']).toBe(2);
    expect(author?.counts['absolutist']).toBe(2);
    expect(author?.counts['obligation']).toBe(1);
    expect(author?.rates['first-person-plural']).toBeCloseTo((2 * 1000) / 11, 5);
    expect(author?.logRatioToReference?.['first-person-plural']).toBeGreaterThan(0);
    expect(result.rows.some((r) => r.unit === 'document')).toBe(true);
  });
});

describe('profile of an author counts own words only', () => {
  it('lists forwarded, blockquoted and quoted text under the author apart from the own words', async () => {
    const { lexicons } = await loadLexicons(ROOT);
    const { lists } = await loadProfileLists(ROOT);
    const b = new DocumentBuilder({ sha256: 'a'.repeat(64), name: 'chat.json' }, 'telegram-json');
    const message = (id: string, role: 'authored' | 'forwarded') => ({ platform: 'telegram', chatId: 'c', chatName: 'c', messageId: id, author: { name: 'Holder' }, timestamp: { iso: null, offset: 'unknown', raw: '' }, role }) as const;
    b.add({ id: 'm1', text: 'Я иду домой. Он написал: «Мы всегда должны бороться».', part: 'message', message: message('1', 'authored') });
    b.add({ id: 'm2', text: 'Мы никогда не сдадимся, мы победим.', part: 'message', message: message('2', 'forwarded') });
    b.add({ id: 'm1.q1', text: 'Мы все должны идти.', part: 'message', message: message('1', 'authored') });
    const rows = runProfile([b.build()], { lists, lexicons }).rows;
    const row = (unit: string) => rows.find((r) => r.unit === unit && r.key === 'Holder');
    expect(row('author')?.counts['first-person-plural']).toBe(0);
    expect(row('author')?.tokens).toBe(5);
    expect(row('author-forwarded')?.counts['first-person-plural']).toBe(2);
    expect(row('author-quoted')?.counts['first-person-plural']).toBe(2);
    const document = rows.find((r) => r.unit === 'document');
    expect(document?.tokens).toBe((row('author')?.tokens ?? 0) + (row('author-forwarded')?.tokens ?? 0) + (row('author-quoted')?.tokens ?? 0));
  });

  it('leaves a reaction record out of the reactor\'s own words; the document still counts it', async () => {
    const { lexicons } = await loadLexicons(ROOT);
    const { lists } = await loadProfileLists(ROOT);
    const b = new DocumentBuilder({ sha256: 'b'.repeat(64), name: 'message_1.json' }, 'facebook-json');
    const message = (id: string, author: string, role: 'authored' | 'reaction') => ({ platform: 'facebook', chatId: 'c', chatName: 'c', messageId: id, author: { name: author }, timestamp: { iso: null, offset: 'unknown', raw: '' }, role }) as const;
    b.add({ id: 'm1', text: 'Мы всегда победим.', part: 'message', message: message('1', 'Writer', 'authored') });
    b.add({ id: 'm2', text: 'Понравилось сообщение', part: 'message', message: message('2', 'Reactor', 'reaction') });
    const rows = runProfile([b.build()], { lists, lexicons }).rows;
    expect(rows.filter((r) => r.key === 'Reactor')).toEqual([]);
    expect(rows.find((r) => r.unit === 'document')?.tokens).toBe((rows.find((r) => r.unit === 'author' && r.key === 'Writer')?.tokens ?? 0) + 2);
  });
});
