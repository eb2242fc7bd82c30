/**
 * Reading the analysis data from disk: the lexicons under `sop/lexicons/` and the profile word
 * lists under `sop/profile/`, compiled from their YAML or taken from the build's ready-to-load
 * copy when that was compiled from the same bytes by the same code (`language/data-cache.ts`). With that
 * module, the only file I/O of the analysis layer; everything it returns is plain data that the
 * pure analyses take as input.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { Lexicon } from './lexicon-check.js';
import type { ProfileLists } from './profile-schema.js';
import { compilerModules, dataCacheKey, readDataCache, writeDataCache } from '../language/data-cache.js';

/** What decides the compiled lexicons and lists: the YAML parsing and schemas, their code lists, and this loader. */
export const LEXICON_COMPILER = compilerModules(import.meta.url, ['lexicon-files', 'lexicon-check', 'lexicon-schema', 'profile-schema', 'lexicon-codes']);

// The checks (YAML parsing and the zod schemas) are imported where data is validated or compiled,
// not at the top: a run that takes the build's compiled copy never needs them, and building the
// schemas was 20–40 ms of every `soz analyze` and of every analysis thread (issue 17, sixth round).
const lexiconCheck = () => import('./lexicon-check.js');
const profileCheck = () => import('./profile-schema.js');

/** A data file read for a run: path relative to the project root (`/`-separated) and SHA-256 hex. */
export interface DataFileRecord {
  readonly path: string;
  readonly sha256: string;
}

/** Relative folder of the lexicons inside the project root. */
export const LEXICON_DIR = 'sop/lexicons';
/** Relative folder of the profile word lists inside the project root. */
export const PROFILE_DIR = 'sop/profile';

interface RawFile {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
}

async function listYaml(root: string, dir: string, depth: number): Promise<string[]> {
  const out: string[] = [];
  let names: string[];
  try {
    names = (await readdir(join(root, dir), { withFileTypes: true })).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
  } catch {
    return out;
  }
  for (const name of names.sort(compareCodeUnits)) {
    if (name.endsWith('/')) {
      if (depth > 0) out.push(...(await listYaml(root, `${dir}/${name.slice(0, -1)}`, depth - 1)));
    } else if (name.endsWith('.yaml') || name.endsWith('.yml')) {
      out.push(`${dir}/${name}`);
    }
  }
  return out;
}

async function readAll(root: string, paths: readonly string[]): Promise<RawFile[]> {
  const files: RawFile[] = [];
  for (const path of paths) {
    const bytes = await readFile(join(root, path));
    files.push({ path, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), sha256: sha256(bytes) });
  }
  return files;
}

/**
 * Validates every lexicon under `<root>/sop/lexicons/<language>/<category>.yaml`; `root` is the
 * project root. Returns the problems (empty when all files are sound), each naming the file, the
 * entry and the fix; ids must also be unique across files.
 */
export async function validateLexicons(root: string): Promise<string[]> {
  const paths = await listYaml(root, LEXICON_DIR, 1);
  if (paths.length === 0) return [`${LEXICON_DIR}: no lexicon files found under ${root} — fix: run from the project root or restore ${LEXICON_DIR}/`];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const concernEntries: [string, readonly string[]][] = [];
  const { checkLexiconText } = await lexiconCheck();
  for (const file of await readAll(root, paths)) {
    if (!/^sop\/lexicons\/[^/]+\/[^/]+\.yaml$/.test(file.path)) {
      problems.push(`${file.path}: lexicon outside sop/lexicons/<language>/<category>.yaml — fix: move it there (extension .yaml)`);
      continue;
    }
    const check = checkLexiconText(file.path, file.text);
    problems.push(...check.problems);
    if (check.lexicon?.concern?.entries) concernEntries.push([file.path, check.lexicon.concern.entries]);
    for (const entry of check.lexicon?.entries ?? []) {
      const other = seen.get(entry.id);
      if (other !== undefined) problems.push(`${file.path}: entry ${entry.id}: id also used in ${other} — fix: choose a new slug for one of them`);
      seen.set(entry.id, file.path);
    }
  }
  for (const [path, ids] of concernEntries) {
    for (const id of ids) if (!seen.has(id)) problems.push(`${path}: concern.entries: ${id} is no entry of any lexicon — fix: correct the id or remove it`);
  }
  const profile = await readAll(root, await listYaml(root, PROFILE_DIR, 0));
  const { checkProfileText } = await profileCheck();
  for (const file of profile) problems.push(...checkProfileText(file.path, file.text).problems);
  return problems;
}

/**
 * Loads and validates all lexicons (sorted by path) and records every file read with its
 * SHA-256, for the run manifest. Throws `UserError` (code `data.invalid`) naming the first
 * problems when any file is unsound.
 */
export async function loadLexicons(root: string): Promise<{ lexicons: Lexicon[]; files: DataFileRecord[] }> {
  const raw = await readAll(root, await listYaml(root, LEXICON_DIR, 1));
  const files = raw.map(({ path, sha256: hash }) => ({ path, sha256: hash }));
  const cached = readDataCache(root, 'lexicons', dataCacheKey('lexicons', files, LEXICON_COMPILER));
  if (cached !== undefined) return { lexicons: cached as Lexicon[], files };
  return { lexicons: await compileLexicons(root, raw), files };
}

async function compileLexicons(root: string, raw: readonly RawFile[]): Promise<Lexicon[]> {
  const { checkLexiconText } = await lexiconCheck();
  const problems: string[] = [];
  const lexicons: Lexicon[] = [];
  for (const file of raw) {
    const check = checkLexiconText(file.path, file.text);
    problems.push(...check.problems);
    if (check.lexicon) lexicons.push(check.lexicon);
  }
  if (raw.length === 0) problems.push(`${LEXICON_DIR}: no lexicon files found under ${root}`);
  if (problems.length > 0) {
    throw new UserError(`Lexicon data is invalid (${problems.length} problem(s)); first: ${problems[0]}. Run \`soz data validate\` for all.`, 'data.invalid', undefined, { key: 'error.data.lexicon-invalid', params: { count: problems.length, first: problems[0]! } });
  }
  return lexicons;
}

/** Loads the profile word lists `<root>/sop/profile/<language>.yaml` with their file records. */
export async function loadProfileLists(root: string): Promise<{ lists: ProfileLists[]; files: DataFileRecord[] }> {
  const raw = await readAll(root, await listYaml(root, PROFILE_DIR, 0));
  const files = raw.map(({ path, sha256: hash }) => ({ path, sha256: hash }));
  const cached = readDataCache(root, 'profile-lists', dataCacheKey('profile-lists', files, LEXICON_COMPILER));
  if (cached !== undefined) return { lists: cached as ProfileLists[], files };
  return { lists: await compileProfileLists(raw), files };
}

async function compileProfileLists(raw: readonly RawFile[]): Promise<ProfileLists[]> {
  const { checkProfileText } = await profileCheck();
  const lists: ProfileLists[] = [];
  const problems: string[] = [];
  for (const file of raw) {
    const check = checkProfileText(file.path, file.text);
    problems.push(...check.problems);
    if (check.lists) lists.push(check.lists);
  }
  if (problems.length > 0) {
    throw new UserError(`Profile word lists are invalid (${problems.length} problem(s)); first: ${problems[0]}. Run \`soz data validate\` for all.`, 'data.invalid', undefined, { key: 'error.data.profile-invalid', params: { count: problems.length, first: problems[0]! } });
  }
  return lists;
}

/**
 * Compiles the lexicons and profile word lists under the project root `root` and writes their
 * ready-to-load copies (`language/data-cache.ts`); returns the files written. Throws when the data
 * is invalid or does not survive JSON unchanged.
 */
export async function writeDataCaches(root: string): Promise<string[]> {
  const lexiconFiles = await readAll(root, await listYaml(root, LEXICON_DIR, 1));
  const profileFiles = await readAll(root, await listYaml(root, PROFILE_DIR, 0));
  return [
    writeDataCache(root, 'lexicons', dataCacheKey('lexicons', lexiconFiles, LEXICON_COMPILER), await compileLexicons(root, lexiconFiles)),
    writeDataCache(root, 'profile-lists', dataCacheKey('profile-lists', profileFiles, LEXICON_COMPILER), await compileProfileLists(profileFiles)),
  ];
}
