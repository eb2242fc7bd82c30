import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { DocumentBuilder } from '../../core/document-builder.js';
import type { SozDocument } from '../../core/document.js';
import { documentId } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import { said } from '../../core/messages.js';
import { sha256 } from '../../core/hash.js';
import type { EvidenceInput, IngestAdapter, Limits } from '../adapter.js';
import { inputFromBytes } from '../adapter.js';
import type { DecodedName, NameDecoding } from './entry-name.js';
import { decodedByRule, entryName, isSymlink, unsafeReason } from './entry-name.js';
import { isMedia, isOfficePackage } from './sniff.js';
import { sniffMediaType } from '../sniff.js';

/** Deepest ZIP-inside-ZIP opened (the seized ZIP is depth 0). */
export const MAX_ZIP_NESTING = 2;
/** Below this many unpacked bytes an entry's ratio is not checked (tiny repetitive files). */
export const RATIO_FLOOR_BYTES = 64 * 1024;

/** Options of the ZIP adapter. */
export interface ZipOptions {
  /** Media-type sniffer for entries; defaults to the one used for files on disk. */
  readonly sniff?: (bytes: Uint8Array) => string;
}

/** What happened to one entry, listed in the ZIP's manifest document. */
interface ManifestRow {
  readonly path: string;
  readonly size?: number;
  readonly sha256?: string;
  readonly status: 'ingested' | 'media' | 'unknown-format' | 'failed' | 'encrypted' | 'unsupported-compression' | 'nested-too-deep' | 'nested-zip';
  readonly detail?: string;
  /** The stored name bytes (hex) and their decoding, for a name whose bytes are not plain UTF-8 or ASCII. */
  readonly storedName?: StoredName;
}

/** A name's bytes as the archive stores them (hex) and how they were decoded, kept where the decoding was not self-evident. */
interface StoredName {
  readonly hex: string;
  readonly decoding: NameDecoding;
}

interface WalkState {
  decompressed: number;
  readonly rows: ManifestRow[];
  /** Entries whose names carry no encoding (no UTF-8 flag, not ASCII), and the code page used. */
  readonly guessedNames: Array<{ readonly path: string; readonly decoding: 'cp866' | 'cp437' }>;
}

/**
 * A whole export given as a `.zip`. Every entry is unpacked in memory (never to disk) within
 * `limits.maxDecompressedBytes` (total, counted on the bytes actually inflated, nested ZIPs
 * included) and `limits.maxCompressionRatio` (per entry), and handed to the first adapter of
 * `adapters()` that recognises it. Entry paths that could escape an extraction folder (absolute,
 * `..`, drive letter, backslash, NUL) and symbolic links make the whole ZIP a `UserError`
 * (`zip.unsafe-entry`). ZIPs inside the ZIP are opened up to depth 2; their entries are named
 * `outer.zip!/inner/path`.
 *
 * Custody: every document keeps the seized ZIP's SHA-256 as `evidenceSha256` and the entry path
 * as `entry` (documents and anchors), and records the entry's own hash in
 * `properties.entrySha256`. After the entries, one manifest document (format `text`, id = the ZIP's)
 * lists every entry with size, hash and what was done with it; media files, unknown formats and
 * failures are also summarised in its notices, so nothing is skipped silently.
 *
 * `adapters` is a function so the registry can include this adapter without an import cycle.
 */
export function createZipAdapter(adapters: () => readonly IngestAdapter[], options: ZipOptions = {}): IngestAdapter {
  const sniff = options.sniff ?? sniffMediaType;
  return {
    id: 'zip',
    // The ZIP adds only its manifest document, which is plain text; entries keep their own formats.
    format: 'text',
    detect: detectZip,
    extract: (input) => extractZip(input, adapters, sniff),
  };
}

/** True for a ZIP that is not an office document (DOCX, XLSX, ODT, EPUB are ZIPs too). */
export function detectZip(input: Pick<EvidenceInput, 'head' | 'name' | 'mediaType'>): boolean {
  const h = input.head;
  const zipMagic = h[0] === 0x50 && h[1] === 0x4b && ((h[2] === 3 && h[3] === 4) || (h[2] === 5 && h[3] === 6));
  if (!zipMagic) return false;
  if (/officedocument|opendocument|epub/u.test(input.mediaType)) return false;
  if (/\.(?:docx|docm|xlsx|pptx|odt|ods|odp|epub|jar|apk)$/iu.test(input.name)) return false;
  return isOfficePackage(h) === undefined;
}

async function* extractZip(input: EvidenceInput, adapters: () => readonly IngestAdapter[], sniff: (bytes: Uint8Array) => string): AsyncIterable<SozDocument> {
  const bytes = await input.bytes();
  const state: WalkState = { decompressed: 0, rows: [], guessedNames: [] };
  yield* walkZip(bytes, '', 0, input, adapters, sniff, state);
  yield manifestDocument(input, state);
}

async function* walkZip(
  bytes: Uint8Array,
  prefix: string,
  depth: number,
  input: EvidenceInput,
  adapters: () => readonly IngestAdapter[],
  sniff: (bytes: Uint8Array) => string,
  state: WalkState,
): AsyncIterable<SozDocument> {
  const where = prefix === '' ? input.name : `${input.name} (inside ${prefix.slice(0, -2)})`;
  const zip = await openZip(bytes, where);
  try {
    const entries = zip.eachEntry();
    for (;;) {
      let next: IteratorResult<Entry>;
      try {
        next = await entries.next();
      } catch (error) {
        throw corrupt(where, error);
      }
      if (next.done) break;
      const entry = next.value;
      const decoded = entryName(entry);
      const { name, decoding } = decoded;
      const path = prefix + name;
      const storedName = storedNameOf(decoded);
      if (decoding === 'cp866' || decoding === 'cp437') state.guessedNames.push({ path, decoding });
      const reason = unsafeReason(name) ?? (isSymlink(entry) ? said('is a symbolic link', 'problem.entry.link') : undefined);
      if (reason !== undefined) {
        throw new UserError(
          `${where}: entry "${path}" ${reason.text}; soz refuses this archive — have it examined and repacked by hand, or add the safe files one by one`,
          'zip.unsafe-entry',
          undefined,
          { key: 'error.ingest.zip-unsafe-entry', params: { where, path, reason: reason.message } },
        );
      }
      if (name.endsWith('/')) continue; // a folder: nothing to read
      if (entry.isEncrypted()) {
        state.rows.push({ path, size: entry.uncompressedSize, status: 'encrypted', detail: 'encrypted entry, not read', ...storedName });
        continue;
      }
      if (!entry.canDecodeFileData()) {
        state.rows.push({ path, size: entry.uncompressedSize, status: 'unsupported-compression', detail: `compression method ${entry.compressionMethod}`, ...storedName });
        continue;
      }
      const data = await readEntry(zip, entry, path, where, input.limits, state);
      const entrySha = sha256(data);
      const mediaType = sniff(data);
      if (mediaType === 'application/zip') {
        if (depth + 1 > MAX_ZIP_NESTING) {
          state.rows.push({ path, size: data.byteLength, sha256: entrySha, status: 'nested-too-deep', detail: `ZIP nested deeper than ${MAX_ZIP_NESTING} levels, not opened`, ...storedName });
          continue;
        }
        state.rows.push({ path, size: data.byteLength, sha256: entrySha, status: 'nested-zip', ...storedName });
        yield* walkZip(data, `${path}!/`, depth + 1, input, adapters, sniff, state);
        continue;
      }
      yield* ingestEntry(data, { path, entrySha, mediaType, ...storedName }, input, adapters, state);
    }
  } finally {
    zip.close();
  }
}

/** Opens a ZIP held in memory for reading entry by entry, names undecoded (see `entryName`). */
async function openZip(bytes: Uint8Array, where: string): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (error) {
    throw corrupt(where, error);
  }
}

/**
 * The member of a ZIP that an entry path of its documents starts with, read again within `limits`:
 * names decoded as `extractZip` decodes them, the longest member name that is the whole path or is
 * followed by `!/` (a ZIP inside the ZIP: `rest` is the path inside it) or by `/` (a file embedded
 * in the member: `rest` is e.g. `attachment.1/name.pdf`). Undefined when no member matches.
 */
export async function zipMember(bytes: Uint8Array, path: string, where: string, limits: Limits): Promise<{ readonly data: Uint8Array; readonly rest: string } | undefined> {
  const zip = await openZip(bytes, where);
  try {
    let best: { readonly entry: Entry; readonly name: string; readonly rest: string } | undefined;
    for await (const entry of zip.eachEntry()) {
      const { name } = entryName(entry);
      const rest = path === name ? '' : path.startsWith(`${name}!/`) ? path.slice(name.length + 2) : path.startsWith(`${name}/`) && !name.endsWith('/') ? path.slice(name.length + 1) : undefined;
      if (rest !== undefined && (best === undefined || name.length > best.name.length)) best = { entry, name, rest };
    }
    if (best === undefined) return undefined;
    const data = await readEntry(zip, best.entry, best.name, where, limits, { decompressed: 0, rows: [], guessedNames: [] });
    return { data, rest: best.rest };
  } finally {
    zip.close();
  }
}

/** An entry read from the archive: its path, hash, sniffed media type and stored name. */
interface ReadEntry {
  readonly path: string;
  readonly entrySha: string;
  readonly mediaType: string;
  readonly storedName?: StoredName;
}

async function* ingestEntry(data: Uint8Array, read: ReadEntry, input: EvidenceInput, adapters: () => readonly IngestAdapter[], state: WalkState): AsyncIterable<SozDocument> {
  const { path, entrySha, mediaType, storedName } = read;
  const baseName = path.slice(path.lastIndexOf('/') + 1);
  const inner = inputFromBytes(data, { name: baseName, sha256: input.sha256, mediaType, limits: input.limits, entry: path, ...(input.dateOrder ? { dateOrder: input.dateOrder } : {}) });
  const adapter = adapters().find((candidate) => candidate.id !== 'zip' && safeDetect(candidate, inner));
  const row = { path, size: data.byteLength, sha256: entrySha, ...(storedName ? { storedName } : {}) };
  if (!adapter) {
    state.rows.push({ ...row, status: isMedia(mediaType, baseName) ? 'media' : 'unknown-format', detail: mediaType });
    return;
  }
  let count = 0;
  try {
    for await (const doc of adapter.extract(inner)) {
      count += 1;
      yield rebase(doc, input, read, data.byteLength);
    }
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    state.rows.push({ ...row, status: 'failed', detail: `${adapter.id}: ${error.message} [${error.code}]` });
    return;
  }
  state.rows.push({ ...row, status: 'ingested', detail: `${adapter.id}, ${count} document(s)` });
}

/** The stored bytes of a name whose decoding the bytes do not settle alone (no UTF-8, not ASCII). */
function storedNameOf(decoded: DecodedName): { readonly storedName: StoredName } | Record<string, never> {
  return decodedByRule(decoded.decoding) ? { storedName: { hex: decoded.rawHex, decoding: decoded.decoding } } : {};
}

function safeDetect(adapter: IngestAdapter, input: EvidenceInput): boolean {
  try {
    return adapter.detect(input);
  } catch {
    return false;
  }
}

/** Reads one entry, counting the bytes actually inflated against the limits. */
async function readEntry(zip: ZipFile, entry: Entry, path: string, where: string, limits: Limits, state: WalkState): Promise<Uint8Array> {
  const ratioLimit = Math.max(entry.compressedSize, 1) * limits.maxCompressionRatio;
  const chunks: Buffer[] = [];
  let size = 0;
  let stream: NodeJS.ReadableStream & { destroy(): void };
  try {
    stream = (await zip.openReadStreamPromise(entry)) as typeof stream;
  } catch (error) {
    throw corrupt(where, error, path);
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      state.decompressed += chunk.length;
      if (state.decompressed > limits.maxDecompressedBytes) {
        throw new UserError(
          `${where}: unpacking "${path}" passes ${limits.maxDecompressedBytes} bytes in total (maxDecompressedBytes); if the archive is genuine, raise it with --max-decompressed-bytes`,
          'limit.decompressed-bytes',
          undefined,
          { key: 'error.limit.zip-total', params: { where, path, limit: limits.maxDecompressedBytes } },
        );
      }
      if (size > RATIO_FLOOR_BYTES && size > ratioLimit) {
        throw new UserError(
          `${where}: entry "${path}" unpacks to more than ${limits.maxCompressionRatio} times its packed size of ${entry.compressedSize} bytes (maxCompressionRatio; a ZIP bomb?); if genuine, raise it with --max-compression-ratio`,
          'limit.compression-ratio',
          undefined,
          { key: 'error.limit.zip-ratio', params: { where, path, limit: limits.maxCompressionRatio, packed: entry.compressedSize } },
        );
      }
      if (size > limits.maxInMemoryBytes) {
        throw new UserError(`${where}: entry "${path}" is larger than ${limits.maxInMemoryBytes} bytes; raise the limit with --max-in-memory-bytes`, 'limit.in-memory-bytes', undefined, { key: 'error.limit.zip-entry-memory', params: { where, path, limit: limits.maxInMemoryBytes } });
      }
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof UserError) throw error;
    throw corrupt(where, error, path);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function corrupt(where: string, error: unknown, path?: string): UserError {
  const reason = error instanceof Error ? error.message : String(error);
  const entry = path === undefined ? null : said(` at entry "${path}"`, 'problem.entry.at', { path });
  return new UserError(`${where}: damaged or unsupported ZIP${entry?.text ?? ''} (${reason}); check the copy against its hash, or unpack it with another tool and add the files`, 'zip.corrupt', undefined, { key: 'error.ingest.zip-corrupt', params: { where, entry: entry?.message ?? '', reason } });
}

/** Points a document from an entry at the seized ZIP: its hash, the entry path, the entry's hash (and stored name bytes where decoded by a rule). */
function rebase(doc: SozDocument, zip: EvidenceInput, read: ReadEntry, entrySize: number): SozDocument {
  const { path, entrySha, storedName } = read;
  const base = documentId(zip.sha256, path);
  const plain = documentId(zip.sha256);
  const id = doc.id.startsWith(base) ? doc.id : doc.id.startsWith(plain) ? base + doc.id.slice(plain.length) : base;
  return {
    ...doc,
    id,
    evidenceSha256: zip.sha256,
    evidenceName: zip.name,
    // A file embedded in the member (a PDF's attachment) keeps its own path below the member's.
    entry: doc.entry?.startsWith(`${path}/`) === true ? doc.entry : path,
    segments: doc.segments.map((segment) =>
      segment.anchor.evidenceSha256 === zip.sha256 && segment.anchor.entry !== undefined
        ? segment
        : { ...segment, anchor: { ...segment.anchor, evidenceSha256: zip.sha256, entry: segment.anchor.entry ?? path } },
    ),
    properties: { ...doc.properties, entrySha256: entrySha, entrySize, ...(storedName ? { entryNameHex: storedName.hex, entryNameDecoding: storedName.decoding } : {}) },
  };
}

function manifestDocument(input: EvidenceInput, state: WalkState): SozDocument {
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'text');
  state.rows.forEach((row, index) => {
    const stored = row.storedName !== undefined ? `name bytes ${row.storedName.hex} read as ${row.storedName.decoding}` : undefined;
    const facts = [row.size !== undefined ? `${row.size} bytes` : undefined, row.sha256 !== undefined ? `sha256 ${row.sha256}` : undefined, row.status, row.detail, stored].filter(
      (part): part is string => part !== undefined,
    );
    builder.add({ id: `e${index + 1}`, text: `${row.path}\t${facts.join('\t')}`, part: 'body', anchor: { entry: row.path, paragraph: index } });
  });
  const byStatus = (status: ManifestRow['status']) => state.rows.filter((row) => row.status === status);
  const list = (rows: readonly ManifestRow[]) => rows.slice(0, 20).map((row) => row.path).join(', ') + (rows.length > 20 ? ` and ${rows.length - 20} more` : '');
  const media = byStatus('media');
  const unknown = byStatus('unknown-format');
  const failed = byStatus('failed');
  const unread = [...byStatus('encrypted'), ...byStatus('unsupported-compression'), ...byStatus('nested-too-deep')];
  if (media.length > 0) builder.notice({ code: 'zip.media-not-analysed', severity: 'info', message: `${media.length} media file(s) are listed but have no text to analyse: ${list(media)}` });
  if (unknown.length > 0) builder.notice({ code: 'zip.unknown-entries', severity: 'warning', message: `${unknown.length} entr(ies) in a format soz does not read, listed but not analysed: ${list(unknown)}` });
  if (failed.length > 0) builder.notice({ code: 'zip.entry-failed', severity: 'warning', message: `${failed.length} entr(ies) could not be read: ${failed.slice(0, 5).map((row) => `${row.path} (${row.detail ?? ''})`).join('; ')}` });
  for (const decoding of ['cp866', 'cp437'] as const) {
    const named = state.guessedNames.filter((entry) => entry.decoding === decoding);
    if (named.length === 0) continue;
    const how = decoding === 'cp866' ? 'CP866 (the Cyrillic DOS code page Russian Windows archivers write: the bytes spell Cyrillic words there; the stored bytes are in the manifest rows)' : 'CP437 (the ZIP standard\'s default; the bytes are not Cyrillic in CP866; the stored bytes are in the manifest rows)';
    const paths = named.slice(0, 20).map((entry) => entry.path).join(', ') + (named.length > 20 ? ` and ${named.length - 20} more` : '');
    builder.notice({ code: 'zip.entry-name-encoding', severity: 'info', message: `${named.length} entry name(s) do not say their encoding (no UTF-8 flag) and were decoded as ${how}: ${paths}` });
  }
  if (unread.length > 0) builder.notice({ code: 'zip.entries-not-opened', severity: 'warning', message: `${unread.length} entr(ies) were not opened (encrypted, unsupported compression or nested too deep): ${list(unread)}` });
  return builder.build({
    role: 'container-manifest',
    entries: state.rows.length,
    ingested: byStatus('ingested').length,
    media: media.length,
    unknown: unknown.length,
    failed: failed.length,
    notOpened: unread.length,
    decompressedBytes: state.decompressed,
  });
}
