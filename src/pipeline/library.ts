/**
 * The lab's reference library: init, add, remove, list. Read → assemble → write: the item file is
 * extracted with the same adapters and limits as evidence (same one-line errors), its words are
 * fingerprinted once, and every change rewrites the merged fingerprint index in the same logged
 * commit, so the index on disk always belongs to the library's head.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { LogEntry } from '../core/case.js';
import { canonicalJson } from '../core/canonical-json.js';
import type { SozDocument } from '../core/document.js';
import { UserError } from '../core/errors.js';
import type { Limits } from '../ingest/adapter.js';
import { inputFromFile } from '../ingest/file-input.js';
import { extensionForMediaType, sniffMediaType } from '../ingest/sniff.js';
import { assertReadableFile, digestFile, readHead } from '../case/evidence-store.js';
import type { FingerprintIndex } from '../analysis/reuse/index-data.js';
import { decodeIndex, encodeIndex, fingerprintItem, mergeIndexes } from '../analysis/reuse/index-data.js';
import { matchWords } from '../analysis/reuse/words.js';
import type { LibraryState, LibraryWrite } from '../library/folder.js';
import { LibraryFiles, commitLibraryChange, initLibraryFolder, readLibrary, readLibraryFile } from '../library/folder.js';
import type { IndexEntry, ItemText, LibraryItem, Provenance } from '../library/item.js';
import { provenanceSchema } from '../library/item.js';
import { extractEvidence } from './extract.js';

/** Who changes the library and when (injected so tests fix the clock). */
export interface LibraryChange {
  readonly now: () => Date;
  readonly actor: string;
}

/** Creates a library folder with an empty, logged index. */
export function initLibrary(dir: string, change: LibraryChange): LogEntry {
  initLibraryFolder(dir, change.now, change.actor);
  return commitLibraryChange(dir, change.now, { actor: change.actor, action: 'library.index', details: { indexEntries: [] } }, indexWrites(dir, []));
}

/** Validates provenance typed by the examiner; the error lists every problem with its field. */
export function parseProvenance(raw: Record<string, unknown>): Provenance {
  const parsed = provenanceSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`soz library add: ${parsed.error.issues.map((issue) => `--${kebab(String(issue.path[0] ?? ''))}: ${issue.message}`).join('; ')}`, 'library.invalid-provenance', undefined, { key: 'error.library.invalid-provenance', params: { problems: parsed.error.issues.map((issue) => `--${kebab(String(issue.path[0] ?? ''))}: ${issue.message}`).join('; ') } });
  return parsed.data;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

async function extractItem(file: string, limits: Limits): Promise<{ documents: SozDocument[]; sha256: string; size: number; mediaType: string }> {
  assertReadableFile(file);
  const size = statSync(file).size;
  if (size > limits.maxFileBytes) throw new UserError(`${file}: ${size} bytes exceeds the file-size limit of ${limits.maxFileBytes}; raise it with --max-file-bytes`, 'limit.file-size', undefined, { key: 'error.limit-file-size', params: { path: file, size, limit: limits.maxFileBytes } });
  const digest = await digestFile(file);
  const head = await readHead(file);
  const mediaType = sniffMediaType(head);
  const input = inputFromFile(file, { name: basename(file), sha256: digest.sha256, size: digest.size, mediaType, head, limits });
  const documents: SozDocument[] = [];
  for await (const doc of extractEvidence(input, file)) documents.push(doc);
  return { documents, sha256: digest.sha256, size: digest.size, mediaType };
}

/** Adds a file with its provenance; refuses an unreadable file, one without words, or a duplicate. */
export async function addLibraryItem(dir: string, file: string, provenance: Provenance, limits: Limits, change: LibraryChange): Promise<{ item: LibraryItem; entry: LogEntry }> {
  const library = readLibrary(dir);
  const extracted = await extractItem(file, limits);
  const present = library.items.find((item) => item.sha256 === extracted.sha256);
  if (present) throw new UserError(`${file}: already in the library as ${present.originalName} (${present.sha256.slice(0, 12)})`, 'library.duplicate', undefined, { key: 'error.library-duplicate', params: { path: file, name: present.originalName, sha: present.sha256.slice(0, 12) } });
  const writes: LibraryWrite[] = [];
  const documents = extracted.documents.map((doc, n) => {
    const keys = matchWords(doc.text).keys;
    const fingerprints = `${LibraryFiles.fingerprintsDir}/${extracted.sha256}.${n}.bin`;
    writes.push({ path: fingerprints, data: encodeIndex(fingerprintItem(keys)) });
    return { id: doc.id, words: keys.length, fingerprints };
  });
  if (documents.every((doc) => doc.words === 0)) throw new UserError(`${file}: no words to compare were extracted; a scanned item needs OCR before it enters the library`, 'library.no-text', undefined, { key: 'error.library-no-text', params: { path: file } });
  const item: LibraryItem = {
    sha256: extracted.sha256,
    originalName: basename(file),
    size: extracted.size,
    mediaType: extracted.mediaType,
    copy: `${LibraryFiles.itemsDir}/${extracted.sha256}${extensionForMediaType(extracted.mediaType)}`,
    text: `${LibraryFiles.textDir}/${extracted.sha256}.json`,
    documents,
    provenance,
  };
  const text: ItemText = { documents: extracted.documents.map((doc) => ({ id: doc.id, text: doc.text })) };
  writes.push({ path: item.copy, data: readFileSync(file) }, { path: item.text, data: canonicalJson(text, true) });
  const items = [...library.items, item];
  const entryWrites = [...writes, ...indexWrites(dir, items, writes)];
  const entry = commitLibraryChange(dir, change.now, { actor: change.actor, action: 'library.add', details: { item, indexEntries: indexEntriesOf(items) } }, entryWrites, library.head);
  return { item, entry };
}

/** Takes an item out of the comparison (its copy, text and fingerprints stay, as in a case). */
export function removeLibraryItem(dir: string, sha256Prefix: string, reason: string, change: LibraryChange): { item: LibraryItem; entry: LogEntry } {
  const library = readLibrary(dir);
  const item = findItem(library, sha256Prefix);
  const items = library.items.filter((other) => other !== item);
  const entry = commitLibraryChange(dir, change.now, { actor: change.actor, action: 'library.remove', details: { sha256: item.sha256, reason, indexEntries: indexEntriesOf(items) } }, indexWrites(dir, items), library.head);
  return { item, entry };
}

function findItem(library: LibraryState, prefix: string): LibraryItem {
  const matches = prefix.length >= 6 ? library.items.filter((item) => item.sha256.startsWith(prefix.toLowerCase())) : [];
  if (matches.length !== 1) throw new UserError(`${library.dir}: ${matches.length === 0 ? 'no item' : 'more than one item'} with SHA-256 starting ${prefix}; see "soz library list ${library.dir}"`, 'library.no-such-item', undefined, { key: matches.length === 0 ? 'error.library-no-item' : 'error.library-many-items', params: { dir: library.dir, prefix } });
  return matches[0]!;
}

function indexEntriesOf(items: readonly LibraryItem[]): IndexEntry[] {
  return items.flatMap((item) => item.documents.map((doc) => ({ sha256: item.sha256, document: doc.id })));
}

/** The merged index over `items` (fingerprint files read from the library or from `pending`). */
function indexWrites(dir: string, items: readonly LibraryItem[], pending: readonly LibraryWrite[] = []): LibraryWrite[] {
  const parts = items.flatMap((item) =>
    item.documents.map((doc) => {
      const staged = pending.find((write) => write.path === doc.fingerprints);
      return decodeIndex(staged ? (staged.data as Uint8Array) : readLibraryFile(dir, doc.fingerprints))!;
    }),
  );
  return [
    { path: LibraryFiles.index, data: encodeIndex(mergeIndexes(parts)) },
    { path: LibraryFiles.indexEntries, data: canonicalJson(indexEntriesOf(items), true) },
  ];
}

/** A checked library with its index loaded and a reader for an index entry's text. */
export interface OpenLibrary {
  readonly state: LibraryState;
  readonly index: FingerprintIndex;
  readonly entries: readonly IndexEntry[];
  /** The item and document text behind index item number `n`. */
  entry(n: number): { item: LibraryItem; documentId: string; text: string };
}

/** Opens a library for comparison: refuses a changed folder (log chain, file hashes) first. */
export function openLibrary(dir: string): OpenLibrary {
  const state = readLibrary(dir);
  const index = decodeIndex(readLibraryFile(dir, LibraryFiles.index));
  if (!index) throw new UserError(`${dir}: ${LibraryFiles.index} is not a soz fingerprint index; restore the library from the lab's copy`, 'library.tampered', undefined, { key: 'error.library.not-an-index', params: { dir, index: LibraryFiles.index } });
  const entries = state.indexEntries;
  const bySha = new Map(state.items.map((item) => [item.sha256, item]));
  const texts = new Map<string, ItemText>();
  return {
    state,
    index,
    entries,
    entry(n) {
      const { sha256, document } = entries[n]!;
      const item = bySha.get(sha256)!;
      let text = texts.get(sha256);
      if (!text) texts.set(sha256, (text = JSON.parse(readLibraryFile(dir, item.text).toString('utf8')) as ItemText));
      return { item, documentId: document, text: text.documents.find((doc) => doc.id === document)?.text ?? '' };
    },
  };
}
