import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that need a process of their own: the first two because their `vi.mock` replaces a
 * module (node:fs, a soz module) that the other files of a shared fork import too; the property
 * files because in a shared fork (round 12, at load 20) the WhatsApp adapter threw "Maximum call
 * stack size exceeded" on a 4 MiB line: how deep a call may go there depends on what the fork ran
 * before, which a test of limits must not (left to find out why), and the tokenizer's time budgets
 * should not measure another file's leftovers.
 */
const OWN_PROCESS = ['src/case/workspace-log.test.ts', 'tests/practice-start-key.test.ts', 'tests/property/adapters.property.test.ts', 'tests/property/tokenize.property.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A folder shared by the run's files for cases several of them build the same way (the demo),
    // and the data caches of the TypeScript sources, written once so that an in-process `soz
    // analyze` does not compile the lexicons from YAML each time (README "Suite time, round 17").
    globalSetup: ['tests/support/run-cache.ts', 'tests/support/source-data-cache.ts'],
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
        test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: [...configDefaults.exclude, ...OWN_PROCESS], isolate: false },
      },
      {
        // The end-to-end files share their fork too (README "Suite time, round 12"): each one that
        // changes process state puts it back (PATH, TZ and TMPDIR in finally or afterEach, spies by
        // vi.restoreAllMocks, fake timers by vi.useRealTimers); servers, browsers and crashing
        // children are processes of their own, stopped by the file that started them.
        extends: true,
        test: { name: 'end-to-end', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...OWN_PROCESS], isolate: false },
      },
      {
        extends: true,
        test: { name: 'own-process', include: OWN_PROCESS },
      },
    ],
  },
});
