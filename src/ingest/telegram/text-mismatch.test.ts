// A message's "text" and "text_entities" say the same in every export Telegram Desktop writes; a
// file edited by hand or by another tool may make them differ. soz reads text_entities, so the
// other version must be counted in a notice, never dropped in silence. Fictional messages.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/document.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../adapter.js';
import { createTelegramJsonAdapter } from './index.js';

function message(id: number, text: unknown, entities: unknown[]): Record<string, unknown> {
  return { id, type: 'message', date: '2024-01-01T10:00:00', date_unixtime: String(1704103200 + id), from: 'Вымышленный автор', from_id: 'user1', text, text_entities: entities };
}

async function documentOf(messages: unknown[]) {
  const bytes = Buffer.from(JSON.stringify({ name: 'Вымышленный чат', type: 'private_group', id: 1, messages }, null, 1));
  const input = inputFromBytes(bytes, { name: 'result.json', sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'application/json', limits: DEFAULT_LIMITS });
  const docs = await collectDocuments(createTelegramJsonAdapter({ threads: 0 }).extract(input));
  return docs[0]!;
}

describe('Telegram JSON: "text" that differs from "text_entities"', () => {
  it('is counted in the unread-key notice with the first message', async () => {
    const doc = await documentOf([
      message(1, 'Одинаковый текст', [{ type: 'plain', text: 'Одинаковый текст' }]),
      message(2, ['Ссылка ', { type: 'text_link', text: 'здесь', href: 'http://example.invalid/a' }], [{ type: 'plain', text: 'Ссылка ' }, { type: 'text_link', text: 'здесь', href: 'http://example.invalid/a' }]),
      message(3, 'Текст, которого нет в entities', []),
      message(4, 'Другая версия', [{ type: 'plain', text: 'Первая версия' }]),
    ]);
    expect(doc.segments.filter((s) => !s.id.includes('.')).map((s) => segmentText(doc, s))).toEqual(['Одинаковый текст', 'Ссылка здесь', '', 'Первая версия']);
    const unread = doc.notices.filter((n) => n.code === 'telegram.unread-key');
    expect(unread).toHaveLength(1);
    expect(unread[0]?.message).toContain('"text (differs from text_entities)" in 2 message(s), first in message 3');
  });
});
