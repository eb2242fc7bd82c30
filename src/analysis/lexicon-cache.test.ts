import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCacheKey, dataCachePath, dataCacheText } from '../language/data-cache.js';
import { LEXICON_COMPILER, loadLexicons, loadProfileLists, writeDataCaches } from './lexicon-files.js';

const ROOT = new URL('../../', import.meta.url).pathname;

// A project root of its own holding two real lexicons and one profile list, so the cache files can be
// written, tampered with and removed without touching the repository's dist/.
let root: string;
let compiled: Awaited<ReturnType<typeof loadLexicons>>;
let compiledLists: Awaited<ReturnType<typeof loadProfileLists>>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'soz-data-cache-'));
  for (const path of ['sop/lexicons/ru/violence.yaml', 'sop/lexicons/ky/call-to-action.yaml', 'sop/profile/ru.yaml']) cpSync(join(ROOT, path), join(root, path));
  compiled = await loadLexicons(root);
  compiledLists = await loadProfileLists(root);
  await writeDataCaches(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ready-to-load data cache', () => {
  it('loads the same lexicons, profile lists and file records from the cache as from the YAML', async () => {
    expect(await loadLexicons(root)).toStrictEqual(compiled);
    expect(await loadProfileLists(root)).toStrictEqual(compiledLists);
  });

  it('is read when its key matches: a body written under the current key is what the loader returns', async () => {
    const path = dataCachePath(root, 'lexicons');
    const original = readFileSync(path, 'utf8');
    const key = dataCacheKey('lexicons', compiled.files, LEXICON_COMPILER);
    expect(key).not.toBeNull();
    const marked = compiled.lexicons.map((lexicon) => ({ ...lexicon, description: 'from the cache' }));
    writeFileSync(path, dataCacheText(key as string, marked));
    try {
      expect((await loadLexicons(root)).lexicons.map((l) => l.description)).toEqual(['from the cache', 'from the cache']);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('is ignored when its body is damaged (compiles from the YAML instead)', async () => {
    const path = dataCachePath(root, 'lexicons');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('"ru.violence', '"ru.violencX'));
    try {
      expect(await loadLexicons(root)).toStrictEqual(compiled);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('is ignored once a source file changes: the edited YAML is compiled and its new hash recorded', async () => {
    const path = dataCachePath(root, 'lexicons');
    const original = readFileSync(path, 'utf8');
    const marked = compiled.lexicons.map((lexicon) => ({ ...lexicon, description: 'from the cache' }));
    writeFileSync(path, dataCacheText(dataCacheKey('lexicons', compiled.files, LEXICON_COMPILER) as string, marked));
    const source = join(root, 'sop/lexicons/ru/violence.yaml');
    const yaml = readFileSync(source, 'utf8');
    appendFileSync(source, "# an examiner's comment\n");
    try {
      const loaded = await loadLexicons(root);
      expect(loaded.lexicons).toStrictEqual(compiled.lexicons);
      expect(loaded.files.map((f) => f.sha256)).not.toEqual(compiled.files.map((f) => f.sha256));
    } finally {
      writeFileSync(source, yaml);
      writeFileSync(path, original);
    }
  });
});
