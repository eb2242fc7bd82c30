// The scanner's fast path (message ends found from Telegram's line layout, see json-scanner.ts)
// must never change a result: on Telegram's own layout it finds the same boundaries as the exact
// scan, and on layouts built to fool it, on damage and on hostile nesting the adapter ends with
// exactly what the exact scan gives.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical-json.js';
import type { EvidenceInput, Limits } from '../adapter.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../adapter.js';
import { REAL_CORPORA } from '../../../tests/support/adapter-invariants.js';
import type { MessageBatch } from './json-scanner.js';
import { TelegramJsonScanner } from './json-scanner.js';
import { createTelegramJsonAdapter } from './json-adapter.js';

const message = (id: number): Record<string, unknown> => ({
  id,
  type: 'message',
  date: '2024-03-01T09:00:00',
  date_unixtime: String(1709262000 + id * 60),
  from: id % 2 === 0 ? 'Айгүл' : 'Bolot',
  from_id: `user${id % 2}`,
  text: [`текст {${id}} "в кавычках" \\ `, { type: 'blockquote', text: `цитата ${id}` }],
  text_entities: [
    { type: 'plain', text: `текст {${id}} "в кавычках" \\ ` },
    { type: 'blockquote', text: `цитата ${id}` },
  ],
  ...(id % 5 === 0 ? { reactions: [{ type: 'emoji', count: 1, emoji: '👍', recent: [{ from: 'Mira', from_id: 'user9', date: '2024-03-01T10:00:00' }] }] } : {}),
});

/** A fictional full-account export in Telegram Desktop's layout (one-space indentation). */
function exportText(count = 60): string {
  const messages = Array.from({ length: count }, (_, i) => message(i + 1));
  return JSON.stringify({ about: 'fictional', chats: { about: 'x', list: [{ name: 'Чат', type: 'private_group', id: 7000, messages }] } }, null, 1);
}

function input(text: string, limits: Limits = DEFAULT_LIMITS, chunk = 1 << 20): EvidenceInput {
  const bytes = new TextEncoder().encode(text);
  const base = inputFromBytes(bytes, { name: 'result.json', sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'application/json', limits });
  return {
    ...base,
    chunks: async function* () {
      for (let at = 0; at < bytes.byteLength; at += chunk) yield bytes.slice(at, at + chunk);
    },
  };
}

/** Documents (canonical JSON) or the error message, with and without the fast path. */
async function bothWays(text: string, limits?: Limits, chunk?: number): Promise<{ fast: string; exact: string }> {
  const run = (fastPath: boolean): Promise<string> =>
    collectDocuments(createTelegramJsonAdapter({ threads: 0, fastPath }).extract(input(text, limits, chunk))).then(
      (docs) => canonicalJson(docs),
      (error: unknown) => `error: ${String(error)}`,
    );
  return { fast: await run(true), exact: await run(false) };
}

function batches(text: string, fast: boolean, chunk: number): MessageBatch[] {
  const bytes = new TextEncoder().encode(text);
  const scanner = new TelegramJsonScanner('result.json', 64, fast);
  const out: MessageBatch[] = [];
  const take = (events: ReturnType<TelegramJsonScanner['feed']>): void => {
    for (const event of events) if (event.kind === 'batch') out.push(event.batch);
  };
  for (let at = 0; at < bytes.byteLength; at += chunk) take(scanner.feed(bytes.slice(at, at + chunk)));
  take(scanner.end());
  return out;
}

/** Absolute [start, end) of every message. */
function boundaries(list: readonly MessageBatch[]): Array<readonly [number, number]> {
  return list.flatMap((b) => b.starts.map((s, i) => [b.baseOffset + s, b.baseOffset + (b.ends[i] as number)] as const));
}

describe('Telegram JSON scanner fast path', () => {
  it("finds exactly the exact scan's message boundaries on Telegram's layout, for any chunking", () => {
    const text = exportText();
    const reference = boundaries(batches(text, false, 1 << 20));
    expect(reference).toHaveLength(60);
    for (const chunk of [1 << 20, 4096, 333]) {
      const fast = batches(text, true, chunk);
      expect(boundaries(fast), `chunks of ${chunk}`).toEqual(reference);
      // Taken wherever a whole message is in the buffer (not with chunks shorter than a message).
      expect(fast.some((b) => !b.verified)).toBe(chunk > 1000);
    }
    expect(batches(text, false, 4096).every((b) => b.verified)).toBe(true);
  });

  it('is taken on every real export and gives the same documents there', async () => {
    const dir = join(REAL_CORPORA, 'telegram');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(2);
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(batches(text, true, 1 << 20).some((b) => !b.verified), name).toBe(true);
      const { fast, exact } = await bothWays(text);
      expect(fast, name).not.toMatch(/^error/);
      expect(fast, name).toBe(exact);
    }
  });

  it('is not taken on a file without line breaks', () => {
    const minified = JSON.stringify(JSON.parse(exportText()));
    expect(batches(minified, true, 4096).every((b) => b.verified)).toBe(true);
  });

  it('gives the same documents as the exact scan on layouts built to fool it', async () => {
    const text = exportText(12);
    // A nested object closing at the message's own indentation: the first candidate end is wrong.
    const inner = text.replace('"text_entities": [', '"poll": {"question": "вопрос"\n     },\n      "text_entities": [');
    // Indentation that differs from message to message, and a message on one line.
    const ragged = text.replace(/\n {5}\{/g, (m, at: number) => (at % 3 === 0 ? '\n\t  {' : m)).replace(/\{\n {6}"id": 7,[^]*?\n {5}\}/, (m) => m.replace(/\n\s*/g, ' '));
    // The fast path alone really is fooled by the first (so the test exercises the fallback).
    const fastAlone = ((): unknown => {
      try {
        return boundaries(batches(inner, true, 1 << 20));
      } catch (error) {
        return String(error);
      }
    })();
    expect(fastAlone).not.toEqual(boundaries(batches(inner, false, 1 << 20)));
    for (const variant of [inner, ragged]) {
      expect(() => JSON.parse(variant) as unknown).not.toThrow();
      const { fast, exact } = await bothWays(variant);
      expect(fast).not.toMatch(/^error/);
      expect(fast).toBe(exact);
    }
  });

  it('reports damage and hostile nesting exactly as the exact scan does', async () => {
    const text = exportText(12);
    const limits = { ...DEFAULT_LIMITS, maxDepth: 40 };
    const damaged = text.replace('"id": 5,', '"id": 5');
    const deep = text.replace('"type": "message",', `"type": "message", "x": ${'['.repeat(80)}${']'.repeat(80)},`);
    const rawNewline = text.replace('цитата 3', 'цитата\n     }, 3');
    for (const variant of [damaged, deep, rawNewline]) {
      const { fast, exact } = await bothWays(variant, limits, 4096);
      expect(exact).toMatch(/^error: UserError: result\.json: /);
      expect(fast).toBe(exact);
    }
  });
});
