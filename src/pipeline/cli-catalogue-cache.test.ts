// The CLI catalogue's ready-to-load copy (issue 17, start-up): every command reads the catalogue, and
// the build's parsed copy spares parsing its YAML; it is used only for the same files and code.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCachePath, dataCacheText } from '../language/data-cache.js';
import type { CliCatalogue } from './cli-catalogue.js';
import { readCliCatalogue, writeCliCatalogueCaches } from './cli-catalogue.js';

const ROOT = new URL('../../', import.meta.url).pathname;

// A root of its own with the real English and Russian files, so caches can be written and tampered with.
let root: string;
let compiled: { en: CliCatalogue; ru: CliCatalogue };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'soz-cli-cache-'));
  for (const language of ['en', 'ru', 'ky']) cpSync(join(ROOT, 'templates', language), join(root, 'templates', language), { recursive: true });
  compiled = { en: readCliCatalogue('en', root), ru: readCliCatalogue('ru', root) };
  writeCliCatalogueCaches(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('CLI catalogue cache', () => {
  it('gives the catalogue parsed from the YAML', () => {
    expect(Object.keys(compiled.ru.help).length).toBeGreaterThan(0);
    expect(readCliCatalogue('en', root)).toStrictEqual(compiled.en);
    expect(readCliCatalogue('ru', root)).toStrictEqual(compiled.ru);
  });

  it('is what the loader returns while the files are unchanged, unless its body is damaged', () => {
    const path = dataCachePath(root, 'cli-en');
    const original = readFileSync(path, 'utf8');
    const { key } = JSON.parse(original.slice(0, original.indexOf('\n'))) as { key: string };
    try {
      writeFileSync(path, dataCacheText(key, { ...compiled.en, messages: { marked: 'from the cache' } }));
      expect(readCliCatalogue('en', root).messages).toEqual({ marked: 'from the cache' });
      writeFileSync(path, original.replace(/"[^"]+"\}\}?$/, ''));
      expect(readCliCatalogue('en', root)).toStrictEqual(compiled.en);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('is ignored once a file changes: the edited YAML is read', () => {
    const file = join(root, 'templates', 'ru', 'cli.yaml');
    const original = readFileSync(file, 'utf8');
    appendFileSync(file, '\ntest.cache-probe: "проба"\n');
    try {
      expect(readCliCatalogue('ru', root).messages['test.cache-probe']).toBe('проба');
    } finally {
      writeFileSync(file, original);
    }
  });
});
