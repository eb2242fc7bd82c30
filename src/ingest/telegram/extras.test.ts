// Nothing a Telegram JSON message carries is dropped in silence: text outside the body becomes
// labelled segments, signature and bot become message metadata, and keys no reader knows are
// counted in one notice per document. The fixture is fictional (see tests/fixtures/telegram).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../core/document.js';
import { segmentText } from '../../core/document.js';
import { expectSoundDocuments } from '../../../tests/support/adapter-invariants.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../adapter.js';
import { chatParticipants, createTelegramJsonAdapter } from './index.js';

const FIXTURE = new URL('../../../tests/fixtures/telegram/fictional_channel_extras.result.json', import.meta.url);

async function fixtureDocument(): Promise<SozDocument> {
  const bytes = readFileSync(FIXTURE);
  const input = inputFromBytes(bytes, { name: 'result.json', sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'application/json', limits: DEFAULT_LIMITS });
  const docs = await expectSoundDocuments(() => collectDocuments(createTelegramJsonAdapter({ threads: 0 }).extract(input)));
  expect(docs).toHaveLength(1);
  return docs[0] as SozDocument;
}

/** Segment id → its text, for the segments of one message. */
function partsOf(doc: SozDocument, messageId: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const segment of doc.segments) if (segment.message?.messageId === messageId) parts[segment.id] = segmentText(doc, segment);
  return parts;
}

describe('Telegram JSON: parts outside the message body', () => {
  it('keeps link targets and inline buttons as labelled segments after the body', async () => {
    const doc = await fixtureDocument();
    expect(partsOf(doc, '10')).toEqual({
      m10: 'Читайте здесь и там',
      'm10.link0': 'https://example.org/statya',
      'm10.link1': 'https://example.org/vtoraya',
      'm10.button0': 'Подписаться\nhttps://example.org/podpiska',
      'm10.button1': 'Нравится',
    });
    expect(doc.segments.map((s) => s.id).slice(doc.segments.findIndex((s) => s.id === 'm10'), doc.segments.findIndex((s) => s.id === 'm11'))).toEqual(['m10', 'm10.link0', 'm10.link1', 'm10.button0', 'm10.button1']);
  });

  it('keeps contacts, venues, audio titles, sticker emoji, games and to-do lists', async () => {
    const doc = await fixtureDocument();
    expect(partsOf(doc, '12')).toEqual({ m12: '', 'm12.contact0': 'Эркин Вымышленный\n+996 000 000 000' });
    expect(partsOf(doc, '13')).toEqual({ m13: '', 'm13.place0': 'Кафе «Вымысел»\nул. Придуманная, 1' });
    expect(partsOf(doc, '14')).toEqual({ m14: '', 'm14.audio0': 'Вымышленный исполнитель\nПесня о поле' });
    expect(partsOf(doc, '15')).toEqual({ m15: '', 'm15.sticker0': '😀' });
    expect(partsOf(doc, '16')).toEqual({ m16: '', 'm16.game0': 'Вымышленная игра\nСобери все буквы\nhttps://t.me/example_bot?game=bukvy' });
    expect(partsOf(doc, '17')).toEqual({ m17: '', 'm17.todo0': 'Дела на неделю\nКупить хлеб\nПозвонить маме' });
  });

  it('keeps titles, members, inviters and custom texts of service messages', async () => {
    const doc = await fixtureDocument();
    expect(partsOf(doc, '1')).toEqual({ m1: '', 'm1.title0': 'Вымышленный канал «Тест»' });
    expect(partsOf(doc, '2')).toEqual({ m2: '', 'm2.title0': 'Новое название канала' });
    expect(partsOf(doc, '3')).toEqual({ m3: '', 'm3.members0': 'Асель\nДанияр' });
    expect(partsOf(doc, '4')).toEqual({ m4: '', 'm4.inviter0': 'Бакыт' });
    expect(partsOf(doc, '5')).toEqual({ m5: '', 'm5.information0': 'Канал перенесён в архив' });
  });

  it('records the channel signature and the inline bot in the message metadata', async () => {
    const doc = await fixtureDocument();
    const info = (id: string) => doc.segments.find((s) => s.id === id)?.message;
    expect(info('m10')?.signature).toBe('Редактор Айжан');
    expect(info('m10.link0')?.signature).toBe('Редактор Айжан');
    expect(info('m11')?.viaBot).toBe('@example_bot');
    expect(info('m12')?.signature).toBeUndefined();
  });

  it('counts keys no reader knows in one notice: which, in how many messages, where first', async () => {
    const doc = await fixtureDocument();
    const unread = doc.notices.filter((n) => n.code === 'telegram.unread-key');
    expect(unread).toHaveLength(1);
    expect(unread[0]?.message).toContain('"future_field" in 2 message(s), first in message 18');
    expect(unread[0]?.message).toContain('"another_new_key" in 1 message(s), first in message 18');
    expect(unread[0]?.anchor).toEqual({ messageId: '18' });
    // Metadata deliberately ignored (sizes, dimensions, MIME types…) is not reported.
    expect(unread[0]?.message).not.toMatch(/file_size|width|mime_type|location_information/);
  });

  it('counts a message with extra parts once among its author’s messages', async () => {
    const doc = await fixtureDocument();
    const channel = chatParticipants(doc).find((p) => p.author.name === 'Вымышленный канал «Тест»');
    expect(channel?.total).toBe(1);
  });
});
