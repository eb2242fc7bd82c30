// The relation of persons of interest to each message and file, derived from what each export
// says (src/sop/relations.ts), over documents the real adapters extract. Every chat, name and
// message here is fictional; the PDF is the practice leaflet of corpora/practice/ru-grey-stone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import type { PersonRecord, PersonRelation, RelationOverride } from '../src/core/persons.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../src/ingest/adapter.js';
import { adapterFor } from '../src/ingest/registry.js';
import { personRelations, personRows } from '../src/sop/relations.js';
import { selectSegments } from '../src/analysis/filters.js';

const LEAFLET = new URL('../corpora/practice/ru-grey-stone/materials/listovka.pdf', import.meta.url).pathname;

async function extract(content: string | Uint8Array, name: string, mediaType: string, hashChar: string): Promise<SozDocument> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const input = inputFromBytes(bytes, { name, sha256: hashChar.repeat(64), mediaType, limits: DEFAULT_LIMITS });
  const [doc] = await collectDocuments(adapterFor(input).extract(input));
  return doc!;
}

const subject: PersonRecord = { id: 'P1', name: 'Субъект С.', handles: ['user5001', 'Тимур Д.'], note: 'The order names the account (fictional)', actor: 'Examiner X' };
const channel: PersonRecord = { id: 'P2', name: 'Channel owner', handles: ['channel880011'], note: 'fictional', actor: 'Examiner X' };

/** `relation place` lines of one person, e.g. `reacted #3`, `recipient` for the whole document. */
function lines(relations: readonly PersonRelation[], personId = 'P1'): string[] {
  return relations.filter((relation) => relation.personId === personId).map((relation) => `${relation.relation}${relation.messageId !== undefined ? ` #${relation.messageId}` : ''}${relation.by === 'examiner' ? ' (examiner)' : ''}`);
}

const TELEGRAM_JSON = JSON.stringify({
  name: 'Вымышленная группа',
  type: 'private_group',
  id: 77,
  messages: [
    { id: 1, type: 'service', date: '2026-03-14T18:00:00', date_unixtime: '1773511200', actor: 'Тимур Д.', actor_id: 'user5001', action: 'invite_members', members: ['Марат Е.'], text: '' },
    { id: 2, type: 'message', date: '2026-03-14T18:01:00', date_unixtime: '1773511260', from: 'Тимур Д.', from_id: 'user5001', text: 'Свой текст.' },
    { id: 3, type: 'message', date: '2026-03-14T18:02:00', date_unixtime: '1773511320', from: 'Тимур Д.', from_id: 'user5001', forwarded_from: 'Голос канала', forwarded_from_id: 'channel880011', text: 'Пересланный текст.' },
    {
      id: 4,
      type: 'message',
      date: '2026-03-14T18:03:00',
      date_unixtime: '1773511380',
      from: 'Марат Е.',
      from_id: 'user5002',
      text: 'Чужой текст.',
      reactions: [{ type: 'emoji', count: 1, emoji: '👍', recent: [{ from: 'Тимур Д.', from_id: 'user5001', date: '2026-03-14T18:04:00' }] }],
    },
  ],
});

describe('relations derived from the data', () => {
  it('Telegram JSON: author, forwarder and original author, reaction, member of the chat', async () => {
    const doc = await extract(TELEGRAM_JSON, 'result.json', 'application/json', 'a');
    const relations = personRelations([subject, channel], [doc], []);
    expect(lines(relations)).toEqual(['recipient', 'author #2', 'forwarder #3', 'reacted #4']);
    expect(lines(relations, 'P2')).toEqual(['author #3']);
    expect(relations.find((relation) => relation.relation === 'reacted')).toMatchObject({ by: 'data', basis: { kind: 'reaction', values: { party: 'Тимур Д. (user5001)', emoji: '👍', message: '4' } } });
  });

  it('Telegram HTML: the reaction a person put on another\'s message', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body><div class="page_wrap">
<div class="page_header"><div class="content"><div class="text bold">Вымышленная группа</div></div></div>
<div class="page_body chat_page"><div class="history">
<div class="message default clearfix" id="message5"><div class="body">
<div class="pull_right date details" title="14.03.2026 18:03:00 UTC+06:00">18:03</div>
<div class="from_name">Марат Е.</div>
<div class="text">Чужой текст.</div>
<span class="reactions"><span class="reaction"><span class="emoji">👍</span><span class="userpics"><div class="userpic userpic1"><div class="initials" title="Тимур Д.">Т</div></div></span></span></span>
</div></div>
<div class="message default clearfix" id="message6"><div class="body">
<div class="pull_right date details" title="14.03.2026 18:05:00 UTC+06:00">18:05</div>
<div class="from_name">Тимур Д.</div>
<div class="text">Свой текст.</div>
</div></div>
</div></div></div></body></html>`;
    const doc = await extract(html, 'messages.html', 'text/html', 'b');
    expect(doc.format).toBe('telegram-html');
    expect(lines(personRelations([subject], [doc], []))).toEqual(['recipient', 'reacted #5', 'author #6']);
  });

  it('WhatsApp: the sender of each message; a chat member is a recipient', async () => {
    const chat = '14/03/2026, 18:00 - Марат Е.: Чужой текст.\n14/03/2026, 18:01 - Тимур Д.: Свой текст.\n';
    const doc = await extract(chat, 'WhatsApp Chat.txt', 'text/plain', 'c');
    expect(doc.format).toBe('whatsapp-txt');
    const relations = personRelations([subject], [doc], []);
    expect(lines(relations)).toEqual(['recipient', 'author #2']);
  });

  it('Facebook Messenger: a reaction is a reaction record of the one who reacted; participants are recipients', async () => {
    const thread = JSON.stringify({
      participants: [{ name: 'Тимур Д.' }, { name: 'Марат Е.' }],
      title: 'Вымышленный чат',
      messages: [
        { sender_name: 'Марат Е.', timestamp_ms: 2000, content: 'Чужой текст.', reactions: [{ reaction: '👍', actor: 'Тимур Д.' }] },
        { sender_name: 'Марат Е.', timestamp_ms: 1000, content: 'Первое.' },
      ],
    });
    const doc = await extract(thread, 'message_1.json', 'application/json', 'd');
    expect(doc.format).toBe('facebook-json');
    const reaction = doc.segments.find((segment) => segment.message?.role === 'reaction');
    expect(reaction?.message).toMatchObject({ author: { name: 'Тимур Д.' }, reactionTo: '1' });
    expect(lines(personRelations([subject], [doc], []))).toEqual(['recipient', 'reacted #1']);
    // --role reaction --author "Тимур Д." selects the reaction record, as for Telegram.
    expect(selectSegments([doc], { roles: ['reaction'], authors: ['Тимур Д.'] }).segments.map((ref) => ref.segment.id)).toEqual(['m1.r0']);
  });

  it('a transcript: the speaker of each cue is its author; the file is held', async () => {
    const transcript = '[00:00:01] Тимур Д.: Свой текст.\n[00:00:05] Марат Е.: Чужой текст.\n';
    const doc = await extract(transcript, 'zapis.txt', 'text/plain', 'f');
    expect(doc.format).toBe('transcript');
    const relations = personRelations([subject], [doc], []);
    const own = doc.segments.find((segment) => segment.author === 'Тимур Д.')!;
    expect(relations.map((relation) => [relation.relation, relation.segmentId ?? null])).toEqual([
      ['holder', null],
      ['author', own.id],
    ]);
    expect(relations.map((relation) => (relation.by === 'data' ? relation.basis : null))).toEqual([
      { kind: 'heldPartly', values: { format: 'transcript' } },
      { kind: 'namedPart', values: { part: 'cue', segment: own.id, party: 'Тимур Д.' } },
    ]);
    const rows = personRows('P1', relations, [
      { id: 'F1', documentId: doc.id, segmentId: own.id, messageId: null },
      { id: 'F2', documentId: doc.id, segmentId: doc.segments.find((segment) => segment.author === 'Марат Е.')!.id, messageId: null },
    ]);
    expect(rows.map((row) => [row.relation, row.findingIds])).toEqual([
      ['author', ['F1']],
      ['holder', ['F2']],
    ]);
  });

  it('a PDF with no author or sender in its data: held only', async () => {
    const doc = await extract(readFileSync(LEAFLET), 'listovka.pdf', 'application/pdf', 'e');
    const relations = personRelations([subject, channel], [doc], []);
    expect(lines(relations)).toEqual(['holder']);
    expect(lines(relations, 'P2')).toEqual(['holder']);
    expect(relations[0]).toMatchObject({ by: 'data', basis: { kind: 'heldOnly', values: { format: 'pdf' } } });
  });
});

describe('the examiner\'s relations', () => {
  it('replace what the data gave for that place; none removes it', async () => {
    const chat = await extract(TELEGRAM_JSON, 'result.json', 'application/json', 'a');
    const leaflet = await extract(readFileSync(LEAFLET), 'listovka.pdf', 'application/pdf', 'e');
    const overrides: RelationOverride[] = [
      { personId: 'P1', documentId: leaflet.id, relation: 'author', reason: 'The protocol of the search records the draft on his computer (fictional)', actor: 'Examiner X' },
      { personId: 'P2', documentId: leaflet.id, relation: 'none', reason: 'Not seized from the channel (fictional)', actor: 'Examiner X' },
      { personId: 'P1', documentId: chat.id, messageId: '4', relation: 'author', reason: 'A second account of the subject wrote it (fictional)', actor: 'Examiner X' },
    ];
    const relations = personRelations([subject, channel], [chat, leaflet], overrides);
    expect(lines(relations)).toEqual(['author (examiner)', 'recipient', 'author #2', 'forwarder #3', 'author #4 (examiner)']);
    expect(lines(relations, 'P2')).toEqual(['author #3']);
  });
});

describe('per-person rows', () => {
  it('put each finding under the relation of its message, else of its document, never a reaction as the person\'s words', async () => {
    const doc = await extract(TELEGRAM_JSON, 'result.json', 'application/json', 'a');
    const relations = personRelations([subject], [doc], []);
    const rows = personRows('P1', relations, [
      { id: 'F1', documentId: doc.id, segmentId: 'm2', messageId: '2' },
      { id: 'F2', documentId: doc.id, segmentId: 'm4', messageId: '4' },
      { id: 'F3', documentId: doc.id, segmentId: 'm3', messageId: '3' },
      { id: 'F4', documentId: 'other', segmentId: 'm2', messageId: '2' },
    ]);
    expect(rows.map((row) => [row.relation, row.relations.length, row.findingIds])).toEqual([
      ['author', 1, ['F1']],
      ['forwarder', 1, ['F3']],
      ['reacted', 1, ['F2']],
      ['recipient', 1, []],
    ]);
  });
});
