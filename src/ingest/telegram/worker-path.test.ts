// The worker-thread path of the Telegram JSON adapter. Workers need compiled JavaScript, so the
// modules of the JSON path are transpiled (TypeScript's transpileModule, no type check) into a temp
// dir and loaded from there; the documents must equal, byte for byte, those built in the calling
// thread from the sources, whatever the number of workers, the chunking of the file and the
// part limits that are the same.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical-json.js';
import type { SozDocument } from '../../core/document.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../adapter.js';
import type { TelegramJsonOptions } from './json-adapter.js';
import { createTelegramJsonAdapter } from './json-adapter.js';

const SRC = fileURLToPath(new URL('../../', import.meta.url));
const JSON_PATH = [...['json-adapter', 'json-scanner', 'parse-batch', 'message', 'json-message', 'pool', 'part-transfer', 'part-thread', 'worker'].map((m) => `ingest/telegram/${m}.ts`), 'ingest/unread-keys.ts'];

let out = '';
let compiled: {
  createTelegramJsonAdapter(options: TelegramJsonOptions): IngestAdapter;
};
let runnerThreads: (threads: number) => Promise<number>;
/** A part thread that also encodes each document it builds (as `soz add`'s does, with a stand-in encoder), and the compiled registry its files land in. */
let encodingThread: URL;
let madeFiles: { madeDocumentFile(doc: SozDocument): { bytes: Uint8Array; sha256: string } | undefined };

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'soz-telegram-worker-'));
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  const core = readdirSync(join(SRC, 'core')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `core/${f}`);
  for (const rel of [...core, ...JSON_PATH]) {
    const js = ts.transpileModule(readFileSync(join(SRC, rel), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const target = join(out, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  compiled = (await import(pathToFileURL(join(out, 'ingest/telegram/json-adapter.js')).href)) as typeof compiled;
  writeFileSync(join(out, 'encoding-thread.js'), "import { serveParts } from './ingest/telegram/part-thread.js';\nimport { canonicalJson } from './core/canonical-json.js';\nserveParts((doc) => new TextEncoder().encode(canonicalJson(doc)));\n");
  encodingThread = pathToFileURL(join(out, 'encoding-thread.js'));
  madeFiles = (await import(pathToFileURL(join(out, 'core/made-document-file.js')).href)) as typeof madeFiles;
  const pool = (await import(pathToFileURL(join(out, 'ingest/telegram/pool.js')).href)) as { createPartRunner(threads: number): { threads: number; close(): Promise<void> } };
  runnerThreads = async (threads) => {
    const runner = pool.createPartRunner(threads);
    await runner.close();
    return runner.threads;
  };
}, 30_000);

afterAll(() => {
  if (out !== '') rmSync(out, { recursive: true, force: true });
});

/** A small fictional full-account export: several chats, one large, a repeated id, a bad message. */
function exportText(): string {
  const msg = (id: number, i: number): Record<string, unknown> => {
    const base = { id, type: 'message', date: '2024-03-01T09:00:00', date_unixtime: String(1709262000 + i * 61), from: i % 3 === 0 ? 'Айгүл' : 'Bolot', from_id: `user${i % 3}` };
    if (i % 11 === 0) return { ...base, forwarded_from: 'Канал (вымышл.)', text: `пересланный ${i}`, text_entities: [{ type: 'plain', text: `пересланный ${i}` }] };
    if (i % 7 === 0) return { ...base, reply_to_message_id: id - 1, text: ['ответ ', { type: 'blockquote', text: `цитата "${i}" \\ {` }, ' конец'], text_entities: [{ type: 'plain', text: 'ответ ' }, { type: 'blockquote', text: `цитата "${i}" \\ {` }, { type: 'plain', text: ' конец' }] };
    if (i % 13 === 0) return { ...base, reactions: [{ type: 'emoji', count: 1, emoji: '👍', recent: [{ from: 'Mira', from_id: 'user9', date: '2024-03-01T10:00:00' }] }], text: `🙂 ${i}`, text_entities: [] };
    return { ...base, text: `сообщение ${i} / message ${i}`, text_entities: [{ type: 'plain', text: `сообщение ${i} / message ${i}` }] };
  };
  const chats = [];
  let i = 0;
  for (let c = 0; c < 5; c++) {
    const count = c === 1 ? 260 : 15 + c * 9;
    const messages: unknown[] = [];
    for (let k = 1; k <= count; k++) messages.push(msg(k, i++));
    if (c === 2) messages.push(msg(3, i++), { id: 'x', type: 'message' }, { id: 99, type: 'sticker_pack' });
    if (c === 3) messages.push({ id: 500, type: 'service', actor: 'Bolot', actor_id: 'user1', action: 'pin_message', message_id: 1, text: '', text_entities: [] });
    chats.push({ name: `Чат ${c}`, type: c % 2 === 0 ? 'private_group' : 'personal_chat', id: 7000 + c, messages });
  }
  chats.push({ name: 'empty', type: 'personal_chat', id: 8000, messages: [] });
  return JSON.stringify({ about: 'fictional', personal_information: { user_id: 1 }, chats: { about: 'x', list: chats }, left_chats: { about: 'y', list: [{ name: 'left', type: 'private_group', id: 9000, messages: [msg(1, 1)] }] } }, null, 1);
}

function inputOf(bytes: Uint8Array, chunk: number): EvidenceInput {
  const base = inputFromBytes(bytes, { name: 'result.json', sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'application/json', limits: DEFAULT_LIMITS });
  return {
    ...base,
    chunks: async function* () {
      for (let at = 0; at < bytes.byteLength; at += chunk) yield bytes.slice(at, at + chunk);
    },
  };
}

async function canonical(adapter: IngestAdapter, bytes: Uint8Array, chunk: number): Promise<string> {
  const docs: SozDocument[] = await collectDocuments(adapter.extract(inputOf(bytes, chunk)));
  return canonicalJson(docs);
}

describe('Telegram JSON adapter in worker threads', () => {
  const bytes = new TextEncoder().encode(exportText());
  const limits = { maxMessagesPerDocument: 40, maxJsonBytesPerDocument: 24 * 1024 };

  it('really starts worker threads from compiled code', async () => {
    expect(await runnerThreads(2)).toBe(2);
    expect(await runnerThreads(0)).toBe(0);
  });

  it('builds the same documents with 0, 1 or 2 workers and any chunking', async () => {
    const reference = await canonical(createTelegramJsonAdapter({ threads: 0, ...limits }), bytes, 1 << 20);
    const docs = JSON.parse(reference) as SozDocument[];
    // The limits really split the large chat, a repeated id is renamed and the bad messages kept.
    expect(docs.filter((d) => d.entry?.startsWith('chats/7001/part')).length).toBeGreaterThan(3);
    expect(docs.some((d) => d.segments.some((s) => s.id === 'm3~dup1'))).toBe(true);
    expect(docs.flatMap((d) => d.segments).filter((s) => s.message?.role === 'uninterpreted')).toHaveLength(2);
    for (const [threads, chunk] of [
      [1, 4096],
      [2, 997],
      [2, 1 << 20],
    ] as const) {
      const adapter = compiled.createTelegramJsonAdapter({ threads, workerThresholdBytes: 0, ...limits });
      expect(await canonical(adapter, bytes, chunk), `${threads} worker(s), chunks of ${chunk} bytes`).toBe(reference);
    }
  });

  it('gives the file each thread made of a document with that document, and none with a document changed after', async () => {
    const reference = await canonical(createTelegramJsonAdapter({ threads: 0, ...limits }), bytes, 1 << 20);
    const docs: SozDocument[] = await collectDocuments(compiled.createTelegramJsonAdapter({ threads: 2, workerThresholdBytes: 0, ...limits }).extract(inputOf(bytes, 4096), { partThread: encodingThread }));
    expect(canonicalJson(docs)).toBe(reference);
    const withFile = docs.filter((doc) => madeFiles.madeDocumentFile(doc) !== undefined);
    for (const doc of withFile) {
      const file = madeFiles.madeDocumentFile(doc)!;
      expect(new TextDecoder().decode(file.bytes), doc.id).toBe(canonicalJson(doc));
      expect(file.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
    }
    // Every part but those the calling thread changed after (a repeated id renamed: a new object, with its notice), and the export's overview (built here).
    const renamed = docs.filter((doc) => doc.notices.some((notice) => notice.code === 'telegram.duplicate-message-id'));
    expect(renamed.some((doc) => doc.segments.some((segment) => segment.id.includes('~dup')))).toBe(true);
    expect(renamed.every((doc) => madeFiles.madeDocumentFile(doc) === undefined)).toBe(true);
    expect(withFile.length).toBe(docs.length - renamed.length - docs.filter((doc) => doc.entry === 'export').length);
  });

  it('reports a damaged message from a worker as from the calling thread', async () => {
    const text = exportText();
    const at = text.indexOf('"id": 200,');
    const damaged = new TextEncoder().encode(`${text.slice(0, at)}"id": 200 ${text.slice(at + 10)}`);
    const inThread = await canonical(createTelegramJsonAdapter({ threads: 0, ...limits }), damaged, 4096).catch((error: unknown) => String(error));
    const inWorkers = await canonical(compiled.createTelegramJsonAdapter({ threads: 2, workerThresholdBytes: 0, ...limits }), damaged, 4096).catch((error: unknown) => String(error));
    expect(inThread).toMatch(/result\.json: malformed JSON in the message starting at byte \d+/);
    expect(inWorkers).toBe(inThread);
  });
});
