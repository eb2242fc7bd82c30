import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import { snapshotTree, soz, tempDir } from './support/cli.js';
import { caseWith, readLog } from './support/custody.js';
import { jpegWithExif, wav } from './support/media-files.js';
import { derivedDocumentList } from './support/derived.js';

// Every seized item goes into custody, text or not (issue 16). Files are fictional and built
// byte by byte in tests/support/media-files.ts.

function write(name: string, bytes: Uint8Array): string {
  const file = join(tempDir('soz-items-'), name);
  writeFileSync(file, bytes);
  return file;
}

function documentsOf(dir: string): SozDocument[] {
  return derivedDocumentList(dir);
}

describe('custody of items without text', () => {
  it('takes an image, an audio file and an unknown binary in, and analyses them as documents without text', async () => {
    const dir = await caseWith([]);
    const files = [
      write('photo.jpg', jpegWithExif({ make: 'Fictional Optics', model: 'FX-1', dateTimeOriginal: '2024:03:01 10:15:00' })),
      write('voice.wav', wav(2)),
      write('blob.dat', Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 0xff])),
    ];
    const added = await soz(['add', dir, ...files]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/added +[0-9a-f]{64} {2}photo\.jpg {2}\(image\/jpeg, 1 document\(s\)\)/);
    expect(added.stdout).toMatch(/voice\.wav {2}\(audio\/wav, 1 document\(s\)\)/);
    expect(added.stdout).toMatch(/blob\.dat {2}\(application\/octet-stream, 1 document\(s\)\)/);
    const register = JSON.parse(readFileSync(join(dir, 'evidence.json'), 'utf8')) as { copy: string }[];
    expect(register.map((record) => record.copy.replace(/^evidence\/[0-9a-f]{64}/, ''))).toEqual(['.bin', '.jpg', '.wav']);

    const analysed = await soz(['analyze', dir]);
    expect(analysed.code, analysed.stderr).toBe(0);
    const byName = new Map(documentsOf(dir).map((doc) => [doc.evidenceName, doc]));
    expect(byName.get('photo.jpg')?.properties).toMatchObject({ imageWidth: 640, exifModel: 'FX-1', exifDateTimeOriginal: '2024:03:01 10:15:00' });
    expect(byName.get('voice.wav')?.properties).toMatchObject({ container: 'WAVE', durationSeconds: 2 });
    expect(Object.fromEntries([...byName].map(([name, doc]) => [name, [doc.format, doc.text, doc.notices[0]?.code]]))).toEqual({
      'photo.jpg': ['no-text', '', 'no-text.needs-ocr'],
      'voice.wav': ['no-text', '', 'no-text.needs-transcript'],
      'blob.dat': ['no-text', '', 'no-text.unknown-format'],
    });
  });

  it('refuses a damaged PDF by default and leaves the case as it was', async () => {
    const dir = await caseWith([]);
    const before = snapshotTree(dir);
    const result = await soz(['add', dir, write('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj <<'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^soz: error: [^\n]*broken\.pdf[^\n]*\n$/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('takes a damaged PDF in knowingly with --keep-unreadable and a reason, logged and carried into the document', async () => {
    const dir = await caseWith([]);
    const file = write('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj <<'));
    expect((await soz(['add', dir, file, '--keep-unreadable'])).stderr).toMatch(/--keep-unreadable needs --reason/);
    const added = await soz(['add', dir, file, '--keep-unreadable', '--reason', 'seized damaged; kept for the record']);
    expect(added.code, added.stderr).toBe(0);
    const entry = readLog(dir).find((logged) => logged.action === 'evidence.add');
    expect(entry?.details['evidence']).toMatchObject({ originalName: 'broken.pdf', mediaType: 'application/pdf', unreadable: { reason: 'seized damaged; kept for the record' } });
    expect((await soz(['analyze', dir])).code).toBe(0);
    const [doc] = documentsOf(dir);
    expect(doc?.format).toBe('no-text');
    expect(doc?.notices[0]?.code).toBe('no-text.kept-unreadable');
    expect(doc?.notices[0]?.message).toMatch(/^broken\.pdf: taken into custody unreadable at the examiner's request \(reason: seized damaged; kept for the record\); the error was: .*broken\.pdf/);
  });
});
