/**
 * Emoji carry meaning in chats: in the demo practice case 🙄 marks the sarcasm of «давайте их всех
 * на Луну отправим». The bundled fonts have no emoji glyphs, so the PDF writes the emoji's Unicode
 * name in brackets; read back with soz's own PDF extractor, the name is there beside its words.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPdfAdapter } from '../src/ingest/pdf.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../src/ingest/adapter.js';
import { soz } from './support/cli.js';
import { untouchedDemo } from './support/demo-case.js';

describe('emoji in the PDF conclusion', () => {
  it('the demo case 🙄 reaches the PDF as its Unicode name', async () => {
    const dir = await untouchedDemo();
    expect(readFileSync(join(dir, 'reports', 'report.ru.md'), 'utf8')).toContain('мешают 🙄');
    const result = await soz(['report', dir, '--format', 'pdf']);
    expect(result.code, result.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'reports', 'report.ru.pdf'));
    const [pdf] = await collectDocuments(createPdfAdapter(() => []).extract(inputFromBytes(bytes, { name: 'report.pdf', sha256: '0'.repeat(64), mediaType: 'application/pdf', limits: DEFAULT_LIMITS })));
    const text = (pdf?.text ?? '').replace(/\s+/g, ' ');
    expect(text).toMatch(/мешают \[FACE WITH ROLLING EYES\]/);
  });
});
