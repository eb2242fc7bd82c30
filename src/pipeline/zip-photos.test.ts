// The photos of a chat export zipped by a Windows archiver that wrote its names in CP866 (no UTF-8
// flag): the folder and the photo have Cyrillic names, the chat names the photo in Unicode, and the
// member is still found (the ZIP adapter and this lookup decode names by one rule). The chat is the
// fictional Telegram export of tests/fixtures/ocr/telegram-photos with its photo renamed.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../ingest/adapter.js';
import { adapterFor } from '../ingest/registry.js';
import { sniffMediaType } from '../ingest/sniff.js';
import { zipWithRawNames } from '../../tests/support/zip-names.js';
import { DEFAULT_OCR_LIMITS, OcrTools } from './ocr.js';
import { zipPhotoDocuments } from './zip-photos.js';

const EXPORT = new URL('../../tests/fixtures/ocr/telegram-photos/', import.meta.url);
const PHOTO = 'фото/снимок_1.jpg';

/** The tools of a machine without Tesseract: the picture is found and kept, not read. */
class WithoutTesseract extends OcrTools {
  override engine(): undefined {
    return undefined;
  }
}

describe('photos of a zipped chat export with CP866 names', () => {
  it('finds the posted photo under its CP866 folder and name and records the stored name bytes', async () => {
    const chat = readFileSync(new URL('result.json', EXPORT), 'utf8').replace('photos/photo_1@02-01-2026_10-15-00.jpg', PHOTO);
    const photo = readFileSync(new URL('photos/photo_1@02-01-2026_10-15-00.jpg', EXPORT));
    const cp866 = (name: string) => iconv.encode(name, 'cp866');
    const zip = await zipWithRawNames([
      { name: cp866('Канал/result.json'), data: chat },
      { name: cp866(`Канал/${PHOTO}`), data: photo },
    ]);
    const input = inputFromBytes(zip, { name: 'канал.zip', sha256: sha256(zip), mediaType: sniffMediaType(zip), limits: DEFAULT_LIMITS });
    const documents = await collectDocuments(adapterFor(input).extract(input));
    expect(documents.map((doc) => doc.entry)).toContain('Канал/result.json');

    const pictures = await zipPhotoDocuments(documents, () => Promise.resolve(zip), new WithoutTesseract('ky'), DEFAULT_OCR_LIMITS, DEFAULT_LIMITS);
    expect(pictures.map((doc) => doc.entry)).toEqual([`Канал/${PHOTO}`]);
    expect(pictures[0]?.properties).toMatchObject({ entrySha256: sha256(photo), entryNameHex: cp866(`Канал/${PHOTO}`).toString('hex'), entryNameDecoding: 'cp866' });
    expect(pictures[0]?.notices.map((notice) => notice.code)).toContain('ocr.unavailable');
  });
});
