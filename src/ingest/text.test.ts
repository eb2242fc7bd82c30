import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../core/document.js';
import { sha256 } from '../core/hash.js';
import { expectSoundDocuments } from '../../tests/support/adapter-invariants.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from './adapter.js';
import { sniffMediaType } from './sniff.js';
import { splitParagraphs, textAdapter, textDocument } from './text.js';

/** Fictional Russian text, long enough for the single-byte statistics. */
const RUSSIAN =
  'Протокол осмотра.\r\nСледователь осмотрел переписку и составил настоящий протокол.\r\n\r\n' +
  'Во втором абзаце говорится о погоде, о работе и о поездке в горы.\r\n   \r\n' +
  'Третий абзац: "цитата", которую автор привёл, чтобы возразить ей.\r\n';

const input = (bytes: Uint8Array, name = 'note.txt') =>
  inputFromBytes(bytes, { name, sha256: sha256(bytes), mediaType: sniffMediaType(bytes), limits: DEFAULT_LIMITS });

describe('textAdapter', () => {
  const encodings: [string, Uint8Array, string, string][] = [
    ['utf-8', new Uint8Array(Buffer.from(RUSSIAN, 'utf8')), 'utf-8', 'valid-utf-8'],
    ['utf-8 with BOM', new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RUSSIAN, 'utf8')])), 'utf-8-bom', 'bom'],
    ['utf-16le', new Uint8Array(iconv.encode(RUSSIAN, 'utf-16le', { addBOM: true })), 'utf-16le', 'bom'],
    ['utf-16be', new Uint8Array(iconv.encode(RUSSIAN, 'utf-16be', { addBOM: true })), 'utf-16be', 'bom'],
    ['windows-1251', new Uint8Array(iconv.encode(RUSSIAN, 'windows-1251')), 'windows-1251', 'statistics'],
    ['koi8-r', new Uint8Array(iconv.encode(RUSSIAN, 'koi8-r')), 'koi8-r', 'statistics'],
  ];
  for (const [label, bytes, encoding, evidence] of encodings) {
    it(`${label}: text is exactly the decoded file, encoding recorded, three paragraphs`, async () => {
      expect(sniffMediaType(bytes)).toBe('text/plain');
      expect(textAdapter.detect(input(bytes))).toBe(true);
      const [doc] = await expectSoundDocuments(() => collectDocuments(textAdapter.extract(input(bytes))));
      if (!doc) throw new Error('no document');
      expect(doc.text).toBe(RUSSIAN);
      expect(doc.properties).toMatchObject({ encoding, encodingEvidence: evidence });
      expect(doc.segments.map((s) => [s.id, s.anchor.paragraph, s.anchor.line, s.anchor.part])).toEqual([
        ['p0', 0, 1, 'body'],
        ['p1', 1, 4, 'body'],
        ['p2', 2, 6, 'body'],
      ]);
      expect(segmentText(doc, doc.segments[0]!)).toBe('Протокол осмотра.\r\nСледователь осмотрел переписку и составил настоящий протокол.');
    });
  }

  it('keeps a lone CR as a line break and never rewrites it', () => {
    const doc = textDocument({ name: 'mac.txt', sha256: 'a'.repeat(64), limits: DEFAULT_LIMITS, mediaType: 'text/plain' }, new TextEncoder().encode('a\rb\r\rc'));
    expect(doc.text).toBe('a\rb\r\rc');
    expect(doc.segments.map((s) => [segmentText(doc, s), s.anchor.line])).toEqual([['a\rb', 1], ['c', 4]]);
  });

  it('an empty or whitespace-only file gives a document with a notice, not an error', () => {
    const doc = textDocument({ name: 'blank.txt', sha256: 'a'.repeat(64), limits: DEFAULT_LIMITS, mediaType: 'text/plain' }, new TextEncoder().encode(' \n\t\n'));
    expect(doc.segments).toEqual([]);
    expect(doc.text).toBe(' \n\t\n');
    expect(doc.notices.map((n) => n.code)).toEqual(['text.empty']);
  });

  it('every non-whitespace character of any text lies in exactly one paragraph', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'я', ' ', '\t', '\n', '\r', '\u00a0', 'ё') }), (text) => {
        const paragraphs = splitParagraphs(text);
        const covered = new Array<boolean>(text.length).fill(false);
        let previousEnd = 0;
        for (const p of paragraphs) {
          expect(p.start).toBeGreaterThanOrEqual(previousEnd);
          expect(p.end).toBeGreaterThan(p.start);
          for (let i = p.start; i < p.end; i++) covered[i] = true;
          previousEnd = p.end;
        }
        for (let i = 0; i < text.length; i++) if (text[i]!.trim() !== '') expect(covered[i]).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
