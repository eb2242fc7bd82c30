import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { REAL_CORPORA } from '../../tests/support/adapter-invariants.js';
import { MEDIA_TYPES, describeMediaType, unsupportedTypeError, extensionForMediaType, sniffMediaType, sniffOleKind, sniffZipKind } from './sniff.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content, { date: new Date(Date.UTC(2024, 0, 1)) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('sniffMediaType', () => {
  it('recognises binary formats by their magic bytes, whatever the name', () => {
    expect(sniffMediaType(ascii('%PDF-1.7\n%âãÏÓ'))).toBe(MEDIA_TYPES.pdf);
    expect(sniffMediaType(concat(new Uint8Array(600).fill(0x20), ascii('%PDF-1.4')))).toBe(MEDIA_TYPES.pdf);
    expect(sniffMediaType(concat(new Uint8Array(1100).fill(0x20), ascii('%PDF-1.4')))).toBe(MEDIA_TYPES.text);
    expect(sniffMediaType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toBe(MEDIA_TYPES.ole);
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(MEDIA_TYPES.png);
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0))).toBe(MEDIA_TYPES.jpeg);
    expect(sniffMediaType(ascii('GIF89a\x01\x00'))).toBe(MEDIA_TYPES.gif);
    expect(sniffMediaType(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0))).toBe(MEDIA_TYPES.tiff);
    expect(sniffMediaType(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0))).toBe(MEDIA_TYPES.tiff);
    expect(sniffMediaType(concat(ascii('RIFF'), bytes(0, 0, 0, 0), ascii('WEBPVP8 ')))).toBe(MEDIA_TYPES.webp);
    expect(sniffMediaType(bytes(0, 1, 2, 3, 0, 0, 0xff, 0x10))).toBe(MEDIA_TYPES.unknown);
  });

  it('tells a DOCX from another ZIP by the entry names, from the head and from the directory', async () => {
    const docx = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const other = await zipOf({ '_chat.txt': 'hello', 'word/readme.txt': 'not word' });
    expect(sniffMediaType(docx)).toBe(MEDIA_TYPES.docx);
    expect(sniffMediaType(other)).toBe(MEDIA_TYPES.zip);
    expect(sniffZipKind(docx)).toBe('docx');
    expect(sniffZipKind(other)).toBe('zip');
    expect(sniffZipKind(docx.subarray(0, docx.length - 30))).toBe('corrupt');
  });

  it('tells Word .doc and encrypted OOXML apart inside OLE', () => {
    const ole = (name: string) => concat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(500), new Uint8Array(Buffer.from(name, 'utf16le')));
    expect(sniffOleKind(ole('WordDocument'))).toBe('word');
    expect(sniffOleKind(ole('EncryptedPackage'))).toBe('encrypted-ooxml');
    expect(sniffOleKind(ole('Workbook'))).toBe('other');
  });

  it('an iOS WhatsApp export opening with "[date, time]" is text, not JSON', () => {
    expect(sniffMediaType(ascii('[12.03.21, 14:05:11] Айбек: салам\n[12.03.21, 14:06:02] Нурлан: салам\n'))).toBe(MEDIA_TYPES.text);
    expect(sniffMediaType(concat(bytes(0xef, 0xbb, 0xbf), ascii('\u200e[02/11/2020, 9:47:19 pm] Alice: Hello\r\n')))).toBe(MEDIA_TYPES.text);
    const real = readFileSync(join(REAL_CORPORA, 'whatsapp', 'en_ios_12h_attached_lrm.chat.txt'));
    expect(sniffMediaType(real.subarray(0, 65536))).toBe(MEDIA_TYPES.text);
    expect(extensionForMediaType(MEDIA_TYPES.text)).toBe('.txt');
    expect(sniffMediaType(ascii('[12.03, 14.05]'))).toBe(MEDIA_TYPES.json);
    expect(sniffMediaType(ascii('[\n {"date": "12.03.21, 14:05:11"}\n]'))).toBe(MEDIA_TYPES.json);
  });

  it('JSON and HTML after an optional BOM and whitespace; HTML case-insensitively', () => {
    expect(sniffMediaType(ascii('  \n{"name": "Чат"}'))).toBe(MEDIA_TYPES.json);
    expect(sniffMediaType(concat(bytes(0xef, 0xbb, 0xbf), ascii('[1, 2]')))).toBe(MEDIA_TYPES.json);
    expect(sniffMediaType(ascii('\r\n<!doctype HTML>\n<html>'))).toBe(MEDIA_TYPES.html);
    expect(sniffMediaType(ascii('<HTML lang="ru"><body>'))).toBe(MEDIA_TYPES.html);
    expect(sniffMediaType(ascii('<!-- saved -->\n<html>'))).toBe(MEDIA_TYPES.html);
    expect(sniffMediaType(ascii('Письмо о <html> тегах'))).toBe(MEDIA_TYPES.text);
  });

  it('plain text in UTF-8, UTF-16 with BOM and Cyrillic single-byte encodings', () => {
    const russian = 'Это обычный текст письма, без разметки.\nВторая строка.';
    expect(sniffMediaType(ascii(russian))).toBe(MEDIA_TYPES.text);
    expect(sniffMediaType(new Uint8Array(iconv.encode(russian, 'utf-16le', { addBOM: true })))).toBe(MEDIA_TYPES.text);
    expect(sniffMediaType(new Uint8Array(iconv.encode(russian, 'utf-16be', { addBOM: true })))).toBe(MEDIA_TYPES.text);
    expect(sniffMediaType(new Uint8Array(iconv.encode(russian, 'windows-1251')))).toBe(MEDIA_TYPES.text);
    expect(sniffMediaType(new Uint8Array(iconv.encode(russian, 'koi8-r')))).toBe(MEDIA_TYPES.text);
    expect(sniffMediaType(new Uint8Array(iconv.encode('{"a": "б"}', 'utf-16le', { addBOM: true })))).toBe(MEDIA_TYPES.json);
  });

  it('a head that cuts a UTF-8 character in the middle is still text', () => {
    const text = ascii('я'.repeat(5000));
    expect(sniffMediaType(text.subarray(0, 8191))).toBe(MEDIA_TYPES.text);
  });

  it('words the error for files no adapter takes by their type', () => {
    const doc = unsupportedTypeError('old.doc', MEDIA_TYPES.ole, concat(bytes(0xd0, 0xcf, 0x11, 0xe0), new Uint8Array(Buffer.from('WordDocument', 'utf16le'))));
    expect([doc.code, doc.message]).toEqual(['docx.legacy-doc', 'old.doc: legacy Word .doc: save it as DOCX or PDF and add that copy']);
    expect(unsupportedTypeError('x.bin', MEDIA_TYPES.unknown).code).toBe('input.unknown-format');
  });

  it('gives an extension and a label for copies and reports', () => {
    expect(extensionForMediaType(MEDIA_TYPES.docx)).toBe('.docx');
    expect(extensionForMediaType(MEDIA_TYPES.text)).toBe('.txt');
    expect(extensionForMediaType('application/x-unknown')).toBe('.bin');
    expect(describeMediaType(MEDIA_TYPES.ole)).toContain('legacy Office');
  });
});
