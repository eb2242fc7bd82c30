import type { MediaItem, MessageRole } from '../../core/document.js';

/** What a message body turned out to be. */
export interface BodyClass {
  readonly role: MessageRole;
  readonly media?: readonly MediaItem[];
  readonly edited?: boolean;
}

/** WhatsApp's placeholders for media not included in the export (Android and iOS, en and ru). */
const OMITTED = /^<(?:media omitted|без медиафайлов|медиафайл отсутствует|медиа отсутствуют|медиафайл пропущен)>$/iu;
const IOS_OMITTED = /^(image|video|audio|sticker|GIF|document|Contact card|изображение|видео|аудио|стикер|документ|карточка контакта) (?:omitted|отсутствует|пропущено|пропущен)$/iu;
const ATTACHED = /^<(?:attached|прикреплено|вложение): ([^>]+)>$/iu;
const FILE_ATTACHED = /^(.+\.[\p{L}\p{N}]{1,6}) \((?:file attached|файл добавлен|файл прикреплён|файл прикреплен)\)$/iu;
const DELETED = /^(?:This message was deleted|You deleted this message|Данное сообщение удалено|Вы удалили данное сообщение|Это сообщение удалено|Сообщение удалено)\.?$/iu;
const EDITED = /<(?:This message was edited|Сообщение изменено|Это сообщение было изменено)>$/iu;

/**
 * Classifies the body of a message that has a sender: deleted, media-only (omitted or attached
 * file), or authored text (possibly with an attachment plus caption). `ios` enables the iOS rule
 * that a body starting with U+200E is WhatsApp's own text (system event), not the sender's.
 */
export function classifyBody(body: string, ios: boolean): BodyClass {
  const marked = body.startsWith('\u200e');
  const text = body.replace(/^\u200e/u, '');
  const trimmed = text.trim();
  const firstLine = (text.split('\n', 1)[0] ?? '').replace(/^\u200e/u, '').trim();
  const rest = text.slice(text.indexOf('\n') >= 0 ? text.indexOf('\n') + 1 : text.length).trim();
  const edited = EDITED.test(trimmed) ? { edited: true } : {};

  if (DELETED.test(trimmed)) return { role: 'deleted', ...edited };
  if (OMITTED.test(trimmed)) return { role: 'media-only', media: [{ type: 'media', inExport: false }] };
  const iosOmitted = IOS_OMITTED.exec(trimmed);
  if (iosOmitted?.[1]) return { role: 'media-only', media: [{ type: mediaTypeOfWord(iosOmitted[1]), inExport: false }] };
  const attached = ATTACHED.exec(firstLine) ?? FILE_ATTACHED.exec(firstLine);
  if (attached?.[1]) {
    const fileName = attached[1].trim();
    const media: MediaItem[] = [{ type: mediaTypeOfFile(fileName), fileName, inExport: 'unknown' }];
    return { role: rest === '' ? 'media-only' : 'authored', media, ...edited };
  }
  if (ios && marked) return { role: 'service' };
  return { role: 'authored', ...edited };
}

/** Media type from a WhatsApp attachment file name (`00000010-PHOTO-….jpg`, `PTT-2020…-WA0001.opus`). */
export function mediaTypeOfFile(fileName: string): string {
  const upper = fileName.toUpperCase();
  if (/STICKER|STK-|\.WEBP$/.test(upper)) return 'sticker';
  if (/PTT-/.test(upper)) return 'voice_message';
  if (/PHOTO|IMG-|\.(JPE?G|PNG|HEIC)$/.test(upper)) return 'photo';
  if (/GIF/.test(upper)) return 'animation';
  if (/VIDEO|VID-|\.(MP4|MOV|3GP)$/.test(upper)) return 'video';
  if (/AUDIO|AUD-|\.(OPUS|M4A|MP3|OGG|AAC)$/.test(upper)) return 'audio';
  if (/\.VCF$/.test(upper)) return 'contact';
  return 'file';
}

function mediaTypeOfWord(word: string): string {
  const key = word.toLowerCase();
  if (key === 'image' || key === 'изображение') return 'photo';
  if (key === 'video' || key === 'видео') return 'video';
  if (key === 'audio' || key === 'аудио') return 'audio';
  if (key === 'sticker' || key === 'стикер') return 'sticker';
  if (key === 'gif') return 'animation';
  if (key === 'contact card' || key === 'карточка контакта') return 'contact';
  return 'file';
}
