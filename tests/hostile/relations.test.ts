import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotTree, soz, tempDir } from '../support/cli.js';

// Hostile input to the persons-of-interest commands, on the fictional practice case ru-grey-stone:
// look-alike account names, an empty message id, a hand-damaged persons file. Every refusal is one
// line, exit 2, and leaves the case byte for byte as it was.

let dir: string;

beforeAll(async () => {
  dir = join(tempDir('soz-hostile-relations-'), 'case');
  expect((await soz(['practice', 'start', 'ru-grey-stone', dir])).code).toBe(0);
});

async function refusedUnchanged(argv: string[]): Promise<string> {
  const before = snapshotTree(dir);
  const result = await soz(argv);
  expect(result.code, argv.join(' ')).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(snapshotTree(dir)).toEqual(before);
  return result.stderr;
}

describe('persons of interest under hostile input', () => {
  it('a look-alike account name (Latin T, zero-width space) is not the person\'s account', async () => {
    // "Tимур Д." with a Latin T, and "Тимур Д." followed by U+200B: neither is the export's name.
    expect((await soz(['person', 'add', dir, '--name', 'Тимур Д.', '--handle', 'T\u0438\u043c\u0443\u0440 \u0414.', '--handle', '\u0422\u0438\u043c\u0443\u0440 \u0414.\u200b', '--note', 'Look-alike names (fictional)'])).code).toBe(0);
    const listed = (await soz(['person', 'list', dir])).stdout;
    expect(listed).not.toMatch(/author: result\.json/u);
    expect(listed).not.toMatch(/reacted:/u);
    expect(listed).toMatch(/holder: listovka\.pdf/u);
  });

  it('an empty message id, and unknown relation kinds, are refused in one line', async () => {
    expect(await refusedUnchanged(['relation', 'set', dir, '--person', 'P1', '--doc', 'result.json#', '--relation', 'author', '--reason', 'x'])).toMatch(/--doc result\.json#: give the message id after #/);
    expect(await refusedUnchanged(['relation', 'set', dir, '--person', 'P1', '--doc', 'result.json#105', '--relation', 'liked\nforged line', '--reason', 'x'])).toMatch(/use one of author, forwarder/);
  });

  it('a persons file damaged by hand is named, and nothing is written', async () => {
    const path = join(dir, 'examiner', 'persons.json');
    const saved = readFileSync(path);
    writeFileSync(path, '[{"id": "P1", ');
    try {
      expect(await refusedUnchanged(['person', 'list', dir])).toMatch(/examiner\/persons\.json: not valid JSON;.*restore it from the case bundle/);
      expect(await refusedUnchanged(['person', 'add', dir, '--name', 'X', '--handle', 'x', '--note', 'x'])).toMatch(/examiner\/persons\.json: not valid JSON/);
    } finally {
      writeFileSync(path, saved);
    }
  });
});
