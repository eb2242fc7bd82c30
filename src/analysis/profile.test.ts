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
