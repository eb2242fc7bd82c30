#!/usr/bin/env node
/**
 * Builds the binary and JSON materials of the practice cases from their text sources, byte for
 * byte the same on every run, so the committed files can always be rebuilt and checked:
 *
 *   node scripts/build-practice-materials.mjs          # write corpora/practice/<id>/materials/*
 *   node scripts/build-practice-materials.mjs --check  # exit 1 if a committed file differs
 *
 * Source: `corpora/practice/<id>/sources/build.yaml`, a list `outputs` of
 *   { file, kind: docx, paragraphs: [text…] }
 *   { file, kind: pdf, title, pages: [[paragraph…]…] }            (DejaVuSans, fixed dates)
 *   { file, kind: telegram, chat: {name, type, id}, utcOffsetHours, messages: […] }
 * A telegram message source is { id, date (local wall clock, YYYY-MM-DDTHH:MM:SS), from, from_id,
 * text: string | [string | {blockquote: text}], forwarded_from?, forwarded_from_id?, reply_to?,
 * reactions?: [{emoji, recent: [{from, from_id, date}]}], service?: action, title?, members? } and
 * becomes the structure Telegram Desktop writes (text + text_entities, date + date_unixtime).
 * Plain-text and WhatsApp materials are written by hand and are not touched here.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIBRARY = join(ROOT, 'corpora', 'practice');
const FONT = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A minimal WordprocessingML package: one body paragraph per source paragraph. */
async function buildDocx(output) {
  const zip = new JSZip();
  const options = { date: FIXED_DATE, createFolders: false };
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    options,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    options,
  );
  const paragraphs = output.paragraphs
    .map((text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`)
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}<w:sectPr/></w:body></w:document>`,
    options,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}

/** A text-layer PDF, one source page per PDF page, with fixed metadata so bytes repeat. */
function buildPdf(output) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 60,
      autoFirstPage: false,
      info: { Title: output.title, Producer: 'soz practice materials', Creator: 'soz practice materials', CreationDate: FIXED_DATE },
    });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', FONT);
    output.pages.forEach((page, index) => {
      doc.addPage();
      doc.font('body');
      if (index === 0) doc.fontSize(15).text(output.title).moveDown(0.8);
      doc.fontSize(11);
      for (const paragraph of page) doc.text(paragraph, { align: 'left' }).moveDown(0.6);
    });
    doc.end();
  });
}

/** Seconds since the epoch of a local wall-clock time at a fixed UTC offset. */
function unixOf(local, utcOffsetHours) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`bad date ${local}: use YYYY-MM-DDTHH:MM:SS`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000 - utcOffsetHours * 3600;
}

function telegramText(text) {
  const parts = typeof text === 'string' ? [text] : text;
  const entities = parts.map((part) => (typeof part === 'string' ? { type: 'plain', text: part } : { type: 'blockquote', text: part.blockquote, collapsed: false }));
  const onlyPlain = entities.every((entity) => entity.type === 'plain');
  return { text: onlyPlain ? entities.map((e) => e.text).join('') : entities.map((e) => (e.type === 'plain' ? e.text : e)), text_entities: entities };
}

/** The `result.json` Telegram Desktop writes for one chat. */
function buildTelegram(output) {
  const offset = output.utcOffsetHours;
  const messages = output.messages.map((m) => {
    const base = { id: m.id, type: m.service ? 'service' : 'message', date: m.date, date_unixtime: String(unixOf(m.date, offset)) };
    if (m.service) {
      return { ...base, actor: m.from, actor_id: m.from_id, action: m.service, ...(m.title ? { title: m.title } : {}), ...(m.members ? { members: m.members } : {}), text: '', text_entities: [] };
    }
    const message = { ...base, from: m.from, from_id: m.from_id };
    if (m.forwarded_from) Object.assign(message, { forwarded_from: m.forwarded_from, ...(m.forwarded_from_id ? { forwarded_from_id: m.forwarded_from_id } : {}) });
    if (m.reply_to !== undefined) message.reply_to_message_id = m.reply_to;
    Object.assign(message, telegramText(m.text));
    if (m.reactions) {
      message.reactions = m.reactions.map((r) => ({ type: 'emoji', count: r.recent.length, emoji: r.emoji, recent: r.recent.map((who) => ({ from: who.from, from_id: who.from_id, date: who.date })) }));
    }
    return message;
  });
  const chat = { name: output.chat.name, type: output.chat.type, id: output.chat.id, messages };
  return Buffer.from(JSON.stringify(chat, null, 1) + '\n', 'utf8');
}

async function build(output) {
  if (output.kind === 'docx') return buildDocx(output);
  if (output.kind === 'pdf') return buildPdf(output);
  if (output.kind === 'telegram') return buildTelegram(output);
  throw new Error(`unknown kind ${output.kind} for ${output.file}: use docx, pdf or telegram`);
}

const check = process.argv.includes('--check');
let differences = 0;
let written = 0;
for (const id of readdirSync(LIBRARY).sort()) {
  const source = join(LIBRARY, id, 'sources', 'build.yaml');
  if (!existsSync(source)) continue;
  const { outputs } = parse(readFileSync(source, 'utf8'));
  for (const output of outputs) {
    const target = join(LIBRARY, id, 'materials', output.file);
    const bytes = await build(output);
    if (check) {
      if (!existsSync(target) || !readFileSync(target).equals(bytes)) {
        differences += 1;
        process.stderr.write(`differs: ${id}/materials/${output.file} — run node scripts/build-practice-materials.mjs\n`);
      }
    } else {
      writeFileSync(target, bytes);
      written += 1;
    }
  }
}
if (check) {
  process.stdout.write(differences === 0 ? 'practice materials up to date\n' : '');
  process.exit(differences === 0 ? 0 : 1);
}
process.stdout.write(`practice materials written: ${written}\n`);
