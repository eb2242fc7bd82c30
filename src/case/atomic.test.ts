import { closeSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { inFolderMade, openNewFile } from './atomic.js';

const dirs: string[] = [];
/** Enough makes to meet the remover many times (without the retry, one case or both failed in each of five runs). */
const MAKES = 600;
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A thread that removes `dir` whenever it is empty, as a stream of refused `soz add`s would
 * (`removeIfEmpty`), until told to stop. `started` resolves once it runs; `removals()` counts.
 */
function emptyFolderRemover(dir: string): { started: Promise<unknown>; removals(): number; stop(): Promise<void> } {
  const shared = new Int32Array(new SharedArrayBuffer(12)); // [stop, removals, a word to wait on]
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const { rmdirSync } = require('node:fs');
     const shared = new Int32Array(workerData.shared);
     parentPort.postMessage('started');
     while (Atomics.load(shared, 0) === 0) {
       // Each removal is one refused add's: a short pause after it, so the remover is never a
       // spinning adversary that wins every race in a row (real refusals remove the folder once each).
       try { rmdirSync(workerData.dir); Atomics.add(shared, 1, 1); Atomics.wait(shared, 2, 0, 0.05); } catch {}
     }`,
    { eval: true, workerData: { dir, shared: shared.buffer } },
  );
  return {
    started: new Promise((resolve) => worker.once('message', resolve)),
    removals: () => Atomics.load(shared, 1),
    stop: async () => {
      Atomics.store(shared, 0, 1);
      await worker.terminate();
    },
  };
}

describe('openNewFile', () => {
  it('makes the folder and refuses a file that is there', () => {
    const root = mkdtempSync(join(tmpdir(), 'soz-atomic-'));
    dirs.push(root);
    const path = join(root, 'evidence', '.incoming.tmp-1-1');
    const fd = openNewFile(path);
    writeSync(fd, 'bytes');
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('bytes');
    expect(() => openNewFile(path)).toThrow(/EEXIST/);
  });

  it.each([
    ['a new file in it (an evidence copy)', (dir: string, i: number) => {
      const path = join(dir, `.incoming.tmp-1-${i}`);
      closeSync(openNewFile(path));
      return () => unlinkSync(path);
    }],
    ['a staging folder in it (kept documents)', (dir: string, i: number) => {
      const path = join(dir, `.stage.tmp-1-${i}`);
      inFolderMade(dir, () => mkdirSync(path));
      return () => rmdirSync(path);
    }],
  ])('never fails when another writer keeps removing the empty folder (a concurrent refused add): %s', async (_what, makeIn) => {
    const root = mkdtempSync(join(tmpdir(), 'soz-atomic-'));
    dirs.push(root);
    const dir = join(root, 'evidence');
    const remover = emptyFolderRemover(dir);
    await remover.started;
    let made = 0;
    // At least MAKES, and on until the remover has taken the folder a few times (a loaded machine may not run it at once).
    while (made < MAKES || (remover.removals() < 3 && made < 50 * MAKES)) {
      const undo = makeIn(dir, made); // the folder may vanish between making it and using it
      made += 1;
      undo(); // the folder is empty again: the remover may take it
    }
    const removals = remover.removals();
    await remover.stop();
    expect(removals).toBeGreaterThan(0); // the race was there to be met, and no make failed
    expect(existsSync(root)).toBe(true);
  });
});
