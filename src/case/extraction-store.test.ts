import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SozDocument } from '../core/document.js';
import { DOCUMENT_SCHEMA, documentId } from '../core/document.js';
import { sha256 } from '../core/hash.js';
import { encodeDocument } from './derived-format.js';
import { extractionFolder, keepExtraction, readKeptExtraction, takeKeptDocumentFile } from './extraction-store.js';

const SHA = 'ab'.repeat(32);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function caseDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'soz-kept-'));
  dirs.push(dir);
  return dir;
}

/** A fictional one-segment chat part. */
function chatPart(entry: string, text: string): SozDocument {
  return {
    schema: DOCUMENT_SCHEMA,
    id: documentId(SHA, entry),
    evidenceSha256: SHA,
    evidenceName: 'result.json',
    entry,
    format: 'telegram-json',
    text,
    segments: [{ id: 'm1', range: [0, text.length], anchor: { evidenceSha256: SHA, entry, part: 'message', messageId: '1' } }],
    notices: [],
    properties: {},
  };
}

/** The staging folder of the kept extraction: the one temporary under extracted/. */
function stagingFolder(dir: string): string {
  const [name, ...others] = readdirSync(join(dir, 'extracted'));
  expect(others).toEqual([]);
  return join(dir, 'extracted', name!);
}

describe('documents kept by soz add (extract once)', () => {
  it('are written complete under their final names in a staging folder, and staged as one folder move', () => {
    const dir = caseDir();
    const kept = keepExtraction(dir, SHA, 'k1');
    kept.write(chatPart('chat-2', 'Второе вымышленное сообщение'));
    kept.write(chatPart('chat-1', 'Первое вымышленное сообщение'));
    const staging = stagingFolder(dir);
    const files = kept.files();
    expect(files.map((file) => file.path)).toEqual([...files.map((file) => file.path)].sort());
    for (const file of files) {
      const onDisk = join(staging, file.path.slice(extractionFolder(SHA, 'k1').length + 1));
      expect(sha256(readFileSync(onDisk))).toBe(file.sha256);
      expect(statSync(onDisk).mode & 0o777).toBe(0o644);
    }
    expect(kept.stage()).toEqual({ from: `extracted/${staging.split('/').at(-1)}`, to: extractionFolder(SHA, 'k1'), directory: true });
  });

  it('are removed with their staging folder when the add is refused, leaving no extracted/', () => {
    const dir = caseDir();
    const kept = keepExtraction(dir, SHA, 'k1');
    kept.write(chatPart('chat-1', 'Вымышленное сообщение'));
    kept.discard();
    expect(existsSync(join(dir, 'extracted'))).toBe(false);
  });

  it('read back unchanged, carry the bytes of their file: what encodeDocument writes of them, with its hash', () => {
    const dir = caseDir();
    const kept = keepExtraction(dir, SHA, 'k1');
    const written = [chatPart('chat-1', 'Первое вымышленное сообщение'), { ...chatPart('chat-2', 'Second fictional message'), properties: { title: 'Вымышленный чат' } }];
    for (const doc of written) kept.write(doc);
    const files = kept.files();
    const move = kept.stage();
    renameSync(join(dir, move.from), join(dir, move.to));
    const kept2 = [...(readKeptExtraction(dir, SHA, 'k1', new Map(files.map((file) => [file.path, file.sha256]))) ?? [])];
    const read = kept2.map((item) => item.open());
    expect(read).toEqual(written);
    for (const [index, doc] of read.entries()) {
      // Another object (a document changed on its way) has no kept file.
      expect(takeKeptDocumentFile({ ...doc })).toBeUndefined();
      const file = takeKeptDocumentFile(doc);
      expect(Buffer.from(file!.bytes).toString('utf8')).toBe([...encodeDocument(doc)].join(''));
      expect(file!.sha256).toBe(files[index]!.sha256);
      // Given once: the bytes are not held after.
      expect(takeKeptDocumentFile(doc)).toBeUndefined();
    }
  });

  it('give the document but its segments from the first two lines and the file as written', () => {
    const dir = caseDir();
    const kept = keepExtraction(dir, SHA, 'k1');
    const plain = chatPart('chat-1', 'Вымышленное сообщение\n"в кавычках"');
    const base = chatPart('chat-2', 'Вымышленное фото');
    const withPhoto: SozDocument = { ...base, segments: [{ ...base.segments[0]!, message: { messageId: '1', media: [{ type: 'photo', fileName: 'photos/1.jpg', inExport: true }] } as never }] };
    for (const doc of [plain, withPhoto]) kept.write(doc);
    const files = kept.files();
    const move = kept.stage();
    renameSync(join(dir, move.from), join(dir, move.to));
    const items = [...(readKeptExtraction(dir, SHA, 'k1', new Map(files.map((file) => [file.path, file.sha256]))) ?? [])];
    const byId = new Map(items.map((item) => [item.head?.id, item]));
    for (const doc of [plain, withPhoto]) {
      const item = byId.get(doc.id)!;
      const { segments, ...head } = doc;
      expect(segments.length).toBe(1);
      expect(item.head).toEqual(head);
      expect(Buffer.from(item.file.bytes).toString('utf8')).toBe([...encodeDocument(doc)].join(''));
      expect(item.sha256).toBe(sha256(item.file.bytes));
      expect(item.file.relative).toBe(files.find((file) => file.sha256 === item.sha256)!.path);
      expect(item.open()).toEqual(doc);
    }
  });
});
