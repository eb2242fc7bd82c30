import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A folder shared by the run's files for cases several of them build the same way (the demo).
    globalSetup: ['tests/support/run-cache.ts'],
    // Vitest's default is one fork fewer than the cores: on CI's two cores a single fork, idle
    // whenever its test waits on Tesseract, pdftoppm, Chromium or a spawned soz. Two forks keep
    // both cores busy; the main process only collects results.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
