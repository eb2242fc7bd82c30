/**
 * Compiled analysis data, ready to load. Parsing the lexicon YAML and checking it against its
 * schema costs about half a second on every `soz analyze`; the build (`npm run build`, through
 * `scripts/build-data-cache.mjs`) writes the result once as JSON into `dist/data-cache/`.
 *
 * A cache file is trusted only when its key equals the key of what would be compiled now — the
 * path and SHA-256 of every source file, in order, and the SHA-256 of the modules that compile
 * them (so a cache left by an older build of the code is never read) — and when its body has the
 * SHA-256 its header records. Otherwise the caller compiles from the source files as before. The
 * run manifest records the source files either way: the cache changes how fast, never what.
 *
 * File format: line 1 is a JSON header `{ key, bodySha256 }`, line 2 the JSON body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../core/hash.js';
import { canonicalJson } from '../core/canonical-json.js';

/** Folder of the cache files inside the project root. */
export const DATA_CACHE_DIR = 'dist/data-cache';

/** A source file of cached data: path relative to the project root and its SHA-256. */
export interface CachedSource {
  readonly path: string;
  readonly sha256: string;
}

// The modules whose code decides what the compiled data is (parser, schemas, loader, this format).
// They are read beside this module, so a cache written by dist/ code is not used by src/ code.
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const COMPILER_MODULES = ['data-cache', 'lexicon-check', 'lexicon-schema', 'lexicon-files', 'profile-schema'];

let compiler: string | null | undefined;

/** SHA-256 over the compiling modules' bytes; null when one cannot be read (then nothing is cached). */
function compilerDigest(): string | null {
  if (compiler !== undefined) return compiler;
  try {
    compiler = sha256(COMPILER_MODULES.map((name) => sha256(readFileSync(new URL(`./${name}${EXTENSION}`, import.meta.url)))).join('\n'));
  } catch {
    compiler = null;
  }
  return compiler;
}

/** The key of data of `kind` compiled from `sources` by this code; null when the code cannot be identified. */
export function dataCacheKey(kind: string, sources: readonly CachedSource[]): string | null {
  const code = compilerDigest();
  return code === null ? null : sha256(canonicalJson({ code, kind, sources: sources.map(({ path, sha256: hash }) => ({ path, sha256: hash })) }));
}

/** Path of the cache file of `kind` under the project root `root`. */
export function dataCachePath(root: string, kind: string): string {
  return join(root, DATA_CACHE_DIR, `${kind}.json`);
}

/**
 * The cached body of `kind` under `root` when its key is `key` and its body is intact; undefined
 * otherwise (no file, another key, a damaged body: the caller compiles).
 */
export function readDataCache(root: string, kind: string, key: string | null): unknown {
  if (key === null) return undefined;
  let text: string;
  try {
    text = readFileSync(dataCachePath(root, kind), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  const body = text.slice(newline + 1);
  try {
    const header = JSON.parse(text.slice(0, newline)) as { key?: unknown; bodySha256?: unknown };
    if (header.key !== key || header.bodySha256 !== sha256(body)) return undefined;
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The text of a cache file holding `body` under `key` (see the module comment for the format). */
export function dataCacheText(key: string, body: unknown): string {
  const json = JSON.stringify(body);
  return `${JSON.stringify({ key, bodySha256: sha256(json) })}\n${json}`;
}
