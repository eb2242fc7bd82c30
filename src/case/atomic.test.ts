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
 * (`removeIfEmpty`), until told to stop; it reports how many times it removed it.
 */
function emptyFolderRemover(dir: string): { stop(): Promise<number> } {
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const { rmdirSync } = require('node:fs');
     const flag = new Int32Array(workerData.stop);
     let removed = 0;
     parentPort.postMessage('ready');
     while (Atomics.load(flag, 0) === 0) {
       try { rmdirSync(workerData.dir); removed += 1; } catch {}
     }
     parentPort.postMessage(removed);`,
    { eval: true, workerData: { dir, stop: stopFlag.buffer } },
  );
  const ready = new Promise((resolve) => worker.once('message', resolve));
  return {
    stop: async () => {
      await ready;
      const removed = new Promise<number>((resolve) => worker.once('message', resolve));
      Atomics.store(stopFlag, 0, 1);
      const count = await removed;
      await worker.terminate();
      return count;
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
    await new Promise((resolve) => setTimeout(resolve, 20)); // the remover runs before the first make
    let made = 0;
    for (let i = 0; i < MAKES; i += 1) {
      const undo = makeIn(dir, i); // the folder may vanish between making it and using it
      made += 1;
      undo(); // the folder is empty again: the remover may take it
    }
    const removals = await remover.stop();
    expect(made).toBe(MAKES);
    expect(removals).toBeGreaterThan(0); // the race was there to be met
    expect(existsSync(root)).toBe(true);
  });
});
