import { describe, expect, it } from 'vitest';
import type { MessageInfo } from '../core/document.js';
import { documentProblems, segmentText } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import { linkChatPhotos } from './chat-photos.js';
import { ocrDocument } from './ocr-tsv.js';

// A fictional channel: message 7 forwards a meme from another channel, message 8 is the owner's
// own words. The meme's text (Kyrgyz, fictional) comes from Tesseract TSV.
const ENGINE = { version: '5.3.0', languages: ['kir'], dataSha256: { kir: 'k'.repeat(64) } };
const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const MEME_TSV = [HEADER, '5\t1\t1\t1\t1\t1\t10\t20\t90\t30\t93\tТоолор', '5\t1\t1\t1\t1\t2\t110\t20\t80\t30\t91\tбийик', '5\t1\t1\t1\t2\t1\t10\t70\t120\t30\t45\tжолдор'].join('\n');

function message(id: string, role: MessageInfo['role'], fileName?: string): MessageInfo {
  return {
    platform: 'telegram',
    chatId: '42',
    chatName: 'Тоо канал',
    messageId: id,
    author: { name: 'Тоо канал' },
    timestamp: { iso: '2026-01-05T10:00:00', offset: 'unknown', raw: '2026-01-05T10:00:00' },
    role,
    ...(role === 'forwarded' ? { forwardedFrom: { name: 'Башка канал' } } : {}),
    ...(fileName !== undefined ? { media: [{ type: 'photo', fileName, inExport: true }] } : {}),
  };
}

const chat = new DocumentBuilder({ sha256: 'aa'.repeat(32), name: 'result.json' }, 'telegram-json')
  .add({ id: 'm7', text: '', part: 'message', anchor: { messageId: '7' }, message: message('7', 'forwarded', 'photos/photo_1@05-01-2026_10-00-00.jpg') })
  .add({ id: 'm8', text: 'Өз сөзүм', part: 'message', anchor: { messageId: '8' }, message: message('8', 'authored') })
  .build();
const meme = ocrDocument({ sha256: 'bb'.repeat(32), name: 'photo_1@05-01-2026_10-00-00.jpg' }, MEME_TSV, ENGINE);
const stray = ocrDocument({ sha256: 'cc'.repeat(32), name: 'photo_9@06-01-2026_11-00-00.jpg' }, MEME_TSV, ENGINE);

describe('pictures posted in chat messages', () => {
  const [linkedChat, linkedMeme, linkedStray] = linkChatPhotos([chat, meme, stray]);

  it('puts the picture text after its message as image-text with the message voice and the picture hash', () => {
    expect(linkedChat && documentProblems(linkedChat)).toEqual([]);
    const segments = linkedChat?.segments ?? [];
    expect(segments.map((segment) => [segment.id, segment.anchor.part, linkedChat && segmentText(linkedChat, segment)])).toEqual([
      ['m7', 'message', ''],
      ['m7.image1', 'image-text', 'Тоолор бийик\nжолдор'],
      ['m8', 'message', 'Өз сөзүм'],
    ]);
    const imageText = segments[1];
    expect(imageText?.message).toEqual(segments[0]?.message);
    expect(imageText?.message?.forwardedFrom?.name).toBe('Башка канал');
    expect(imageText?.anchor).toMatchObject({ messageId: '7', imageSha256: 'bb'.repeat(32) });
    expect(imageText?.words?.map((word) => [linkedChat?.text.slice(word.range[0], word.range[1]), word.box, word.low])).toEqual([
      ['Тоолор', [10, 20, 90, 30], false],
      ['бийик', [110, 20, 80, 30], false],
      ['жолдор', [10, 70, 120, 30], true],
    ]);
    expect(linkedChat?.notices.map((notice) => notice.code)).toEqual(['image-text.linked']);
  });

  it('leaves the posted picture in custody without its text counted twice, and marks a picture no message posted', () => {
    expect(linkedMeme?.text).toBe('');
    expect(linkedMeme?.properties['ocrEngine']).toBe('tesseract 5.3.0');
    expect(linkedMeme?.notices.at(-1)?.message).toBe('photo_1@05-01-2026_10-00-00.jpg: its OCR text is read in result.json message 7 (image-text), with that message\'s author and role; this document keeps the picture\'s properties');
    expect(linkedStray?.text).toBe(stray.text);
    expect(linkedStray?.notices.at(-1)?.code).toBe('image-text.not-posted');
  });

  it('does not link a message to one of two different pictures of the same name', () => {
    const twin = ocrDocument({ sha256: 'dd'.repeat(32), name: 'other/photo_1@05-01-2026_10-00-00.jpg' }, MEME_TSV, ENGINE);
    const [alone, first, second] = linkChatPhotos([chat, meme, twin]);
    expect(alone?.segments.map((segment) => segment.id)).toEqual(['m7', 'm8']);
    expect([first, second].map((doc) => doc?.notices.at(-1)?.message)).toEqual([
      'photo_1@05-01-2026_10-00-00.jpg: another picture in the case has the same file name, so the message it belongs to cannot be told; its OCR text stands alone, without a message\'s author or role',
      'other/photo_1@05-01-2026_10-00-00.jpg: another picture in the case has the same file name, so the message it belongs to cannot be told; its OCR text stands alone, without a message\'s author or role',
    ]);
  });
});
