import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree, soz, tempDir } from '../support/cli.js';

// Fictional leaflet written for the tests (tests/fixtures/library/); no real material.
const LEAFLET = new URL('../fixtures/library/fictional-leaflet.txt', import.meta.url).pathname;
const PROVENANCE = ['--court', 'Fictional Court', '--decision-date', '2025-01-15', '--decision-number', '1-2/2025', '--list', 'Fictional list', '--entry', '7', '--language', 'ru'];

async function library(): Promise<string> {
  const lib = join(tempDir('soz-hostile-library-'), 'lib');
  expect((await soz(['library', 'init', lib])).code).toBe(0);
  expect((await soz(['library', 'add', lib, LEAFLET, ...PROVENANCE])).code).toBe(0);
  return lib;
}

/** Runs `soz library list` on a library damaged by `damage` and returns its one-line refusal. */
async function refusal(damage: (lib: string) => void): Promise<string> {
  const lib = await library();
  damage(lib);
  const before = snapshotTree(lib);
  const result = await soz(['library', 'list', lib]);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(snapshotTree(lib)).toEqual(before);
  return result.stderr;
}

describe('hostile library folders', () => {
  it('refuses a folder that is not a library', async () => {
    const result = await soz(['library', 'list', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a soz library/);
  });

  it('refuses a file put in by hand', async () => {
    expect(await refusal((lib) => writeFileSync(join(lib, 'text', 'extra.json'), '{}'))).toMatch(/text\/extra\.json is not in the log/);
  });

  it('refuses an edited log entry (the chain breaks)', async () => {
    expect(
      await refusal((lib) => {
        const path = join(lib, 'log.jsonl');
        writeFileSync(path, readFileSync(path, 'utf8').replace('Fictional Court', 'Another Court'));
      }),
    ).toMatch(/changed outside soz/);
  });

  it('refuses a truncated index', async () => {
    expect(
      await refusal((lib) => {
        const path = join(lib, 'index', 'fingerprints.bin');
        writeFileSync(path, readFileSync(path).subarray(0, 30));
      }),
    ).toMatch(/index\/fingerprints\.bin differs/);
  });

  it('refuses an item without words', async () => {
    const lib = await library();
    const empty = join(tempDir(), 'empty.txt');
    writeFileSync(empty, ' \n\n ');
    const result = await soz(['library', 'add', lib, empty, ...PROVENANCE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/empty\.txt: no words to compare/);
  });
});
