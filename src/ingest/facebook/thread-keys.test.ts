import { describe, expect, it } from 'vitest';
import { documentProblems } from '../../core/document.js';
import type { SozDocument } from '../../core/document.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../adapter.js';
import { facebookAdapter } from './index.js';

// Keys of the thread itself (beside "messages") that may hold text — the group's invite link,
// magic words, its picture — are counted, never dropped in silence. All values are fictional.

async function ingest(thread: Record<string, unknown>): Promise<SozDocument> {
  const bytes = new TextEncoder().encode(JSON.stringify(thread));
  const [doc] = await collectDocuments(facebookAdapter.extract(inputFromBytes(bytes, { name: 'message_1.json', sha256: 'c'.repeat(64), mediaType: 'application/json', limits: DEFAULT_LIMITS })));
  expect(documentProblems(doc as SozDocument)).toEqual([]);
  return doc as SozDocument;
}

const MESSAGES = [{ sender_name: 'Айбек', timestamp_ms: 1, content: 'салам' }];

describe('Facebook / Instagram thread keys', () => {
  it('counts the thread keys with a value that soz does not read, one notice each', async () => {
    const doc = await ingest({
      participants: [{ name: 'Айбек' }],
      title: 'Вымышленная группа',
      is_still_participant: true,
      thread_type: 'RegularGroup',
      thread_path: 'inbox/group_1',
      magic_words: [{ magic_word: 'волшебное слово' }],
      image: { uri: 'messages/photos/group.jpg', creation_timestamp: 1 },
      joinable_mode: { mode: 1, link: 'https://example.org/join' },
      messages: MESSAGES,
    });
    expect(doc.notices.filter((n) => n.code === 'facebook.not-read').map((n) => n.unread)).toEqual([
      { kind: 'thread key "magic_words"', count: 1, first: 'thread' },
      { kind: 'thread key "image"', count: 1, first: 'thread' },
      { kind: 'thread key "joinable_mode"', count: 1, first: 'thread' },
    ]);
  });

  it('empty values and the keys read or kept as bookkeeping give no notice', async () => {
    const doc = await ingest({ participants: [], title: 'x', is_still_participant: true, thread_type: 'Regular', thread_path: 'inbox/x', magic_words: [], messages: MESSAGES });
    expect(doc.notices.filter((n) => n.code === 'facebook.not-read')).toEqual([]);
  });
});
