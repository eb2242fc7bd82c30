/**
 * The demo case (`soz demo`, practice case ru-grey-stone) as several test files need it untouched:
 * built once per vitest run with the CLI's fixed test clock and copied for each caller, so every
 * copy holds the same bytes a `soz demo --out DIR` of its own would.
 */
import { cpSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject } from 'vitest';
import { soz, tempDir } from './cli.js';

let built: Promise<string> | undefined;

/** Runs `soz demo` into a fresh folder and returns it. */
async function buildDemo(): Promise<string> {
  const out = join(tempDir('soz-demo-build-'), 'demo');
  const run = await soz(['demo', '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

/**
 * The run's demo case: taken from the run cache when another file built it, else built and put
 * there. Two files building at once both succeed: the first rename wins and the other keeps its own.
 */
async function sharedDemo(): Promise<string> {
  const cache = inject('sozRunCache') as string | undefined;
  if (cache === undefined) return buildDemo();
  const shared = join(cache, 'demo');
  if (existsSync(shared)) return shared;
  const own = await buildDemo();
  try {
    renameSync(own, shared);
    return shared;
  } catch {
    return own;
  }
}

/** A fresh copy of the untouched demo case in a new temporary folder, at `<tmp>/demo`. */
export async function untouchedDemo(): Promise<string> {
  built ??= sharedDemo();
  const dir = join(tempDir(), 'demo');
  cpSync(await built, dir, { recursive: true });
  return dir;
}
