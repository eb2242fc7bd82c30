/**
 * `soz practice start` never reads the key. Two independent checks on a copy of the library:
 * every file-system call soz makes is recorded (node:fs and node:fs/promises are wrapped) and
 * no recorded path is a key; and each `key.yaml` is replaced by a directory, so any attempt to
 * read it would fail with EISDIR (chmod 000 does not stop root, which tests may run as).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as FsModule from 'node:fs';
import type * as FsPromisesModule from 'node:fs/promises';

const { spy, wrapAll } = vi.hoisted(() => {
  const spy = { paths: [] as string[], on: false };
  const names = ['readFileSync', 'readdirSync', 'openSync', 'createReadStream', 'statSync', 'lstatSync', 'existsSync', 'copyFileSync', 'cpSync', 'accessSync', 'readFile', 'open', 'readdir', 'stat', 'lstat', 'access'];
  /** The module with every path-taking function recording its first argument while `spy.on`. */
  const wrapAll = <T extends object>(module: T): T => {
    const wrapped: Record<string, unknown> = { ...(module as Record<string, unknown>) };
    for (const name of names) {
      const original = (module as Record<string, unknown>)[name];
      if (typeof original !== 'function') continue;
      wrapped[name] = (...args: unknown[]) => {
        if (spy.on && (typeof args[0] === 'string' || args[0] instanceof URL)) spy.paths.push(String(args[0]));
        return (original as (...a: unknown[]) => unknown)(...args);
      };
    }
    return wrapped as T;
  };
  return { spy, wrapAll };
});

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof FsModule>();
  const wrapped = wrapAll(actual);
  return { ...wrapped, default: wrapped };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromisesModule>();
  const wrapped = wrapAll(actual);
  return { ...wrapped, default: wrapped };
});

const { PRACTICE_LIBRARY, gradePracticeCase, startPracticeCase } = await import('../src/pipeline/practice.js');

const clock = () => new Date(Date.UTC(2026, 2, 25, 9, 0, 0));
const CASES = ['ru-grey-stone', 'en-millbrook', 'ky-kara-tash'];
let scratch: string;
let library: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'soz-practice-key-'));
  library = join(scratch, 'library');
  cpSync(PRACTICE_LIBRARY, library, { recursive: true });
  for (const id of readdirSync(library)) {
    if (!statSync(join(library, id)).isDirectory()) continue;
    rmSync(join(library, id, 'key.yaml'), { force: true });
    mkdirSync(join(library, id, 'key.yaml'));
  }
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('soz practice start and the key', () => {
  it.each(CASES)('%s: start works and never touches key.yaml', async (id) => {
    spy.paths.length = 0;
    spy.on = true;
    const dir = join(scratch, `case-${id}`);
    try {
      const outcome = await startPracticeCase(id, dir, { clock, library });
      expect(outcome.materials).toBeGreaterThanOrEqual(2);
    } finally {
      spy.on = false;
    }
    expect(spy.paths.some((path) => path.endsWith(join(id, 'case.yaml'))), 'the spy sees the reads of case.yaml').toBe(true);
    expect(spy.paths.filter((path) => path.includes('key.yaml'))).toEqual([]);
    const original = readFileSync(join(PRACTICE_LIBRARY, id, 'key.yaml'), 'utf8');
    const notes = [...original.matchAll(/note: "([^"]{20,})"/g)].map((match) => match[1] as string);
    expect(notes.length).toBeGreaterThan(0);
    for (const file of filesUnder(dir)) {
      const content = readFileSync(file, 'utf8');
      for (const note of notes) expect(content.includes(note), `${file} holds a key note`).toBe(false);
    }
  });

  it('grade is the one that reads the key (and fails on the directory put in its place)', () => {
    spy.paths.length = 0;
    spy.on = true;
    try {
      expect(() => gradePracticeCase(join(scratch, 'case-ru-grey-stone'), { clock, library })).toThrow();
    } finally {
      spy.on = false;
    }
    expect(spy.paths.some((path) => path.endsWith(join('ru-grey-stone', 'key.yaml')))).toBe(true);
  });
});
