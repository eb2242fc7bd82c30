// The analyses on worker threads (issue 17): `--workers 1` and `--workers 2` write the same bytes
// (derived/ and the manifest) on the demo case and on a case of several real chats, and a thread
// that fails is a one-line error naming the file, exit 2, with the case left as it was.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicons } from '../src/analysis/index.js';
import { startParallelAnalyses } from '../src/analysis/parallel.js';
import { canonicalJson } from '../src/core/canonical-json.js';
import type { SozDocument } from '../src/core/document.js';
import type { DocumentParcel } from '../src/analysis/worker.js';
import { derivedDocuments, documentFileHead, parsedDocument } from '../src/case/records.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { ngramTablePruned } from '../src/pipeline/analyze.js';
import { INSTALL_ROOT } from '../src/pipeline/install.js';
import { REAL_CORPORA } from './support/adapter-invariants.js';
import { snapshotTree, soz, tempDir } from './support/cli.js';

const scratch = tempDir('soz-workers-');
/** The module of soz analyze's threads, which decode documents sent as their files. */
const ANALYZE_THREAD = new URL('../src/pipeline/analyze-thread.js', import.meta.url);
const demo = join(scratch, 'demo');
const chats = join(scratch, 'chats');
// Small real chats of ../shared/corpora-real (see its SOURCES.md): a full-account export of several
// chats, a personal Telegram chat and three WhatsApp files; one document each, several for the export.
const CHAT_FILES = ['telegram/mlomb_fixture_full_account_export.result.json', 'telegram/mlomb_fixture_personal_chat.result.json', 'whatsapp/chatminer_multiformat_testlog.txt', 'whatsapp/en_ios_12h_attached_lrm.chat.txt', 'whatsapp/mlomb_en_android_us_group_system.txt'].map((file) => `${REAL_CORPORA}${file}`);

// The demo's materials (`soz demo`, practice case ru-grey-stone): a Telegram channel and a PDF leaflet.
const DEMO_FILES = ['listovka.pdf', 'result.json'].map((file) => new URL(`../corpora/practice/ru-grey-stone/materials/${file}`, import.meta.url).pathname);

/** derived/ and the manifest in it, every file with its hash. */
const derived = (dir: string) => snapshotTree(join(dir, 'derived'));

async function analyzed(dir: string, workers: number): Promise<{ workers: number; manifestSha256: string }> {
  const run = await soz(['analyze', dir, '--workers', String(workers), '--query', 'школа', '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { workers: number; manifestSha256: string };
}

async function newCase(dir: string, files: readonly string[]): Promise<void> {
  expect((await soz(['init', dir, '--case-number', 'W-1', '--ordering-body', 'test', '--examiner', 'test'])).code).toBe(0);
  expect((await soz(['add', dir, ...files])).code).toBe(0);
}

beforeAll(async () => {
  await newCase(demo, DEMO_FILES);
  await newCase(chats, CHAT_FILES);
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('analyses on worker threads', () => {
  it.each([["the demo case's materials", demo], ['a case of several chats', chats]])('write the same derived/ and manifest with one thread and with two: %s', async (_, dir) => {
    const one = await analyzed(dir, 1);
    const serial = derived(dir);
    const two = await analyzed(dir, 2);
    expect([one.workers, two.workers]).toEqual([1, 2]);
    expect(two.manifestSha256).toBe(one.manifestSha256);
    expect(derived(dir)).toEqual(serial);
    expect(Object.keys(serial).filter((path) => path.startsWith('documents/')).length).toBeGreaterThan(1);
  }, 120_000);

  it('hand out each document\'s indicator findings in the order the documents were dealt, as one thread does', async () => {
    const docs = [...derivedDocuments(CaseWorkspace.open(chats))].map(({ doc }) => doc);
    const { lexicons } = await loadLexicons(INSTALL_ROOT);
    const handedOut = async (workers: number) => {
      const ids: string[][] = [];
      const run = startParallelAnalyses({ lexicons, analyses: ['indicators'], onDocumentFindings: (findings) => ids.push(findings.map((f) => f.id)) }, workers);
      try {
        for (const doc of docs) await run.add(doc);
        return { ids, results: canonicalJson(await run.finish()) };
      } finally {
        await run.close();
      }
    };
    const [one, two] = [await handedOut(1), await handedOut(2)];
    expect(two).toEqual(one);
    expect(one.ids).toHaveLength(docs.length);
    expect(one.ids.flat().length).toBeGreaterThan(0);
  }, 60_000);

  it('analyse documents sent as their files, decoded in the threads (soz analyze\'s thread module) or in the calling thread, as the documents themselves', async () => {
    await analyzed(chats, 1);
    const docs = [...derivedDocuments(CaseWorkspace.open(chats))].map(({ doc }) => doc);
    // The derived files are in the form of the kept ones (`derived-format.ts`): each one's bytes, dealt in reading order.
    const files = readdirSync(join(chats, 'derived', 'documents')).map((name) => {
      const relative = `derived/documents/${name}`;
      return { relative, bytes: readFileSync(join(chats, relative)) };
    });
    const parcels = docs.map((doc): DocumentParcel => {
      const file = files.find((candidate) => documentFileHead(candidate.relative, candidate.bytes)?.id === doc.id)!;
      expect(documentFileHead(file.relative, file.bytes)).toEqual((({ segments: _, ...head }) => head)(doc));
      return { evidenceName: doc.evidenceName, characters: doc.text.length, file, open: () => parsedDocument(file.relative, file.bytes) };
    });
    const { lexicons } = await loadLexicons(INSTALL_ROOT);
    const analysed = async (items: readonly (SozDocument | DocumentParcel)[], workers: number) => {
      const ids: string[][] = [];
      const run = startParallelAnalyses({ lexicons, analyses: ['indicators', 'profile', 'wordlist'], onDocumentFindings: (findings) => ids.push(findings.map((f) => f.id)) }, workers, {}, 0, ANALYZE_THREAD);
      try {
        for (const item of items) await run.add(item);
        return { ids, results: canonicalJson(await run.finish()) };
      } finally {
        await run.close();
      }
    };
    const whole = await analysed(docs, 2);
    expect(await analysed(parcels, 2)).toEqual(whole);
    expect(await analysed(parcels, 1)).toEqual(whole);
    expect(whole.ids.flat().length).toBeGreaterThan(0);
  }, 240_000);

  // The files a thread can be analysing when it stops: the case's documents.
  const FIRST_FILE = /^soz: error: (mlomb_fixture_full_account_export\.result\.json|mlomb_fixture_personal_chat\.result\.json|chatminer_multiformat_testlog\.txt|en_ios_12h_attached_lrm\.chat\.txt|mlomb_en_android_us_group_system\.txt): /;
  const LIMIT_REACHED = 'an analysis thread reached its memory limit of 8 MB (--max-heap-mb); the case is unchanged — run again with a larger --max-heap-mb\n';

  it('a thread past its heap limit is a one-line error naming the limit and its flag, exit 2, and the case is unchanged (analyze and verify)', async () => {
    const before = snapshotTree(chats);
    // A heap far too small for the analyses: the thread stops at its limit.
    const analysis = await soz(['analyze', chats, '--workers', '2', '--max-heap-mb', '8', '--quiet']);
    expect(analysis.code).toBe(2);
    expect(analysis.stderr).toMatch(FIRST_FILE);
    expect(analysis.stderr.replace(FIRST_FILE, '')).toBe(LIMIT_REACHED);
    expect(snapshotTree(chats)).toEqual(before);
    // verify's re-run past the limit says nothing about the case: the same error, not a difference.
    const verify = await soz(['verify', chats, '--workers', '2', '--max-heap-mb', '8', '--quiet']);
    expect(verify.code).toBe(2);
    expect(verify.stdout).not.toMatch(/does not match/);
    expect(verify.stderr.replace(FIRST_FILE, '')).toBe(LIMIT_REACHED);
    expect(snapshotTree(chats)).toEqual(before);
  }, 120_000);

  it('record the thread count only when an n-gram table was pruned (the one result that depends on grouping)', () => {
    const ngrams = (tables: readonly object[]) => [{ analysis: 'ngrams', version: '1', parameters: {}, data: tables }] as never;
    expect(ngramTablePruned(ngrams([{ n: 2, total: 10, rows: [] }]))).toBe(false);
    expect(ngramTablePruned(ngrams([{ n: 2, total: 10, rows: [] }, { n: 3, total: 9, rows: [], prunedAtOrBelow: 1, distinctCap: 2_000_000 }]))).toBe(true);
    expect(ngramTablePruned([])).toBe(false);
  });
});
