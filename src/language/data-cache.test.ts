import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCachePath, writeDataCache } from './data-cache.js';
import type { LanguageData } from './data.js';
import { loadLanguageData, writeLanguageDataCache } from './data.js';

const ROOT = new URL('../../', import.meta.url).pathname;

// A project root of its own with a copy of sop/language/, so its cache file can be written and
// tampered with without touching the repository's dist/.
let root: string;
let compiled: LanguageData;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'soz-language-cache-'));
  cpSync(join(ROOT, 'sop/language'), join(root, 'sop/language'), { recursive: true });
  compiled = loadLanguageData(root);
  writeLanguageDataCache(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ready-to-load language data', () => {
  it('gives the same data (map order included) from the cache as from the YAML', () => {
    const loaded = loadLanguageData(root);
    expect(loaded).toStrictEqual(compiled);
    expect([...loaded.languages.keys()]).toEqual([...compiled.languages.keys()]);
  });

  it('is read while its key matches, and ignored once a data file changes after the build', () => {
    const path = dataCachePath(root, 'language-data');
    const original = readFileSync(path, 'utf8');
    const { key } = JSON.parse(original.slice(0, original.indexOf('\n'))) as { key: string };
    // A body that differs from the YAML (no identification weights): seen only while the key matches.
    const marked = { languages: [...compiled.languages], identification: { ...compiled.identification, thresholds: { ...compiled.identification.thresholds, minLetters: 999 } } };
    writeDataCache(root, 'language-data', key, marked);
    const source = join(root, 'sop/language/ky.yaml');
    const yaml = readFileSync(source, 'utf8');
    try {
      expect(loadLanguageData(root).identification.thresholds.minLetters).toBe(999);
      writeFileSync(source, `${yaml}\n# a comment added after the build\n`);
      expect(loadLanguageData(root)).toStrictEqual(compiled);
    } finally {
      writeFileSync(source, yaml);
      writeFileSync(path, original);
    }
  });

  it('is ignored when its body is damaged', () => {
    const path = dataCachePath(root, 'language-data');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('"languages":[["', '"languages":[[" '));
    try {
      expect(loadLanguageData(root)).toStrictEqual(compiled);
    } finally {
      writeFileSync(path, original);
    }
  });
});
