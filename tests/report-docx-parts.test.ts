/**
 * The DOCX conclusion written in parts (issue 17): the body block by block into a streamed ZIP
 * gives the bytes `docx` + jszip gave for the whole document (the SHA-256 below are that
 * renderer's output, commit bd2daa6, for these fixtures), the file opens (mammoth reads it, its
 * XML parses), and its body is made as the archive is read. Fictional data only: the golden
 * fixture, and the fixture with 6 more documents of generated candidates whose text holds what
 * XML must escape or drop (markup characters, control and bidi characters, a lone surrogate,
 * braces like docx's placeholders).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import type { ReportLanguage } from '../src/core/case.js';
import { sha256 } from '../src/core/hash.js';
import type { ConclusionInputs, ConclusionParts } from '../src/report/model.js';
import { assembleConclusionParts, partsDigest, wholeModel } from '../src/report/model.js';
import { docxConclusionParts, renderDocxConclusion } from '../src/report/docx.js';
import { blockXml } from '../src/report/docx-xml.js';
import type { OutlineBlock } from '../src/report/outline.js';
import type { ByteSpool } from '../src/report/zip-writer.js';
import { memorySpool } from '../src/report/zip-writer.js';
import { readLabels } from '../src/pipeline/report.js';
import type { Variant } from './support/conclusion-fixture.js';
import { conclusionFixture } from './support/conclusion-fixture.js';
import { withGeneratedChats } from './support/chat-candidates.js';

/** SHA-256 of each fixture's DOCX as the whole-document renderer (`docx` Packer, then jszip with fixed dates) wrote it. */
const WHOLE_DOCUMENT_DOCX: Readonly<Record<`${ReportLanguage}.${Variant}`, string>> = {
  'ru.draft': 'bdde20acb2e6bb3b38648dafaffb5be25d8e56ecf06dcb6517bb504bd6d85f25',
  'ru.recorded': 'cb209f210874a7e1f3db7d6e63d87421fe913258f110c6e1808e179ea90579cf',
  'ky.draft': '863a34a09f6371eb37465b2cf37d5558e3cb6b4c826befe087cae58aa1ca7182',
  'ky.recorded': '1635f877db84a53bc56358f9bbb597631921284a4902569869c227ff5b3470da',
  'en.draft': 'db9ddee35a57dc8a96c03576411cde6f432d651a61025230558a76d29b13ef13',
  'en.recorded': 'bf833ae5a2587835943064360f904cdf1315021222c9869c1bac866652d821e1',
};
/** The same for the fixture with the generated hostile candidates (Russian labels). */
const WHOLE_DOCUMENT_HOSTILE = 'd4777cc82a607289df47ed317ee6ffc0e60283c8420ac88f3ce68963e26500bc';

const HOSTILE = 'Tom & "Jerry" <b>\'x\'</b>\u0001\u0007 \u202eRTL\u202c \u2066{default-numbering-0}{x}\u2069\ttab\nline \ud83d lone 😀 ⟦⟧ \ufffe]]>';

/** Unreviewed candidates in 6 documents of 4 messages, one per message, with the hostile text in the messages and their contexts. */
function hostileInputs(): ConclusionInputs {
  return withGeneratedChats({
    documents: 6,
    messages: 4,
    message: `Соседи ${HOSTILE}`,
    evidenceName: 'chat <&>.json',
    idSuffix: 'h',
    reason: 'Group designation <&>',
    context: (message) => ({ left: HOSTILE.slice(message), right: ` ${HOSTILE}` }),
  });
}

/** The parts with their unreviewed list counting how many chunks were read, over every pass. */
function counted(parts: ConclusionParts): { parts: ConclusionParts; reads: () => number } {
  let reads = 0;
  const unreviewed = function* () {
    for (const chunk of parts.unreviewed()) {
      reads += 1;
      yield chunk;
    }
  };
  return { parts: { ...parts, unreviewed }, reads: () => reads };
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

/** The body `docx` writes for these paragraphs. */
async function docxBody(paragraphs: Paragraph[]): Promise<string> {
  const xml = await documentXml(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
}

/** Each block kind (every option a renderer may meet, fill-in and centred indent included) and the paragraph built with `docx`'s API for it. */
function blocksAndParagraphs(): [OutlineBlock, Paragraph][] {
  const run = (text: string, size: number, extra: { bold?: boolean; color?: string; highlight?: 'yellow'; mono?: boolean } = {}) =>
    new TextRun({ text: text.replaceAll('\u0001', '').replaceAll('\u202e', ''), font: extra.mono ? 'DejaVu Sans Mono' : 'DejaVu Sans', size, ...(extra.bold ? { bold: true } : {}), ...(extra.color ? { color: extra.color } : {}), ...(extra.highlight ? { highlight: extra.highlight } : {}) });
  const text = `a<&>"'\u0001\u202e b`;
  return [
    [{ kind: 'heading', text, level: 1 }, new Paragraph({ children: [run(text, 30, { bold: true })], heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 80 } })],
    [{ kind: 'heading', text, level: 2 }, new Paragraph({ children: [run(text, 26, { bold: true })], heading: HeadingLevel.HEADING_1, spacing: { after: 80 } })],
    [{ kind: 'heading', text, level: 3 }, new Paragraph({ children: [run(text, 22, { bold: true })], heading: HeadingLevel.HEADING_2, spacing: { after: 80 } })],
    [{ kind: 'text', text, indent: 2, size: 'tiny', bold: true, alert: true, center: true }, new Paragraph({ children: [run(text, 17, { bold: true, color: 'B00000' })], indent: { left: 480 }, alignment: AlignmentType.CENTER, spacing: { after: 80 } })],
    [{ kind: 'text', text, indent: 0, size: 'small', bold: false, alert: false, center: false }, new Paragraph({ children: [run(text, 19)], spacing: { after: 80 } })],
    [{ kind: 'hash', label: text, value: 'f'.repeat(64), indent: 1 }, new Paragraph({ children: [run(`${text} `, 18), run('f'.repeat(64), 16, { mono: true })], indent: { left: 300 }, spacing: { after: 80 } })],
    [{ kind: 'kwic', label: 'KWIC', left: text, actual: 'x', right: text, indent: 2 }, new Paragraph({ children: [run(`KWIC: …${text}`, 19), run('⟦x⟧', 19, { bold: true }), run(`${text}…`, 19)], indent: { left: 480 }, spacing: { after: 80 } })],
    [{ kind: 'fill-in', text, note: 'note' }, new Paragraph({ children: [run(text, 21, { highlight: 'yellow' })], indent: { left: 300 }, spacing: { after: 80 } })],
    [{ kind: 'space' }, new Paragraph({ children: [run('', 21)], spacing: { after: 80 } })],
  ];
}

describe('the DOCX conclusion in parts', () => {
  it('each block is the paragraph docx writes for it', async () => {
    for (const [block, paragraph] of blocksAndParagraphs()) expect(blockXml(block), block.kind).toBe(await docxBody([paragraph]));
    expect(blockXml({ kind: 'picture', findingId: 'F1', indent: 1 })).toBe('');
  });

  for (const language of ['ru', 'ky', 'en'] as const) {
    for (const variant of ['draft', 'recorded'] as const) {
      it(`${language} ${variant}: the bytes of the whole-document renderer`, async () => {
        const bytes = await renderDocxConclusion(conclusionFixture(language, variant), readLabels(language));
        expect(sha256(bytes)).toBe(WHOLE_DOCUMENT_DOCX[`${language}.${variant}`]);
      });
    }
  }

  const labels = readLabels('ru');
  const parts = assembleConclusionParts(hostileInputs());

  it('hostile text: the bytes of the whole-document renderer, from the parts as from the whole model', async () => {
    const whole = await renderDocxConclusion(wholeModel(parts), labels);
    expect(sha256(whole)).toBe(WHOLE_DOCUMENT_HOSTILE);
    const streamed = Buffer.concat([...(await docxConclusionParts(parts, labels, partsDigest(parts)))]);
    expect(sha256(streamed)).toBe(WHOLE_DOCUMENT_HOSTILE);
  });

  it('opens: mammoth reads the text back (its XML parser refuses malformed XML), markup escaped and control characters dropped', async () => {
    const bytes = await renderDocxConclusion(wholeModel(parts), labels);
    const { value: text, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(messages).toEqual([]);
    expect(text).toContain('F000000000053h');
    expect(text).toContain('Tom & "Jerry" <b>\'x\'</b> RTL {default-numbering-0}{x}\ttab');
    for (const dropped of ['\u0001', '\u0007', '\u202e', '\u2066', '\ufffe']) expect(text).not.toContain(dropped);
    const xml = await documentXml(bytes);
    expect(xml).toContain('Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;x&apos;&lt;/b&gt;');
    expect(xml.endsWith('</w:body></w:document>')).toBe(true);
  });

  it('makes the body as the archive is read, its compressed bytes in the spool, not the document held', async () => {
    const { parts: watched, reads } = counted(parts);
    const written: number[] = [];
    const spool = (): ByteSpool => {
      const inner = memorySpool();
      return { write: (bytes) => (written.push(bytes.length), inner.write(bytes)), read: () => inner.read() };
    };
    const archive = await docxConclusionParts(watched, labels, partsDigest(parts), spool);
    expect(reads()).toBe(0);
    const chunks = [...archive];
    expect(reads()).toBe(7);
    // Only the body goes to the given spool; the small parts are compressed in memory.
    const body = await (await JSZip.loadAsync(Buffer.concat(chunks))).file('word/document.xml')!.async('uint8array');
    expect(written.length).toBeGreaterThan(0);
    expect(written.reduce((sum, length) => sum + length, 0)).toBeLessThan(body.length);
    expect(sha256(Buffer.concat(chunks))).toBe(WHOLE_DOCUMENT_HOSTILE);
  });
});
