import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Unit test files that replace a module other files import (vi.mock): they need a module graph
 * of their own, so they run with the isolated files.
 */
const OWN_MODULE_GRAPH = ['src/case/workspace-log.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A folder shared by the run's files for cases several of them build the same way (the demo).
    globalSetup: ['tests/support/run-cache.ts'],
    // Vitest's default is one fork fewer than the cores: on CI's two cores a single fork, idle
    // whenever its test waits on Tesseract, pdftoppm, Chromium or a spawned soz. Two forks keep
    // both cores busy; the main process only collects results.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        // The unit tests of src/ share their fork's modules (isolate: false): each file otherwise
        // imports and warms the analysis engine again (about 2 s of CPU a file before its first
        // test). Measured on src/analysis, 54 files: 139 s of CPU isolated, 54 s shared (README
        // "Suite time, round 11"). They mutate no process state they do not restore.
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: [...configDefaults.exclude, ...OWN_MODULE_GRAPH], isolate: false },
      },
      {
        // End-to-end files change PATH, TZ, TMPDIR, spies and fake timers, start servers, browsers
        // and crashing children: each keeps a fresh fork.
        extends: true,
        test: { name: 'end-to-end', include: ['tests/**/*.test.ts', ...OWN_MODULE_GRAPH] },
      },
    ],
  },
});
