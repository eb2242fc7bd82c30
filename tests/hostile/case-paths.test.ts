/**
 * A hostile case folder must not make any command that opens it — a writer such as `soz analyze`
 * or `soz question add`, or a reader such as `soz sop status` — read or move anything outside it.
 * `tests/hostile/verify-paths.test.ts` proves the same for `soz verify`. The log is edited and
 * re-chained as anyone can (the chain has no key). Fictional texts only.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/core/case.js';
import { fileSha256, snapshotTree, soz, tempDir } from '../support/cli.js';
import { editLog, readLog } from '../support/log-edit.js';

const SECRET_WORDS = 'fictional-words-from-outside-the-case';
const INIT = ['--case-number', 'K-77', '--ordering-body', 'test', '--order-date', '2026-03-01', '--examiner', 'tester', '--examination-date', '2026-03-10', '--language', 'en'];

let base = '';

beforeAll(async () => {
  const inputs = tempDir('soz-case-paths-in-');
  const note = join(inputs, 'note.txt');
  writeFileSync(note, 'A fictional note about a bicycle for sale.\n');
  base = join(tempDir('soz-case-paths-base-'), 'case');
  expect((await soz(['init', base, ...INIT])).code).toBe(0);
  expect((await soz(['add', base, note])).code).toBe(0);
});

/** `root/case` (a copy of the base case) and `root/escape.txt`, a local file of someone else's. */
function sandbox(): { root: string; dir: string } {
  const root = tempDir('soz-case-paths-');
  const dir = join(root, 'case');
  cpSync(base, dir, { recursive: true });
  writeFileSync(join(root, 'escape.txt'), `${SECRET_WORDS}\n`);
  return { root, dir };
}

/** Every file below `root` outside the case folder, by hash: must not change. */
function outside(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotTree(root)).filter(([path]) => !path.startsWith('case/')));
}

/** The evidence entry names `../escape.txt` as its copy and keeps no extraction, so a writer would extract that file afresh. */
function copyOutside(entries: LogEntry[]): LogEntry[] {
  return entries.map((entry) => {
    if (entry.action !== 'evidence.add') return entry;
    const evidence = { ...(entry.details['evidence'] as object), copy: '../escape.txt' };
    return { ...entry, outputs: [{ path: '../escape.txt', sha256: entry.outputs[0]!.sha256 }], details: { evidence } };
  });
}

describe('a hostile log cannot make a command other than verify read outside the case', () => {
  for (const command of [['analyze'], ['sop', 'status'], ['question', 'add']]) {
    it(`soz ${command.join(' ')}: an evidence copy named "../escape.txt" is refused, the entry named`, async () => {
      const box = sandbox();
      editLog(box.dir, copyOutside);
      const before = snapshotTree(box.dir);
      const around = outside(box.root);
      const args = command[0] === 'question' ? [...command, box.dir, 'Who wrote the note?'] : [...command, box.dir];
      const result = await soz(args);
      expect(result.code, result.stdout + result.stderr).toBe(2);
      expect(result.stderr).toMatch(/log\.jsonl entry 2 \(evidence\.add\) (output|evidence copy) names "\.\.\/escape\.txt", which climbs out of the folder with "\.\."; refused/);
      expect(snapshotTree(box.dir)).toEqual(before);
      expect(outside(box.root)).toEqual(around);
      expect(result.stdout + result.stderr).not.toContain(SECRET_WORDS);
    });
  }

  it('an extraction folder named "../kept" is refused', async () => {
    const box = sandbox();
    editLog(box.dir, (entries) => entries.map((entry) => (entry.action === 'evidence.add' ? { ...entry, details: { ...entry.details, extraction: { ...(entry.details['extraction'] as object), folder: '../kept' } } } : entry)));
    const before = snapshotTree(box.dir);
    const result = await soz(['analyze', box.dir]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/log\.jsonl entry 2 \(evidence\.add\) extraction folder names "\.\.\/kept", which climbs out/);
    expect(snapshotTree(box.dir)).toEqual(before);
  });
});

describe('a hostile record of an interrupted command cannot move files from or to outside the case', () => {
  /** An intent that the next writer would roll forward: it follows the last entry and its staged file exists. */
  function writeIntent(dir: string, moves: { from: string; to: string; directory?: boolean }[]): void {
    const last = readLog(dir).at(-1)!;
    const entry = { time: '2026-03-10T09:00:00.000Z', actor: 'tester', action: 'question.add', inputs: [], outputs: [], details: {} };
    writeFileSync(join(dir, '.soz-intent.json'), JSON.stringify({ schema: 'soz.intent/1', previousHash: last.hash, entry, moves }));
  }

  for (const [name, moves] of [
    ['a staged file outside', [{ from: '../victim', to: 'stolen' }]],
    ['a target outside', [{ from: 'evidence.json', to: '../victim/evidence.json' }]],
    ['a folder replaced outside', [{ from: 'evidence', to: '../victim', directory: true }]],
  ] as const) {
    it(`${name}: refused, nothing moved, the intent named`, async () => {
      const box = sandbox();
      mkdirSync(join(box.root, 'victim'));
      writeFileSync(join(box.root, 'victim', 'file.txt'), `${SECRET_WORDS}\n`);
      writeIntent(box.dir, [...moves]);
      const before = snapshotTree(box.dir);
      const around = outside(box.root);
      const result = await soz(['question', 'add', box.dir, 'Who wrote the note?']);
      expect(result.code, result.stdout + result.stderr).toBe(2);
      expect(result.stderr).toMatch(/\.soz-intent\.json (move|staged file|target) names "[^"]+", which climbs out of the folder with "\.\."; refused/);
      expect(snapshotTree(box.dir)).toEqual(before);
      expect(outside(box.root)).toEqual(around);
      expect(readdirSync(box.root).sort()).toEqual(['case', 'escape.txt', 'victim']);
      expect(existsSync(join(box.dir, 'stolen'))).toBe(false);
      expect(readFileSync(join(box.root, 'victim', 'file.txt'), 'utf8')).toBe(`${SECRET_WORDS}\n`);
    });
  }
});

/** Every entry below `dir` without following links: files by hash, links by target. */
function treeWithLinks(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isSymbolicLink()) return [`${prefix}${entry.name} -> ${readlinkSync(full)}`];
    if (entry.isDirectory()) return treeWithLinks(full, `${prefix}${entry.name}/`);
    return [`${prefix}${entry.name} ${fileSha256(full)}`];
  });
}

describe('recovery cannot move what it keeps out of the case', () => {
  it('a quarantine folder that is a link to a folder outside is refused, nothing moved', async () => {
    const box = sandbox();
    mkdirSync(join(box.root, 'elsewhere'));
    symlinkSync(join(box.root, 'elsewhere'), join(box.dir, 'quarantine'));
    writeFileSync(join(box.dir, 'evidence', `${'a'.repeat(64)}.txt`), 'A fictional copy no log entry records.\n');
    const before = treeWithLinks(box.dir);
    const result = await soz(['question', 'add', box.dir, 'Who wrote the note?']);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toMatch(/quarantine names "quarantine\/after-entry-2\/evidence\/a{64}\.txt", which passes through a link leading outside the folder; refused/);
    expect(treeWithLinks(box.dir)).toEqual(before);
    expect(readdirSync(join(box.root, 'elsewhere'))).toEqual([]);
  });
});
