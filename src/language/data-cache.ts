/**
 * Compiled data, ready to load. Parsing the YAML data (lexicons, profile lists, language data)
 * and checking it against its schemas costs about half a second on every `soz analyze`; the build
 * (`npm run build`, through `scripts/build-data-cache.mjs`) writes the results once as JSON into
 * `dist/data-cache/`. The loaders that use it: `analysis/lexicon-files.ts`, `language/data.ts`.
 *
 * A cache file is trusted only when its key equals the key of what would be compiled now — the
 * path and SHA-256 of every source file, in order, and the SHA-256 of the modules that compile
 * them (so a cache left by an older build of the code is never read) — and when its body has the
 * SHA-256 its header records. Otherwise the caller compiles from the source files as before. The
 * run manifest records the source files either way: the cache changes how fast, never what.
 *
 * File format: line 1 is a JSON header `{ key, bodySha256 }`, line 2 the JSON body.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { sha256 } from '../core/hash.js';
import { canonicalJson } from '../core/canonical-json.js';

/** Folder of the cache files inside the project root. */
export const DATA_CACHE_DIR = 'dist/data-cache';

/** A source file of cached data: path relative to the project root and its SHA-256. */
export interface CachedSource {
  readonly path: string;
  readonly sha256: string;
}

/**
 * The files of the modules whose code decides what compiled data is (parser, schemas, loader),
 * named without extension beside `moduleUrl` (an `import.meta.url`): `.js` in dist/, `.ts` when
 * run from src/, so a cache written by dist/ code is never used by src/ code. This module's own
 * file (the cache format) is always part of the key.
 */
export function compilerModules(moduleUrl: string, names: readonly string[]): readonly URL[] {
  const extension = moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  return names.map((name) => new URL(`./${name}${extension}`, moduleUrl));
}

const compilerDigests = new Map<string, string | null>();

/** SHA-256 over the compiling modules' bytes; null when one cannot be read (then nothing is cached). */
function compilerDigest(modules: readonly URL[]): string | null {
  const files = [import.meta.url, ...modules.map(String)];
  const id = files.join('\n');
  let digest = compilerDigests.get(id);
  if (digest === undefined) {
    try {
      digest = sha256(files.map((file) => sha256(readFileSync(new URL(file)))).join('\n'));
    } catch {
      digest = null;
    }
    compilerDigests.set(id, digest);
  }
  return digest;
}

/**
 * The key of data of `kind` compiled from `sources` by the modules `compiler` (see
 * {@link compilerModules}); null when the code cannot be identified.
 */
export function dataCacheKey(kind: string, sources: readonly CachedSource[], compiler: readonly URL[]): string | null {
  const code = compilerDigest(compiler);
  return code === null ? null : sha256(canonicalJson({ code, kind, sources: sources.map(({ path, sha256: hash }) => ({ path, sha256: hash })) }));
}

/**
 * Folder of the cache files when this code runs from the TypeScript sources (the tests; compiled
 * soz never does): their keys name the `.ts` modules, so the build's files in `DATA_CACHE_DIR`
 * never match them, and without a folder of their own every `soz analyze` run in a test process
 * compiled the lexicons from YAML again (about 1.2 s of CPU each). The test run writes them here
 * once (`tests/support/source-data-cache.ts`).
 */
export const SOURCE_RUN_CACHE_DIR = 'node_modules/.cache/soz-data-cache';
const CACHE_DIR = import.meta.url.endsWith('.ts') ? SOURCE_RUN_CACHE_DIR : DATA_CACHE_DIR;

/** Path of the cache file of `kind` under the project root `root`. */
export function dataCachePath(root: string, kind: string): string {
  return join(root, CACHE_DIR, `${kind}.json`);
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

/**
 * Writes the cache file of `kind` under the project root `root`; returns its path. Throws when
 * `key` is null or when `body` would not come back from JSON unchanged (then a cache would change
 * results, so none is written).
 */
export function writeDataCache(root: string, kind: string, key: string | null, body: unknown): string {
  if (key === null) throw new Error(`${kind}: the compiling modules cannot be read, so no cache can be keyed`);
  const text = dataCacheText(key, body);
  if (!isDeepStrictEqual(JSON.parse(text.slice(text.indexOf('\n') + 1)), body)) throw new Error(`${kind}: the compiled data does not survive JSON unchanged; no cache written`);
  const path = dataCachePath(root, kind);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}
