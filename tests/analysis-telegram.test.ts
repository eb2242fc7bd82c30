import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/core/canonical-json.js';
import { DocumentBuilder } from '../src/core/document-builder.js';
import type { MessageInfo, SozDocument } from '../src/core/document.js';
import { sha256 } from '../src/core/hash.js';
import type { Lexicon } from '../src/analysis/index.js';
import { loadLexicons, runAnalyses, runIndicators } from '../src/analysis/index.js';
import { REAL_CORPORA } from './support/adapter-invariants.js';

const FILE = `${REAL_CORPORA}telegram/salaf_channel_ar_en.result.json`;
const ROOT = new URL('../', import.meta.url).pathname;

interface TgEntity { type: string; text: string }
interface TgMessage { id: number; type: string; date: string; from?: string; text: string | (string | TgEntity)[]; forwarded_from?: string }

/**
 * Minimal stand-in for the Telegram adapter (built here so this test does not depend on it):
 * one segment per run of ordinary text, one `.q<N>` segment per blockquote, as the adapter emits.
 */
function buildDocument(bytes: Buffer): SozDocument {
  const json = JSON.parse(bytes.toString('utf8')) as { name: string; id: number; messages: TgMessage[] };
  const b = new DocumentBuilder({ sha256: sha256(bytes), name: 'salaf_channel_ar_en.result.json' }, 'telegram-json');
  for (const m of json.messages) {
    if (m.type !== 'message') continue;
    const info: MessageInfo = {
      platform: 'telegram', chatId: String(json.id), chatName: json.name, messageId: String(m.id), author: { name: m.from ?? '(unknown)' },
      timestamp: { iso: m.date, offset: 'unknown', raw: m.date }, role: m.forwarded_from ? 'forwarded' : 'authored',
      ...(m.forwarded_from ? { forwardedFrom: { name: m.forwarded_from } } : {}),
    };
    const parts = typeof m.text === 'string' ? [m.text] : m.text;
    let plain = '';
    let quotes = 0;
    let runs = 0;
    const flush = (): void => {
      if (plain.trim() !== '') b.add({ id: runs === 0 ? `m${m.id}` : `m${m.id}.t${runs}`, text: plain, part: 'message', anchor: { messageId: String(m.id) }, message: info });
      if (plain.trim() !== '') runs++;
      plain = '';
    };
    for (const part of parts) {
      if (typeof part !== 'string' && part.type === 'blockquote') {
        flush();
        quotes++;
        b.add({ id: `m${m.id}.q${quotes}`, text: part.text, part: 'message', anchor: { messageId: String(m.id) }, message: info });
      } else plain += typeof part === 'string' ? part : part.text;
    }
    flush();
  }
  return b.build();
}

describe.skipIf(!existsSync(FILE))('real channel: English/Arabic devotional Telegram export', () => {
  let lexicons: Lexicon[] = [];
  let doc: SozDocument;
  beforeAll(async () => {
    lexicons = (await loadLexicons(ROOT)).lexicons;
    doc = buildDocument(readFileSync(FILE));
  });

  it('yields religious-term findings carrying their mainstream meaning', () => {
    const religious = runIndicators([doc], { lexicons }).findings.filter((f) => f.category === 'religious-terminology');
    expect(religious.length).toBeGreaterThan(10);
    for (const f of religious) {
      expect(f.mainstreamMeaning).toBeTruthy();
      expect(f.countervailing).toContain('mainstream-meaning');
    }
    expect(new Set(religious.map((f) => f.ruleId))).toContain('en.religious-terminology.shirk');
  });

  it('marks violent passages inside blockquotes as quotation, not own voice', () => {
    const findings = runIndicators([doc], { lexicons }).findings;
    const inQuotes = findings.filter((f) => /\.q\d+$/.test(f.place.segmentId));
    expect(inQuotes.length).toBeGreaterThan(0);
    for (const f of inQuotes) expect(f.voice === 'quotation' || f.voice === 'forwarded').toBe(true);
    const killed = findings.find((f) => f.ruleId === 'en.violence.kill' && f.actual === 'killed' && f.place.messageId === '33' && /\.q\d+$/.test(f.place.segmentId));
    expect(killed?.voice).toBe('quotation');
    expect(killed?.countervailing).toContain('quoted');
    const sword = findings.find((f) => f.ruleId === 'en.violence.weapon' && f.actual === 'sword' && f.place.messageId === '40');
    expect(sword?.voice).toBe('quotation');
    expect(doc.text.slice(sword?.place.range[0], sword?.place.range[1])).toBe('sword');
  });

  it('gives forwarded messages the forwarded voice', () => {
    const findings = runIndicators([doc], { lexicons }).findings;
    const forwardedIds = new Set(doc.segments.filter((s) => s.message?.role === 'forwarded').map((s) => s.id));
    const fwd = findings.filter((f) => forwardedIds.has(f.place.segmentId));
    expect(fwd.length).toBeGreaterThan(0);
    for (const f of fwd) expect(f.voice).toBe('forwarded');
  });

  it('runs all analyses deterministically', () => {
    const options = { lexicons, queries: ['allah'], limit: 20 };
    const a = canonicalJson(runAnalyses([doc], options));
    expect(canonicalJson(runAnalyses([doc], options))).toBe(a);
    const names = runAnalyses([doc], options).map((r) => r.analysis);
    expect(names).toEqual(['language-overview', 'indicators', 'wordlist', 'ngrams', 'kwic', 'collocates', 'dispersion']);
  });
});
