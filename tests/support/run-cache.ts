/**
 * A folder shared by the test files of one vitest run (made by vitest's globalSetup, removed at
 * its end) for cases that several files build the same way: the first file to need one builds it,
 * the others copy it. Without the global setup (a file run by another runner) each file keeps its
 * own copy in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's shared cache folder (see tests/support/run-cache.ts). */
    sozRunCache: string;
  }
}

/** vitest globalSetup: makes the run's cache folder and removes it when the run ends. */
export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'soz-run-cache-'));
  project.provide('sozRunCache', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
